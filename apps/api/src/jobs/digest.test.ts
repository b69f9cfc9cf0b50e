import { LOCALES } from '@rapport/contracts';
import { digestDeliveries, mailOutbox, surveys, users } from '@rapport/db';
import { and, eq, inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_STRINGS } from '../mail/digest-strings';
import { createMailer, type Mailer } from '../mail/mailer';
import { parseMail, startSmtpSink, type SinkReply, type SmtpSink } from '../mail/smtp-sink';
import { updateDigestSettings } from '../services/digest-settings';
import { addToRollup } from '../services/rollups';
import { createStaff } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';
import { createJobQueue, queueConnectionFor } from './boss';
import { digestJobsOn, ensureDigestQueues, registerDigestWorkers, runDigestTick } from './digest';
import { pgliteExecutor } from './pglite-sql';

const logger = pino({ level: 'silent' });
const PUBLIC = 'https://rapport.example';
const ADMIN = { userId: null, apiKeyId: null, label: 'test', requestId: null };

let t: TestContext;
let serbian: string;
let russian: string;
beforeAll(async () => {
  t = await createTestContext();
  const zone = await t.request('PATCH', '/api/v1/settings', {
    as: 'admin',
    json: { timeZone: 'Europe/Belgrade' },
  });
  expect(zone.status).toBe(200);
  // Two more viewers, in Serbian and Russian; the harness's viewer reads English.
  serbian = (await createStaff(t, 'milica@test.example', 'viewer')).id;
  russian = (await createStaff(t, 'olga@test.example', 'viewer')).id;
  await t.db.update(users).set({ locale: 'sr', name: 'Милица' }).where(eq(users.id, serbian));
  await t.db.update(users).set({ locale: 'ru', name: 'Ольга' }).where(eq(users.id, russian));
});
afterAll(() => t.close());

/** A pg-boss instance on the test database (its own pool on Postgres; the shared client on PGlite). */
async function startBoss(): Promise<PgBoss> {
  const connection = queueConnectionFor(t.handle, t.databaseUrl);
  const options = { supervise: false, schedule: false, migrate: true } as const;
  const boss =
    connection.kind === 'postgres'
      ? new PgBoss({ ...options, connectionString: connection.url, max: 2 })
      : new PgBoss({ ...options, db: pgliteExecutor(connection.client) });
  boss.on('error', (err) => logger.error({ err }, 'test queue error'));
  await boss.start();
  return boss;
}

interface Running {
  boss: PgBoss;
  sink: SmtpSink | null;
  mailer: Mailer;
  stop(): Promise<void>;
}

/** pg-boss with the digest's workers, mailing through a fresh SMTP sink (or to the outbox only). */
async function running(smtp: SinkReply | 'none' = () => null): Promise<Running> {
  const sink = smtp === 'none' ? null : await startSmtpSink(smtp);
  const mailer = createMailer({ smtpUrl: sink?.url, mailFrom: 'Rapport <digest@rapport.test>' }, logger);
  const boss = await startBoss();
  await registerDigestWorkers(
    boss,
    { db: t.db, mailer, publicUrl: PUBLIC, logger },
    { pollingIntervalSeconds: 0.5, batchSize: 5, retry: { delaySeconds: 1, backoff: false } },
  );
  return {
    boss,
    sink,
    mailer,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 2_000 });
      mailer.close();
      await sink?.close();
    },
  };
}

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const deliveriesOf = (ids: string[]) =>
  t.db.select().from(digestDeliveries).where(inArray(digestDeliveries.userId, ids));

async function settle(schedule: { enabled: boolean; recipients?: 'viewers' | 'chosen'; userIds?: string[] }) {
  await updateDigestSettings(
    t.db,
    ADMIN,
    { weekday: 1, hour: 8, recipients: 'viewers', userIds: [], ...schedule },
    new Date(),
  );
}

