import { randomUUID } from 'node:crypto';
import { invitations, mailOutbox } from '@rapport/db';
import { and, eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../mail/mailer';
import { parseMail, startSmtpSink, type SinkReply, type SmtpSink } from '../mail/smtp-sink';
import { createTestContext, type TestContext } from '../testing/harness';
import { createJobQueue, queueConnectionFor, type RapportJobQueue, type RetryPolicy } from './boss';
import { INTERRUPTED_REASON, runSweep } from './sweep';
import { scheduledInvitation, type ScheduledInvitation } from './test-fixtures';

const logger = pino({ level: 'silent' });
const PUBLIC = 'https://rapport.example';
const DAY = 86_400_000;

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

interface Running {
  queue: RapportJobQueue;
  mailer: Mailer;
  sink: SmtpSink | null;
  stop(): Promise<void>;
}

/** A started queue with workers, mailing through a fresh SMTP sink (or to the outbox only). */
async function running(
  options: { smtp?: SinkReply | 'none'; retry?: Partial<RetryPolicy>; workers?: boolean } = {},
): Promise<Running> {
  const sink = options.smtp === 'none' ? null : await startSmtpSink(options.smtp);
  const mailer = createMailer({ smtpUrl: sink?.url, mailFrom: 'Rapport <surveys@rapport.test>' }, logger);
  const queue = createJobQueue({
    connection: queueConnectionFor(t.handle, t.databaseUrl),
    logger,
    supervise: options.workers !== false,
    pollingIntervalSeconds: 0.5,
    retry: { delaySeconds: 1, backoff: false, ...options.retry },
  });
  await queue.start();
  if (options.workers !== false)
    await queue.startWorkers({ db: t.db, mailer, secret: t.config.secret, publicUrl: PUBLIC, logger });
  return {
    queue,
    mailer,
    sink,
    async stop() {
      await queue.stop({ timeoutMs: 2_000 });
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

async function invitation(id: string) {
  const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return row!;
}

const sent = (id: string) => async () =>
  (await invitation(id)).status === 'sent' ? await invitation(id) : null;

describe('the job queue', () => {
  it('enqueues an invitation once, whoever asks how often', async () => {
    const r = await running({ workers: false, smtp: 'none' });
    try {
      const id = randomUUID();
      const later = new Date(Date.now() + 3_600_000);
      expect(await r.queue.enqueueInvitation(id, later)).toBe(true);
      expect(await r.queue.enqueueInvitation(id, later)).toBe(false);
      await r.queue.sendInvitationAt(id, new Date());
      expect(await r.queue.hasLiveSendJob(id)).toBe(true);
      expect(await r.queue.hasLiveSendJob(randomUUID())).toBe(false);
    } finally {
      await r.stop();
    }
  });

  it('sends a due invitation into the outbox when there is no SMTP server', async () => {
    const r = await running({ smtp: 'none' });
    try {
      const inv = await scheduledInvitation(t.db, t.config.secret, { queue: r.queue });
      const row = await waitFor(sent(inv.id), 'the invitation to be sent');
      expect(row.attempts).toBe(1);
      const outbox = await t.db.select().from(mailOutbox).where(eq(mailOutbox.invitationId, inv.id));
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({
        kind: 'invitation',
        transport: 'outbox',
        messageId: null,
        toAddress: inv.email,
      });
    } finally {
      await r.stop();
    }
  });

  it('delivers over SMTP with the links and headers, at the scheduled time and not before', async () => {
    const r = await running();
    try {
      const inv = await scheduledInvitation(t.db, t.config.secret, { locale: 'hr' });
      await r.queue.sendInvitationAt(inv.id, new Date(Date.now() + 2_000));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await invitation(inv.id)).status).toBe('scheduled');
      await waitFor(sent(inv.id), 'the invitation to be sent');
      expect(r.sink!.received).toHaveLength(1);
      const got = r.sink!.received[0]!;
      expect(got.to).toEqual([inv.email]);
      expect(got.from).toBe('surveys@rapport.test');
      const mail = parseMail(got.raw);
      expect(mail.headers.get('subject')).toBe('Ocijenite našu pomoć — jedno kratko pitanje');
      expect(mail.headers.get('list-unsubscribe')).toMatch(new RegExp(`^<${PUBLIC}/u/[A-Za-z0-9_-]{43}>$`));
      expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const links = [...mail.html.matchAll(/href="([^"]+\?score=\d)"/g)].map((m) => m[1]);
      expect(links).toHaveLength(5);
      expect(links.map((l) => l!.slice(-7))).toEqual(['score=1', 'score=2', 'score=3', 'score=4', 'score=5']);
      const [stored] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.invitationId, inv.id));
      expect(stored).toMatchObject({ transport: 'smtp', messageId: mail.headers.get('message-id') });
    } finally {
      await r.stop();
    }
  });

  it('retries after a 451 and then delivers, once', async () => {
    const r = await running({
      smtp: (n) => (n === 1 ? { code: 451, message: 'Greylisted, try again later' } : null),
    });
    try {
      const inv = await scheduledInvitation(t.db, t.config.secret, { queue: r.queue });
      const row = await waitFor(sent(inv.id), 'the retried invitation to be sent');
      expect(row.attempts).toBe(2);
      expect(row.lastError).toContain('451');
      expect(r.sink!.attempts()).toBe(2);
      expect(r.sink!.received).toHaveLength(1);
      expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.invitationId, inv.id))).toHaveLength(1);
    } finally {
      await r.stop();
    }
  });

  it('records the final failure after the last retry, and at once for a 5xx', async () => {
    const r = await running({
      smtp: (n) =>
        n <= 2
          ? { code: 421, message: 'Service not available' }
          : { code: 550, message: 'No such user here' },
      retry: { limit: 1 },
    });
    try {
      const transient = await scheduledInvitation(t.db, t.config.secret, { queue: r.queue });
      const failed = await waitFor(
        async () => ((await invitation(transient.id)).status === 'failed' ? invitation(transient.id) : null),
        'the final failure',
      );
      expect(failed.attempts).toBe(2);
      expect(failed.lastError).toContain('421');

      const permanent = await scheduledInvitation(t.db, t.config.secret, { queue: r.queue });
      const refused = await waitFor(
        async () => ((await invitation(permanent.id)).status === 'failed' ? invitation(permanent.id) : null),
        'the 550',
      );
      expect(refused.attempts).toBe(1);
      expect(refused.lastError).toContain('550');
      expect(r.sink!.received).toHaveLength(0);
    } finally {
      await r.stop();
    }
  });
});

