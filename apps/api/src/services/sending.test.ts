import {
  customers,
  dailyRollups,
  invitations,
  mailOutbox,
  settings,
  suppressions,
  surveys,
  tickets,
} from '@rapport/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledInvitation } from '../jobs/test-fixtures';
import type { MailMessage, Mailer } from '../mail/mailer';
import { MailDeliveryError } from '../mail/smtp-errors';
import { createTestContext, type TestContext } from '../testing/harness';
import {
  failInterruptedSend,
  listDueReminders,
  listSendingInvitations,
  sendInvitation,
  sendReminder,
  type SendingDeps,
} from './sending';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const DAY = 86_400_000;

/** A mailer that records what it was given and fails as `fail` says for the n-th call. */
function fakeMailer(fail: (call: number) => MailDeliveryError | null = () => null) {
  const sent: MailMessage[] = [];
  let calls = 0;
  const mailer: Mailer = {
    transport: 'smtp',
    async send(message) {
      calls += 1;
      const err = fail(calls);
      if (err) throw err;
      sent.push(message);
      return { transport: 'smtp', messageId: `<m${calls}@rapport.test>` };
    },
    close() {},
  };
  return { mailer, sent, calls: () => calls };
}

function deps(mailer: Mailer): SendingDeps {
  return { mailer, secret: t.config.secret, publicUrl: 'https://rapport.example' };
}

const first = { finalAttempt: false, retry: false };

async function invitation(id: string) {
  const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return row!;
}

async function outboxOf(id: string) {
  return t.db.select().from(mailOutbox).where(eq(mailOutbox.invitationId, id));
}

