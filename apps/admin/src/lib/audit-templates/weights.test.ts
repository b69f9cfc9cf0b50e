import { describe, expect, it } from 'vitest';
import { formatShare, weightShares } from './weights';

const item = (id: string, weight: number) => ({
  id,
  weight,
  text: {},
  scale: 'pass_fail' as const,
  naAllowed: false,
  critical: false,
});

describe('weight shares', () => {
  it('gives each section its share of the audit and each item its share of both', () => {
    const shares = weightShares({
      sections: [
        { id: 'a', weight: 1, title: {}, items: [item('x', 1), item('y', 3)] },
        { id: 'b', weight: 3, title: {}, items: [item('z', 2)] },
      ],
    });
    expect(shares).toEqual([
      {
        id: 'a',
        ofAudit: 0.25,
        items: [
          { id: 'x', ofSection: 0.25, ofAudit: 0.0625 },
          { id: 'y', ofSection: 0.75, ofAudit: 0.1875 },
        ],
      },
      { id: 'b', ofAudit: 0.75, items: [{ id: 'z', ofSection: 1, ofAudit: 0.75 }] },
    ]);
  });

  it('leaves out a section whose items weigh nothing, and weights that are not numbers', () => {
    const shares = weightShares({
      sections: [
        { id: 'a', weight: 1, title: {}, items: [item('x', 0)] },
        { id: 'b', weight: 1, title: {}, items: [item('y', 1), item('z', Number.NaN)] },
      ],
    });
    expect(shares[0]).toEqual({
      id: 'a',
      ofAudit: null,
      items: [{ id: 'x', ofSection: null, ofAudit: null }],
    });
    expect(shares[1]!.ofAudit).toBe(1);
    expect(shares[1]!.items.map((i) => i.ofSection)).toEqual([1, 0]);
  });

  it.each([
    [0.125, '12.5%'],
    [0.0625, '6.25%'],
    [1 / 3, '33.33%'],
    [1, '100%'],
    [null, '—'],
  ])('formats %s as %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});