describe('the sweep', () => {
  it('enqueues a due invitation whose job went missing', async () => {
    const r = await running({ smtp: 'none' });
    try {
      // Made without a queue: as if the process died between the event's commit and the enqueue.
      const inv = await scheduledInvitation(t.db, t.config.secret);
      const result = await runSweep({ db: t.db, queue: r.queue, logger });
      expect(result.requeued).toBeGreaterThanOrEqual(1);
      await waitFor(sent(inv.id), 'the swept invitation to be sent');
      expect((await runSweep({ db: t.db, queue: r.queue, logger })).requeued).toBe(0);
    } finally {
      await r.stop();
    }
  });

  it('sends exactly one reminder when it falls due', async () => {
    const r = await running({ smtp: 'none' });
    try {
      const inv = await scheduledInvitation(t.db, t.config.secret, { queue: r.queue });
      await waitFor(sent(inv.id), 'the invitation to be sent');
      expect((await runSweep({ db: t.db, queue: r.queue, logger })).reminders).toBe(0);
      const sentAt = new Date(Date.now() - 4 * DAY);
      await t.db
        .update(invitations)
        .set({ sentAt, expiresAt: new Date(sentAt.getTime() + 14 * DAY) })
        .where(eq(invitations.id, inv.id));

      expect((await runSweep({ db: t.db, queue: r.queue, logger })).reminders).toBe(1);
      await waitFor(async () => (await invitation(inv.id)).reminderSentAt, 'the reminder');
      // Sweeping again, and again from another worker, sends nothing more.
      await runSweep({ db: t.db, queue: r.queue, logger });
      await r.queue.requestSweep();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.invitationId, inv.id));
      expect(mails.map((m) => m.kind).sort()).toEqual(['invitation', 'reminder']);
    } finally {
      await r.stop();
    }
  });

  it('fails a send whose job is gone, and leaves one whose job is alive', async () => {
    const r = await running({ workers: false, smtp: 'none' });
    try {
      const orphan = await scheduledInvitation(t.db, t.config.secret);
      const inFlight = await scheduledInvitation(t.db, t.config.secret);
      await r.queue.enqueueInvitation(inFlight.id, new Date(Date.now() + 3_600_000));
      await t.db
        .update(invitations)
        .set({ status: 'sending' })
        .where(inArray(invitations.id, [orphan.id, inFlight.id]));
      const result = await runSweep({ db: t.db, queue: r.queue, logger });
      expect(result.interrupted).toBe(1);
      expect(await invitation(orphan.id)).toMatchObject({ status: 'failed', lastError: INTERRUPTED_REASON });
      expect((await invitation(inFlight.id)).status).toBe('sending');
      // Tidy up for the other tests: nobody will ever settle it.
      await t.db
        .update(invitations)
        .set({ status: 'cancelled' })
        .where(and(eq(invitations.id, inFlight.id)));
    } finally {
      await r.stop();
    }
  });
});

