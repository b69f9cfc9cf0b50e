import { describe, expect, it } from 'vitest';
import { dropIndex, moveAnnouncement } from './reorder';

describe('dropIndex', () => {
  it.each([
    // from, over, after, landing index
    [0, 2, false, 1],
    [0, 2, true, 2],
    [3, 1, false, 1],
    [3, 1, true, 2],
    [2, 2, false, 2],
    [2, 2, true, 2],
    [1, 0, false, 0],
  ])('from %i over %i (lower half: %s) → %i', (from, over, after, expected) => {
    expect(dropIndex(from, over, after)).toBe(expected);
  });
});

describe('moveAnnouncement', () => {
  it('names the question and its new position', () => {
    expect(moveAnnouncement('How satisfied are you?', 1, 5)).toBe(
      '“How satisfied are you?” moved to position 2 of 5.',
    );
    expect(moveAnnouncement('', 0, 3)).toBe('The question moved to position 1 of 3.');
  });
});
