import { followUps, responses, tickets } from '@rapport/db';
import { periodKey, previousPeriodKey, wilsonInterval } from '@rapport/scoring';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST, createChecklist } from '../testing/audit-fixtures';
import { answered, sentInvitation } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
let auditId: string;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A past quarter, so every due time in it has passed whatever day the test runs. */
const QUARTER = previousPeriodKey(periodKey(new Date(), 'quarter', 'UTC'));

async function setTicket(ticketId: string, channel: string, openedAt: Date, responseHours: number | null) {
  await t.db
    .update(tickets)
    .set({
      channel,
      openedAt,
      firstResponseAt: responseHours === null ? null : new Date(openedAt.getTime() + responseHours * HOUR),
    })
    .where(eq(tickets.id, ticketId));
}

describe('evidence figures beside measured items', () => {
  it('computes them for the audited team and quarter only', async () => {
    // Open the cycle first: its period says where the quarter starts in the organisation's time zone.
    const checklistId = await createChecklist(t);
    const first = await answered(t, { rating: 2, resolved: true }, { team: 'Support' });
    const [row] = await t.db
      .select({ teamId: tickets.teamId })
      .from(tickets)
      .where(eq(tickets.id, first.ticketId));
    const supportId = row?.teamId ?? '';
    const firstDay = `${QUARTER.slice(0, 4)}-${String((Number(QUARTER.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const cycle = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: QUARTER,
        dueOn: firstDay,
        checklistTemplateId: checklistId,
        defaultAuditorUserId: t.users.auditor.id,
      },
    });
    expect(cycle.status).toBe(201);
    const start = new Date(cycle.body.period.start as string);
    const end = new Date(cycle.body.period.end as string);
    auditId = cycle.body.audits.find((a: { team: { id: string } }) => a.team.id === supportId).id;

    // First response: email 2 h, 4 h, 9 h (median 4); chat 0.5 h; a chat ticket with no response yet,
    // one opened the day before the quarter and another team's ticket are all left out.
    const inQuarter = new Date(start.getTime() + 3 * DAY);
    await setTicket(first.ticketId, 'email', inQuarter, 2);
    const more = [
      ['email', inQuarter, 4],
      ['email', inQuarter, 9],
      ['chat', inQuarter, 0.5],
      ['chat', inQuarter, null],
      ['email', new Date(start.getTime() - DAY), 50],
    ] as const;
    for (const [channel, openedAt, hours] of more) {
      const inv = await sentInvitation(t, { team: 'Support' });
      await setTicket(inv.ticketId, channel, openedAt, hours);
    }
    const elsewhere = await answered(t, { rating: 1, resolved: false }, { team: 'Elsewhere' });
    await setTicket(elsewhere.ticketId, 'email', inQuarter, 100);

    // Reasons given in the quarter: slow ×3, price ×1, rude ×1 from three responses; one response gives none.
    const second = await answered(t, { rating: 2, resolved: true }, { team: 'Support' });
    const third = await answered(t, { rating: 2, resolved: true }, { team: 'Support' });
    const fourth = await answered(t, { rating: 5, resolved: true }, { team: 'Support' });
    const submittedAt = new Date(start.getTime() + 10 * DAY);
    const reasons: [string, string[]][] = [
      [first.responseId, ['price', 'slow']],
      [second.responseId, ['slow']],
      [third.responseId, ['slow', 'rude']],
      [fourth.responseId, []],
      [elsewhere.responseId, ['price', 'price_other']],
    ];
    for (const [id, codes] of reasons)
      await t.db.update(responses).set({ reasons: codes, submittedAt }).where(eq(responses.id, id));

    // Follow-ups due in the quarter: one closed in time, one closed late, one still open (overdue);
    // one due after the quarter and the other team's are left out.
    const due = new Date(start.getTime() + 20 * DAY);
    const plan: [string, { status: 'open' | 'closed'; dueAt: Date; closedAt: Date | null }][] = [
      [first.responseId, { status: 'closed', dueAt: due, closedAt: new Date(due.getTime() - HOUR) }],
      [second.responseId, { status: 'closed', dueAt: due, closedAt: new Date(due.getTime() + HOUR) }],
      [third.responseId, { status: 'open', dueAt: due, closedAt: null }],
      [elsewhere.responseId, { status: 'closed', dueAt: due, closedAt: new Date(due.getTime() - HOUR) }],
    ];
    for (const [responseId, set] of plan)
      await t.db.update(followUps).set(set).where(eq(followUps.responseId, responseId));
    const late = await answered(t, { rating: 1, resolved: true }, { team: 'Support' });
    await t.db
      .update(followUps)
      .set({ dueAt: new Date(end.getTime() + HOUR) })
      .where(eq(followUps.responseId, late.responseId));

    const res = await t.request('GET', `/api/v1/audits/${auditId}`, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.evidence).toEqual({
      targets: {
        measure: 'first_response_time',
        channels: [
          { channel: 'chat', medianHours: 0.5, n: 1 },
          { channel: 'email', medianHours: 4, n: 3 },
        ],
      },
      followups: {
        measure: 'follow_up_timeliness',
        rate: 1 / 3,
        n: 3,
        ci95: wilsonInterval(1, 3),
        closedInTime: 1,
        closed: 2,
        overdueOpen: 1,
      },
      causes: {
        measure: 'top_reasons',
        reasons: [
          { code: 'slow', count: 3, share: 0.6 },
          { code: 'price', count: 1, share: 0.2 },
          { code: 'rude', count: 1, share: 0.2 },
        ],
        n: 3,
      },
    });
    // Items without a measure have no figure.
    expect(Object.keys(res.body.evidence).sort()).toEqual(
      CHECKLIST.sections.flatMap((s) => s.items.filter((i) => i.measure).map((i) => i.id)).sort(),
    );
  });
});