describe('sendInvitation', () => {
  it('sends once: marks it sent with its expiry, records the message, counts it on the organisation’s day', async () => {
    await t.db
      .insert(settings)
      .values({ id: 1, timeZone: 'Pacific/Auckland' })
      .onConflictDoUpdate({ target: settings.id, set: { timeZone: 'Pacific/Auckland' } });
    try {
      const inv = await scheduledInvitation(t.db, t.config.secret, { locale: 'ru' });
      const fake = fakeMailer();
      // 20:00 UTC on 2 March is 09:00 on 3 March in Auckland.
      const now = new Date('2026-03-02T20:00:00Z');
      const result = await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id, now });
      expect(result).toEqual({ outcome: 'sent', transport: 'smtp', messageId: '<m1@rapport.test>' });

      const row = await invitation(inv.id);
      expect(row).toMatchObject({
        status: 'sent',
        attempts: 1,
        sentAt: now,
        expiresAt: new Date(now.getTime() + 14 * DAY),
      });
      expect(fake.sent).toHaveLength(1);
      expect(fake.sent[0]!.to).toBe(inv.email);
      expect(fake.sent[0]!.subject).toBe('Оцените нашу помощь — всего один вопрос');

      const [stored, ...more] = await outboxOf(inv.id);
      expect(more).toHaveLength(0);
      expect(stored).toMatchObject({
        kind: 'invitation',
        toAddress: inv.email,
        transport: 'smtp',
        messageId: '<m1@rapport.test>',
      });
      expect(stored!.html).toBe(fake.sent[0]!.html);
      expect(stored!.headers).toEqual(fake.sent[0]!.headers);

      const rollups = await t.db.select().from(dailyRollups).where(eq(dailyRollups.surveyId, row.surveyId));
      expect(rollups.filter((r) => r.sent > 0).map((r) => [r.day, r.sent])).toEqual([['2026-03-03', 1]]);

      const again = await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id });
      expect(again).toEqual({ outcome: 'skipped', status: 'sent' });
      expect(fake.calls()).toBe(1);
    } finally {
      await t.db.update(settings).set({ timeZone: 'UTC' }).where(eq(settings.id, 1));
    }
  });

  it('lets only one of two simultaneous attempts send', async () => {
    const inv = await scheduledInvitation(t.db, t.config.secret);
    const fake = fakeMailer();
    const results = await Promise.all([
      sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id }),
      sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['sent', 'skipped']);
    expect(fake.sent).toHaveLength(1);
    expect(await outboxOf(inv.id)).toHaveLength(1);
    expect((await invitation(inv.id)).attempts).toBe(1);
  });

  it('cancels at send time when the ticket was reopened, or resolved again later', async () => {
    const fake = fakeMailer();
    const reopened = await scheduledInvitation(t.db, t.config.secret);
    await t.db
      .update(tickets)
      .set({ status: 'open', resolvedAt: null })
      .where(eq(tickets.id, reopened.ticketId));
    expect(await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: reopened.id })).toEqual({
      outcome: 'cancelled',
      reason: 'reopened',
    });
    expect(await invitation(reopened.id)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'reopened',
      sentAt: null,
    });

    const reResolved = await scheduledInvitation(t.db, t.config.secret);
    await t.db.update(tickets).set({ resolvedAt: new Date() }).where(eq(tickets.id, reResolved.ticketId));
    expect(await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: reResolved.id })).toEqual({
      outcome: 'cancelled',
      reason: 'reopened',
    });
    expect(fake.calls()).toBe(0);
  });

  it('cancels at send time when the address unsubscribed meanwhile', async () => {
    const fake = fakeMailer();
    const inv = await scheduledInvitation(t.db, t.config.secret);
    // Stored lower-case; the customer's address may not be.
    await t.db
      .update(customers)
      .set({ email: inv.email.toUpperCase() })
      .where(eq(customers.email, inv.email));
    await t.db.insert(suppressions).values({ email: inv.email, reason: 'unsubscribed' });
    expect(await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id })).toEqual({
      outcome: 'cancelled',
      reason: 'unsubscribed',
    });
    expect(await invitation(inv.id)).toMatchObject({ status: 'cancelled', cancelledReason: 'unsubscribed' });
    expect(fake.calls()).toBe(0);
  });

  it('cancels at send time when the survey was archived meanwhile', async () => {
    const fake = fakeMailer();
    const inv = await scheduledInvitation(t.db, t.config.secret);
    const [survey] = await t.db.select().from(surveys).where(eq(surveys.isDefault, true));
    await t.db.update(surveys).set({ status: 'archived' }).where(eq(surveys.id, survey!.id));
    try {
      expect(await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id })).toEqual({
        outcome: 'cancelled',
        reason: 'survey_archived',
      });
      expect(await invitation(inv.id)).toMatchObject({
        status: 'cancelled',
        cancelledReason: 'survey_archived',
      });
      expect(fake.calls()).toBe(0);
    } finally {
      await t.db.update(surveys).set({ status: survey!.status }).where(eq(surveys.id, survey!.id));
    }
  });

  it('cancels at send time when the customer was erased', async () => {
    const fake = fakeMailer();
    const inv = await scheduledInvitation(t.db, t.config.secret);
    await t.db
      .update(customers)
      .set({ email: null, name: null, erasedAt: new Date() })
      .where(eq(customers.email, inv.email));
    expect(await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id })).toEqual({
      outcome: 'cancelled',
      reason: 'erased',
    });
    expect(fake.calls()).toBe(0);
  });

  it('puts it back after a transient failure and sends it on the retry', async () => {
    const inv = await scheduledInvitation(t.db, t.config.secret);
    const fake = fakeMailer((n) =>
      n === 1 ? new MailDeliveryError('EMESSAGE: 451 Try again later', false) : null,
    );
    const failed = await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id });
    expect(failed).toEqual({ outcome: 'retry', error: 'EMESSAGE: 451 Try again later' });
    expect(await invitation(inv.id)).toMatchObject({
      status: 'scheduled',
      attempts: 1,
      lastError: 'EMESSAGE: 451 Try again later',
    });
    expect(await outboxOf(inv.id)).toHaveLength(0);

    const retried = await sendInvitation(t.db, deps(fake.mailer), {
      finalAttempt: false,
      retry: true,
      invitationId: inv.id,
    });
    expect(retried.outcome).toBe('sent');
    expect(await invitation(inv.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await outboxOf(inv.id)).toHaveLength(1);
  });

  it('records the failure when it is permanent, or transient on the final attempt', async () => {
    const permanent = await scheduledInvitation(t.db, t.config.secret);
    const refuse = fakeMailer(() => new MailDeliveryError('EENVELOPE: 550 No such user', true));
    expect(await sendInvitation(t.db, deps(refuse.mailer), { ...first, invitationId: permanent.id })).toEqual(
      {
        outcome: 'failed',
        error: 'EENVELOPE: 550 No such user',
      },
    );
    expect(await invitation(permanent.id)).toMatchObject({
      status: 'failed',
      lastError: 'EENVELOPE: 550 No such user',
      sentAt: null,
    });

    const last = await scheduledInvitation(t.db, t.config.secret);
    const down = fakeMailer(() => new MailDeliveryError('ESOCKET: connect ECONNREFUSED', false));
    expect(
      (
        await sendInvitation(t.db, deps(down.mailer), {
          finalAttempt: true,
          retry: true,
          invitationId: last.id,
        })
      ).outcome,
    ).toBe('failed');
    expect(await invitation(last.id)).toMatchObject({
      status: 'failed',
      lastError: 'ESOCKET: connect ECONNREFUSED',
    });
    // Failed stays failed: the queue or the sweep coming back finds nothing to send.
    expect(
      (await sendInvitation(t.db, deps(fakeMailer().mailer), { ...first, invitationId: last.id })).outcome,
    ).toBe('skipped');
  });

  it('records a claim found still "sending" on a retry as interrupted, and never sends it again', async () => {
    const inv = await scheduledInvitation(t.db, t.config.secret);
    await t.db.update(invitations).set({ status: 'sending' }).where(eq(invitations.id, inv.id));
    const fake = fakeMailer();
    // Another worker's first attempt: somebody else is sending it right now.
    expect(await sendInvitation(t.db, deps(fake.mailer), { ...first, invitationId: inv.id })).toEqual({
      outcome: 'skipped',
      status: 'sending',
    });
    expect(await listSendingInvitations(t.db, { limit: 1000 })).toContain(inv.id);
    // The same job again: its earlier run died mid-send.
    const retried = await sendInvitation(t.db, deps(fake.mailer), {
      finalAttempt: false,
      retry: true,
      invitationId: inv.id,
    });
    expect(retried.outcome).toBe('failed');
    expect((await invitation(inv.id)).lastError).toMatch(/interrupted/);
    expect(fake.calls()).toBe(0);
    expect(await failInterruptedSend(t.db, inv.id, 'again')).toBe(false);
  });
});

