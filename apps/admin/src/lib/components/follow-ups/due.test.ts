import { describe, expect, it } from 'vitest';
import { dueState, groupByOwner, spanText } from './due';

const H = 3_600_000;
const now = new Date('2026-05-04T12:00:00Z');
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * H).toISOString();

describe('spanText', () => {
  it.each([
    [10_000, '1 min'],
    [45 * 60_000, '45 min'],
    [59 * 60_000 + 59_000, '59 min'],
    [H, '1 h'],
    [3 * H + 20 * 60_000, '3 h'],
    [47 * H, '47 h'],
    [48 * H, '2 days'],
    [-50 * H, '2 days'],
    [9 * 24 * H, '9 days'],
  ])('%i ms → %s', (ms, text) => {
    expect(spanText(ms)).toBe(text);
  });
});

describe('dueState', () => {
  it.each([
    [
      { status: 'open', dueAt: at(-3), closedAt: null },
      { overdue: true, text: 'Overdue by 3 h' },
    ],
    [
      { status: 'open', dueAt: at(-49), closedAt: null },
      { overdue: true, text: 'Overdue by 2 days' },
    ],
    [
      { status: 'open', dueAt: at(0.75), closedAt: null },
      { overdue: false, text: 'Due in 45 min' },
    ],
    [
      { status: 'open', dueAt: at(26), closedAt: null },
      { overdue: false, text: 'Due in 26 h' },
    ],
    [
      { status: 'closed', dueAt: at(-3), closedAt: at(-4) },
      { overdue: false, text: 'Closed in time' },
    ],
    [
      { status: 'closed', dueAt: at(-30), closedAt: at(-25) },
      { overdue: false, text: 'Closed 5 h late' },
    ],
  ] as const)('%j → %j', (f, expected) => {
    expect(dueState(f, now)).toEqual(expected);
  });
});

describe('groupByOwner', () => {
  it('puts the unassigned first, then owners by name, keeping the order inside each group', () => {
    const items = [
      { id: 1, owner: { id: 'b', name: 'Marko' } },
      { id: 2, owner: null },
      { id: 3, owner: { id: 'a', name: 'Ana' } },
      { id: 4, owner: { id: 'b', name: 'Marko' } },
      { id: 5, owner: null },
    ];
    expect(groupByOwner(items).map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Unassigned', [2, 5]],
      ['Ana', [3]],
      ['Marko', [1, 4]],
    ]);
    expect(groupByOwner([])).toEqual([]);
  });
});