describe('the weekly schedule (fixed clocks, Europe/Belgrade, Mondays 08:00)', () => {
  // Sunday 3 March 2030, 13:00 local: the settings are first read; this week's Monday has passed.
  const SUNDAY = new Date('2030-03-03T12:00:00Z');
  const at = (iso: string) => new Date(iso);
  let boss: PgBoss;

  beforeAll(async () => {
    boss = await startBoss();
    await ensureDigestQueues(boss);
    await t.db.delete(digestDeliveries);
    await updateDigestSettings(
      t.db,
      ADMIN,
      { enabled: true, weekday: 1, hour: 8, recipients: 'viewers', userIds: [] },
      SUNDAY,
    );
  });
  afterAll(async () => {
    await boss.stop({ graceful: true, wait: true, timeout: 2_000 });
    // Queued, never sent: later tests start from none.
    await t.db.delete(digestDeliveries);
  });

  const tick = (now: Date) => runDigestTick({ db: t.db, jobs: digestJobsOn(boss), logger }, now);

  it('sends nothing before 08:00 local on Monday', async () => {
    expect(await tick(at('2030-03-03T23:30:00Z'))).toMatchObject({ week: null, scheduled: 0 }); // Mon 00:30
    expect(await tick(at('2030-03-04T06:59:00Z'))).toMatchObject({ week: null, scheduled: 0 }); // Mon 07:59
    expect(await t.db.select().from(digestDeliveries)).toHaveLength(0);
  });

  it('queues one digest per viewer at 08:00 local, each with its job, for the seven days before', async () => {
    const result = await tick(at('2030-03-04T07:00:00Z'));
    expect(result).toEqual({ week: '2030-W10', scheduled: 3, enqueued: 3, interrupted: 0 });
    const rows = await t.db.select().from(digestDeliveries);
    expect(rows.map((r) => r.userId).sort()).toEqual([t.users.viewer.id, serbian, russian].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: 'scheduled',
        week: '2030-W10',
        periodFrom: '2030-02-25',
        periodTo: '2030-03-03',
        status: 'queued',
      });
      expect(await digestJobsOn(boss).isLive(row.id)).toBe(true);
    }
  });

  it('does not send twice in the same week: later ticks, two workers at once, a restart, a new send time', async () => {
    expect(await tick(at('2030-03-04T07:05:00Z'))).toEqual({
      week: null,
      scheduled: 0,
      enqueued: 0,
      interrupted: 0,
    });
    expect(await tick(at('2030-03-07T12:00:00Z'))).toMatchObject({ scheduled: 0, enqueued: 0 });

    // Moved to Friday 16:00 after Monday's went out: still this week's digest, so nothing more.
    await updateDigestSettings(
      t.db,
      ADMIN,
      { enabled: true, weekday: 5, hour: 16, recipients: 'viewers', userIds: [] },
      at('2030-03-05T09:00:00Z'),
    );
    expect(await tick(at('2030-03-08T15:00:00Z'))).toMatchObject({ scheduled: 0 }); // Fri 16:00

    // A restarted worker (a new queue instance) finds the week recorded in the database.
    await boss.stop({ graceful: true, wait: true, timeout: 2_000 });
    boss = await startBoss();
    expect(await tick(at('2030-03-08T16:00:00Z'))).toMatchObject({ scheduled: 0, enqueued: 0 });
    expect(await t.db.select().from(digestDeliveries)).toHaveLength(3);

    // Next Friday 16:00 local: two workers tick at the same moment; one week, one digest each.
    const friday = at('2030-03-15T15:00:00Z');
    const [a, b] = await Promise.all([tick(friday), tick(friday)]);
    expect([a.scheduled, b.scheduled].sort()).toEqual([0, 3]);
    const week11 = await t.db.select().from(digestDeliveries).where(eq(digestDeliveries.week, '2030-W11'));
    expect(week11).toHaveLength(3);
    expect(new Set(week11.map((r) => r.userId)).size).toBe(3);
    expect(week11[0]).toMatchObject({ periodFrom: '2030-03-08', periodTo: '2030-03-14' });
  });

  it('catches up later the same week when no worker ran at the send time, but not in the next week', async () => {
    // Nothing ticked on Friday 22 March; Saturday it goes out.
    expect(await tick(at('2030-03-23T10:00:00Z'))).toMatchObject({ week: '2030-W12', scheduled: 3 });
    // Week 13's send time is missed entirely; the next tick is on Monday of week 14, before Friday.
    expect(await tick(at('2030-04-01T10:00:00Z'))).toMatchObject({ scheduled: 0 });
  });

  it('sends nothing while switched off', async () => {
    await updateDigestSettings(
      t.db,
      ADMIN,
      { enabled: false, weekday: 5, hour: 16, recipients: 'viewers', userIds: [] },
      at('2030-04-01T10:00:00Z'),
    );
    expect(await tick(at('2030-04-05T15:00:00Z'))).toMatchObject({ scheduled: 0 });
  });
});

