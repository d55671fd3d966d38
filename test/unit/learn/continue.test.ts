import { describe, expect, it } from 'vitest';
import { continueTarget } from '../../../src/learn/progress/continue';

const slugs = ['one', 'two', 'three'];

describe('"Continue where you left off"', () => {
  it('goes back to the lesson opened last while it is unread', () => {
    expect(continueTarget(slugs, {}, 'two')).toBe('two');
  });
  it('goes on to the next unread lesson once the last one is read', () => {
    expect(continueTarget(slugs, { one: { read: true } }, 'one')).toBe('two');
    expect(continueTarget(slugs, { one: { read: true }, two: { read: true } }, 'one')).toBe('three');
    expect(continueTarget(slugs, { two: { read: true }, three: { read: true } }, 'three')).toBe('one');
  });
  it('offers nothing before the first lesson, for an unknown lesson, or when everything is read', () => {
    expect(continueTarget(slugs, {}, undefined)).toBeUndefined();
    expect(continueTarget(slugs, {}, 'gone')).toBeUndefined();
    expect(continueTarget(slugs, { one: { read: true }, two: { read: true }, three: { read: true } }, 'two')).toBeUndefined();
  });
});
