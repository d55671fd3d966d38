import { beforeEach, describe, expect, it } from 'vitest';
import { clampDockFraction, DOCK_WIDTH_KEY, readDockFraction, saveDockFraction } from '../../../src/lab/workspace/dock-width';
import { isCompact } from '../../../src/lab/workspace/use-compact';
import { resetSiteStorage, siteStorage } from '../../../src/site/storage';

describe('the docked lab width', () => {
  beforeEach(() => resetSiteStorage());

  it('keeps at least 24rem of lab and 28rem of text at any window width', () => {
    expect(clampDockFraction(0.95, 1280)).toBeCloseTo(1 - 448 / 1280);
    expect(clampDockFraction(0.05, 1280)).toBeCloseTo(384 / 1280);
    expect(clampDockFraction(0.5, 1440)).toBe(0.5);
    expect(clampDockFraction(Number.NaN, 1440)).toBe(0.48);
  });

  it('is remembered, and a damaged value is ignored', () => {
    expect(readDockFraction()).toBeNull();
    saveDockFraction(0.55);
    expect(readDockFraction()).toBe(0.55);
    siteStorage().setItem(DOCK_WIDTH_KEY, 'wide');
    expect(readDockFraction()).toBeNull();
    siteStorage().setItem(DOCK_WIDTH_KEY, '7');
    expect(readDockFraction()).toBeNull();
  });
});

describe('compact lab', () => {
  it('shows one pane at a time in the sheet and on phones, both when docked at 1280 × 720', () => {
    expect(isCompact(1024, 384)).toBe(true); // the sheet below the text at 1024 × 768
    expect(isCompact(390, 844)).toBe(true); // a phone in focus mode
    expect(isCompact(614, 664)).toBe(false); // docked at 1280 × 720
    expect(isCompact(691, 844)).toBe(false); // docked at 1440 × 900
  });
});