describe('sending', () => {
  beforeAll(async () => {
    // Off, so the real clock never schedules a weekly digest in the middle of these tests.
    await settle({ enabled: false });
    const [survey] = await t.db.select({ id: surveys.id }).from(surveys);
    // Yesterday, in the week every "Send now" reports on: 40 of 50 satisfied.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Europe/Belgrade',
    });
    await addToRollup(
      t.db,
      { day: yesterday, surveyId: survey!.id, teamId: null, agentId: null, channel: 'email' },
      { responses: 50, csat5: 40, csat1: 10 },
    );
  });

  it('delivers "Send now" to a real SMTP server: one message per viewer, HTML and text, each in their language', async () => {
    const r = await running();
    try {
      const res = await t.request('POST', '/api/v1/settings/digest/send-now', { as: 'admin' });
      expect(res.status).toBe(202);
      expect(res.body.queued).toHaveLength(3);
      await runDigestTick({ db: t.db, jobs: digestJobsOn(r.boss), logger });
      await waitFor(async () => r.sink!.received.length >= 3, 'three digests at the SMTP server');

      const people = [
        { id: t.users.viewer.id, email: 'viewer@test.example', locale: 'en' as const, name: 'The viewer' },
        { id: serbian, email: 'milica@test.example', locale: 'sr' as const, name: 'Милица' },
        { id: russian, email: 'olga@test.example', locale: 'ru' as const, name: 'Ольга' },
      ];
      expect(r.sink!.received.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
      for (const person of people) {
        const got = r.sink!.received.find((m) => m.to[0] === person.email)!;
        expect(got.from).toBe('digest@rapport.test');
        const mail = parseMail(got.raw);
        const s = DIGEST_STRINGS[person.locale];
        expect(mail.headers.get('content-type')).toMatch(/^multipart\/alternative/);
        expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
        expect(mail.headers.get('subject')).toContain(s.title);
        // 40 of 50 = 80.0% in the language's own notation.
        const figure = new Intl.NumberFormat(s.intl, { style: 'percent', minimumFractionDigits: 1 }).format(
          0.8,
        );
        expect(mail.headers.get('subject')).toContain(`CSAT ${figure}`);
        expect(mail.html).toContain(`<html lang="${person.locale}"`);
        expect(mail.html).toContain(s.greeting(person.name));
        expect(mail.html).not.toMatch(/<script/i);
        expect(mail.text).toContain(s.greeting(person.name));
        expect(mail.text).toContain(s.headlineHeading.toLocaleUpperCase(s.intl));
        expect(mail.text).toContain(`${PUBLIC}/reports?period=custom`);
      }
      for (const other of LOCALES.filter((l) => !['en', 'sr', 'ru'].includes(l)))
        expect(r.sink!.received.some((m) => parseMail(m.raw).html.includes(`lang="${other}"`))).toBe(false);

      // The SMTP server has them; the sends record themselves just after.
      const rows = await waitFor(async () => {
        const found = await deliveriesOf(people.map((p) => p.id));
        return found.every((row) => row.status === 'sent') ? found : null;
      }, 'the deliveries marked sent');
      expect(rows.every((row) => row.attempts === 1 && row.sentAt !== null)).toBe(true);
      const outbox = await t.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'digest'));
      expect(outbox).toHaveLength(3);
      expect(outbox.every((m) => m.transport === 'smtp' && m.messageId !== null)).toBe(true);
      // Nothing goes out twice, however often the tick runs.
      expect(await runDigestTick({ db: t.db, jobs: digestJobsOn(r.boss), logger })).toMatchObject({
        enqueued: 0,
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(r.sink!.received).toHaveLength(3);
    } finally {
      await r.stop();
    }
  });

  it('retries after a 451 and then delivers, once', async () => {
    await settle({ enabled: false, recipients: 'chosen', userIds: [t.users.manager.id] });
    const r = await running((n) => (n === 1 ? { code: 451, message: 'Greylisted, try again later' } : null));
    try {
      expect((await t.request('POST', '/api/v1/settings/digest/send-now', { as: 'admin' })).status).toBe(202);
      await runDigestTick({ db: t.db, jobs: digestJobsOn(r.boss), logger });
      const [row] = await waitFor(async () => {
        const rows = await deliveriesOf([t.users.manager.id]);
        return rows[0]?.status === 'sent' ? rows : null;
      }, 'the retried digest');
      expect(row!.attempts).toBe(2);
      expect(r.sink!.attempts()).toBe(2);
      expect(r.sink!.received).toHaveLength(1);
      expect(r.sink!.received[0]!.to).toEqual(['manager@test.example']);
    } finally {
      await r.stop();
    }
  });

  it('keeps the digest in the outbox when there is no SMTP server', async () => {
    await settle({ enabled: false, recipients: 'chosen', userIds: [t.users.auditor.id] });
    const r = await running('none');
    try {
      expect((await t.request('POST', '/api/v1/settings/digest/send-now', { as: 'admin' })).status).toBe(202);
      await runDigestTick({ db: t.db, jobs: digestJobsOn(r.boss), logger });
      await waitFor(
        async () => (await deliveriesOf([t.users.auditor.id]))[0]?.status === 'sent',
        'the digest',
      );
      const [kept] = await t.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.kind, 'digest'), eq(mailOutbox.toAddress, 'auditor@test.example')));
      expect(kept).toMatchObject({ transport: 'outbox', messageId: null });
      expect(kept!.subject).toMatch(/^Rapport weekly/);
      expect(kept!.html).toContain('<html lang="en"');
    } finally {
      await r.stop();
    }
  });

  it('runs in the workers every process starts: a waiting "Send now" goes out when they start', async () => {
    await settle({ enabled: false, recipients: 'chosen', userIds: [t.users.admin.id] });
    // Queued while no worker runs (a web-only instance, or a worker that is down).
    expect((await t.request('POST', '/api/v1/settings/digest/send-now', { as: 'admin' })).status).toBe(202);
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'Rapport <digest@rapport.test>' }, logger);
    const queue = createJobQueue({
      connection: queueConnectionFor(t.handle, t.databaseUrl),
      logger,
      supervise: true,
      pollingIntervalSeconds: 0.5,
    });
    await queue.start();
    try {
      await queue.startWorkers({ db: t.db, mailer, secret: t.config.secret, publicUrl: PUBLIC, logger });
      await waitFor(async () => (await deliveriesOf([t.users.admin.id]))[0]?.status === 'sent', 'the digest');
      const sent = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'admin@test.example'));
      expect(sent.map((m) => m.kind)).toEqual(['digest']);
    } finally {
      await queue.stop({ timeoutMs: 2_000 });
      mailer.close();
    }
  });
});
