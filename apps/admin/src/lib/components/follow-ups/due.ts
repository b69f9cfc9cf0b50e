/**
 * How a follow-up's due time reads on the board: "Due in 3 h", "Overdue by 2 days". Plain
 * TypeScript, unit-tested beside; the board passes `now` so every card agrees.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A span of time in one short, rounded-down unit: "45 min", "3 h", "2 days". Under a minute
 * reads "1 min"; from two days on, whole days.
 *
 * @example
 * spanText(3 * 3_600_000 + 20 * 60_000) // '3 h'
 * spanText(50 * 3_600_000)              // '2 days'
 */
export function spanText(ms: number): string {
  const span = Math.abs(ms);
  if (span < HOUR) return `${Math.max(1, Math.floor(span / MINUTE))} min`;
  if (span < 2 * DAY) return `${Math.floor(span / HOUR)} h`;
  return `${Math.floor(span / DAY)} days`;
}

export interface DueState {
  overdue: boolean;
  /** "Overdue by 3 h", "Due in 45 min", "Closed 2 h late", "Closed in time". */
  text: string;
}

/**
 * Where a follow-up stands against its due time. Open: due in, or overdue by, how long. Closed:
 * whether it was closed by the due time, and how late when not.
 *
 * @example
 * dueState({ status: 'open', dueAt: '2026-05-01T09:00:00Z', closedAt: null }, new Date('2026-05-01T12:00:00Z'))
 * // { overdue: true, text: 'Overdue by 3 h' }
 */
export function dueState(
  f: { status: 'open' | 'closed'; dueAt: string; closedAt: string | null },
  now: Date,
): DueState {
  const due = Date.parse(f.dueAt);
  if (f.status === 'closed') {
    const closed = f.closedAt ? Date.parse(f.closedAt) : due;
    return closed <= due
      ? { overdue: false, text: 'Closed in time' }
      : { overdue: false, text: `Closed ${spanText(closed - due)} late` };
  }
  const left = due - now.getTime();
  return left < 0
    ? { overdue: true, text: `Overdue by ${spanText(left)}` }
    : { overdue: false, text: `Due in ${spanText(left)}` };
}

/** What the board shows for why a follow-up was opened. */
export const FOLLOW_UP_REASON_LABELS: Record<string, string> = {
  low_rating: 'Low rating',
  unresolved: 'Not resolved',
  callback: 'Wants a callback',
};

export interface OwnerGroup<T> {
  /** The owner's id; null for the unassigned. */
  ownerId: string | null;
  label: string;
  items: T[];
}

/**
 * Follow-ups grouped by owner: the unassigned first (they need someone), then owners by name.
 * Within a group the order of `items` is kept (the API's: most urgent first).
 *
 * @example
 * groupByOwner(items).map((g) => g.label) // ['Unassigned', 'Ana Petrović', 'Marko Ilić']
 */
export function groupByOwner<T extends { owner: { id: string; name: string } | null }>(
  items: readonly T[],
): OwnerGroup<T>[] {
  const groups = new Map<string | null, OwnerGroup<T>>();
  for (const item of items) {
    const id = item.owner?.id ?? null;
    let group = groups.get(id);
    if (!group) {
      group = {
        ownerId: id,
        label: item.owner ? item.owner.name || 'A user without a name' : 'Unassigned',
        items: [],
      };
      groups.set(id, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => {
    if (a.ownerId === null) return -1;
    if (b.ownerId === null) return 1;
    return a.label.localeCompare(b.label) || (a.ownerId < b.ownerId ? -1 : 1);
  });
}
