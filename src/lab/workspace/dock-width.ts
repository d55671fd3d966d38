import { siteStorage } from '../../site/storage';

/** Where the docked lab's share of the window is remembered (a fraction of the window's width). */
export const DOCK_WIDTH_KEY = 'eil:layout:dock-width';
const MIN_LAB_PX = 384; // 24rem: the toolbar and a readable terminal
const MIN_TEXT_PX = 448; // 28rem: a readable column of lesson text beside the lab

/** The lab's share of a window `viewport` px wide, kept where both the lab and the text stay usable. */
export function clampDockFraction(fraction: number, viewport: number): number {
  const lo = Math.min(MIN_LAB_PX / viewport, 0.5);
  const hi = Math.max(1 - MIN_TEXT_PX / viewport, 0.5);
  if (!Number.isFinite(fraction)) return 0.48;
  return Math.min(hi, Math.max(lo, fraction));
}

export function readDockFraction(): number | null {
  const raw = siteStorage().getItem(DOCK_WIDTH_KEY);
  const value = raw === null ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 && value < 1 ? value : null;
}

export function saveDockFraction(fraction: number): void {
  try {
    siteStorage().setItem(DOCK_WIDTH_KEY, fraction.toFixed(3));
  } catch {
    // Storage full or blocked: the storage notice says so; the width lasts for this page.
  }
}

/** Sets the docked lab's width for the page's layout (Lab.astro reads --lab-dock-w). */
export function applyDockFraction(fraction: number | null): void {
  if (fraction === null) document.documentElement.style.removeProperty('--lab-dock-w');
  else document.documentElement.style.setProperty('--lab-dock-w', `${(fraction * 100).toFixed(2)}vw`);
}