describe('two workers on one Postgres database', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'send every invitation exactly once (skipped without DATABASE_URL: needs a Postgres server)',
    async () => {
      const sink = await startSmtpSink();
      const handed = [0, 0];
      const mailers = [0, 1].map((i): Mailer => {
        const inner = createMailer({ smtpUrl: sink.url, mailFrom: 'Rapport <surveys@rapport.test>' }, logger);
        return {
          ...inner,
          send: async (message, context) => {
            handed[i] = (handed[i] ?? 0) + 1;
            return inner.send(message, context);
          },
        };
      });
      const connection = queueConnectionFor(t.handle, t.databaseUrl);
      const workers = mailers.map(() =>
        createJobQueue({
          connection,
          logger,
          supervise: true,
          pollingIntervalSeconds: 0.5,
          batchSize: 3,
          retry: { delaySeconds: 1, backoff: false },
        }),
      );
      const web = createJobQueue({ connection, logger, supervise: false });
      try {
        await Promise.all([...workers, web].map((q) => q.start()));
        const N = 24;
        const created: ScheduledInvitation[] = [];
        for (let i = 0; i < N; i += 1) created.push(await scheduledInvitation(t.db, t.config.secret));
        // Both workers start at once on a backlog, each sweeping it too; the web instance enqueues everything again.
        await Promise.all(
          workers.map((q, i) =>
            q.startWorkers({
              db: t.db,
              mailer: mailers[i]!,
              secret: t.config.secret,
              publicUrl: PUBLIC,
              logger,
            }),
          ),
        );
        await Promise.all(created.map((inv) => web.sendInvitationAt(inv.id, inv.scheduledFor)));
        await Promise.all(workers.map((q) => runSweep({ db: t.db, queue: q, logger })));

        const ids = created.map((c) => c.id);
        await waitFor(
          async () => {
            const rows = await t.db
              .select({ status: invitations.status })
              .from(invitations)
              .where(inArray(invitations.id, ids));
            return rows.every((row) => row.status === 'sent');
          },
          'every invitation to be sent',
          60_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const recipients = sink.received
          .flatMap((m) => m.to)
          .filter((to) => created.some((c) => c.email === to));
        expect(recipients).toHaveLength(N);
        expect(new Set(recipients).size).toBe(N);
        const rows = await t.db
          .select({ attempts: invitations.attempts })
          .from(invitations)
          .where(inArray(invitations.id, ids));
        expect(rows.every((row) => row.attempts === 1)).toBe(true);
        // Both really worked: the test is about two of them sharing one backlog.
        expect(handed[0]! + handed[1]!).toBe(N);
        expect(handed.every((n) => n > 0)).toBe(true);
      } finally {
        await Promise.all([...workers, web].map((q) => q.stop({ timeoutMs: 2_000 })));
        for (const m of mailers) m.close();
        await sink.close();
      }
    },
    90_000,
  );
});