describe('sendReminder', () => {
  async function sentInvitation(sentAt: Date) {
    const inv = await scheduledInvitation(t.db, t.config.secret, { locale: 'sl' });
    const result = await sendInvitation(t.db, deps(fakeMailer().mailer), {
      ...first,
      invitationId: inv.id,
      now: sentAt,
    });
    expect(result.outcome).toBe('sent');
    return inv;
  }

  it('sends exactly one reminder after reminderAfterDays, with the same link', async () => {
    const sentAt = new Date(Date.now() - 4 * DAY);
    const inv = await sentInvitation(sentAt);
    expect(
      await listDueReminders(t.db, { now: new Date(sentAt.getTime() + 2 * DAY), limit: 1000 }),
    ).not.toContain(inv.id);
    expect(await listDueReminders(t.db, { now: new Date(), limit: 1000 })).toContain(inv.id);

    const fake = fakeMailer();
    const now = new Date();
    expect(
      await sendReminder(t.db, deps(fake.mailer), { invitationId: inv.id, finalAttempt: false, now }),
    ).toMatchObject({ outcome: 'sent' });
    expect(
      await sendReminder(t.db, deps(fake.mailer), { invitationId: inv.id, finalAttempt: false }),
    ).toEqual({ outcome: 'skipped' });
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.subject).toBe('Opomnik: ocenite našo pomoč');
    expect((await invitation(inv.id)).reminderSentAt).toEqual(now);
    expect(await listDueReminders(t.db, { now: new Date(), limit: 1000 })).not.toContain(inv.id);

    const mails = await outboxOf(inv.id);
    expect(mails.map((m) => m.kind).sort()).toEqual(['invitation', 'reminder']);
    const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links(mails.find((m) => m.kind === 'reminder')!.html)).toEqual(
      links(mails.find((m) => m.kind === 'invitation')!.html),
    );
  });

  it('lets only one of two simultaneous reminders through', async () => {
    const inv = await sentInvitation(new Date(Date.now() - 4 * DAY));
    const fake = fakeMailer();
    const results = await Promise.all([
      sendReminder(t.db, deps(fake.mailer), { invitationId: inv.id, finalAttempt: false }),
      sendReminder(t.db, deps(fake.mailer), { invitationId: inv.id, finalAttempt: false }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['sent', 'skipped']);
    expect(fake.sent).toHaveLength(1);
  });

  it('owes no reminder once answered, expired or unsubscribed, or when the survey sends none', async () => {
    const now = new Date();
    const answered = await sentInvitation(new Date(now.getTime() - 4 * DAY));
    await t.db.update(invitations).set({ respondedAt: now }).where(eq(invitations.id, answered.id));
    const expired = await sentInvitation(new Date(now.getTime() - 20 * DAY));
    const unsubscribed = await sentInvitation(new Date(now.getTime() - 4 * DAY));
    await t.db.insert(suppressions).values({ email: unsubscribed.email, reason: 'unsubscribed' });
    const due = await listDueReminders(t.db, { now, limit: 1000 });
    for (const inv of [answered, expired, unsubscribed]) expect(due).not.toContain(inv.id);
    expect(
      (
        await sendReminder(t.db, deps(fakeMailer().mailer), {
          invitationId: answered.id,
          finalAttempt: false,
        })
      ).outcome,
    ).toBe('skipped');

    const plain = await sentInvitation(new Date(now.getTime() - 4 * DAY));
    const [survey] = await t.db.select().from(surveys).where(eq(surveys.isDefault, true));
    await t.db
      .update(surveys)
      .set({ rules: { ...survey!.rules, reminderAfterDays: null } })
      .where(eq(surveys.id, survey!.id));
    try {
      expect(await listDueReminders(t.db, { now, limit: 1000 })).not.toContain(plain.id);
    } finally {
      await t.db.update(surveys).set({ rules: survey!.rules }).where(eq(surveys.id, survey!.id));
    }
    expect(await listDueReminders(t.db, { now, limit: 1000 })).toContain(plain.id);

    await t.db.update(surveys).set({ status: 'archived' }).where(eq(surveys.id, survey!.id));
    try {
      expect(await listDueReminders(t.db, { now, limit: 1000 })).not.toContain(plain.id);
    } finally {
      await t.db.update(surveys).set({ status: survey!.status }).where(eq(surveys.id, survey!.id));
    }
  });

  it('gives the claim back after a transient failure, and keeps it after the final one', async () => {
    const inv = await sentInvitation(new Date(Date.now() - 4 * DAY));
    const down = fakeMailer(() => new MailDeliveryError('ETIMEDOUT: Greeting never received', false));
    expect(
      await sendReminder(t.db, deps(down.mailer), { invitationId: inv.id, finalAttempt: false }),
    ).toEqual({
      outcome: 'retry',
      error: 'ETIMEDOUT: Greeting never received',
    });
    expect((await invitation(inv.id)).reminderSentAt).toBeNull();
    expect(await listDueReminders(t.db, { now: new Date(), limit: 1000 })).toContain(inv.id);

    expect(
      (await sendReminder(t.db, deps(down.mailer), { invitationId: inv.id, finalAttempt: true })).outcome,
    ).toBe('failed');
    const row = await invitation(inv.id);
    expect(row.reminderSentAt).not.toBeNull();
    expect(row.lastError).toBe('Reminder not delivered: ETIMEDOUT: Greeting never received');
    expect(row.status).toBe('sent');
    expect(await listDueReminders(t.db, { now: new Date(), limit: 1000 })).not.toContain(inv.id);
    const reminders = await t.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.invitationId, inv.id), eq(mailOutbox.kind, 'reminder')));
    expect(reminders).toHaveLength(0);
  });
});
