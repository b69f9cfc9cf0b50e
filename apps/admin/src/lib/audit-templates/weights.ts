/**
 * What the weights mean, for people: each section's share of the audit and each item's share of
 * its section and of the audit, when every item is answered. These are shares of weight, not
 * scores (scores come only from `auditScore`); N/A answers take an item out of its section's
 * weights, which the worked example shows.
 */
import type { Definition } from './editor';

export interface ItemShare {
  id: string;
  /** Share of its section's weight, 0..1; null when the section's items weigh 0 in all. */
  ofSection: number | null;
  /** Share of the whole audit, 0..1; null when the item or its section cannot count. */
  ofAudit: number | null;
}

export interface SectionShare {
  id: string;
  /** Share of the audit, 0..1; null when no section weighs anything, or this section's items weigh 0. */
  ofAudit: number | null;
  items: ItemShare[];
}

function usable(weight: number): number {
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * The shares of every section and item. A section whose items all weigh 0 has no score, so it
 * does not count towards the audit and the others share its part.
 *
 * @example
 * weightShares({ sections: [
 *   { id: 'a', weight: 1, items: [{ id: 'x', weight: 1 }, { id: 'y', weight: 3 }] },
 *   { id: 'b', weight: 3, items: [{ id: 'z', weight: 1 }] },
 * ] }) // a: 25% (x 25% of a = 6.25% of the audit, y 75% = 18.75%), b: 75% (z 100%)
 */
export function weightShares(d: Pick<Definition, 'sections'>): SectionShare[] {
  const itemTotals = d.sections.map((s) => s.items.reduce((sum, i) => sum + usable(i.weight), 0));
  const sectionTotal = d.sections.reduce(
    (sum, s, index) => sum + ((itemTotals[index] ?? 0) > 0 ? usable(s.weight) : 0),
    0,
  );
  return d.sections.map((s, index) => {
    const itemTotal = itemTotals[index] ?? 0;
    const ofAudit = sectionTotal > 0 && itemTotal > 0 ? usable(s.weight) / sectionTotal : null;
    return {
      id: s.id,
      ofAudit,
      items: s.items.map((i) => {
        const ofSection = itemTotal > 0 ? usable(i.weight) / itemTotal : null;
        return {
          id: i.id,
          ofSection,
          ofAudit: ofSection !== null && ofAudit !== null ? ofSection * ofAudit : null,
        };
      }),
    };
  });
}

/**
 * A share as a percentage for reading, to at most two decimals.
 *
 * @example
 * formatShare(0.125)  // '12.5%'
 * formatShare(0.0625) // '6.25%'
 * formatShare(1 / 3)  // '33.33%'
 * formatShare(null)   // '—'
 */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return `${Number((share * 100).toFixed(2))}%`;
}
