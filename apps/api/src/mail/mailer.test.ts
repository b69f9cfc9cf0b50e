import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SURVEY_DEFINITION } from '@rapport/contracts';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from './mailer';
import { renderSurveyEmail } from './render';
import { MailDeliveryError } from './smtp-errors';
import { parseMail, startSmtpSink, type SmtpSink } from './smtp-sink';

const FROM = 'Support Team <surveys@rapport.test>';
const silent = pino({ level: 'silent' });
const context = {
  kind: 'invitation' as const,
  invitationId: '00000000-0000-4000-8000-000000000001',
  surveyUrl: 'https://r.example/s/tok',
};

function message(locale: 'en' | 'sr' = 'en') {
  const mail = renderSurveyEmail({
    kind: 'invitation',
    locale,
    definition: DEFAULT_SURVEY_DEFINITION,
    customerName: 'Ana',
    ticket: { number: '4821', subject: 'Printer offline' },
    publicUrl: 'https://r.example',
    token: 'tok',
  });
  return {
    to: 'ana@customer.test',
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.headers,
  };
}

let sink: SmtpSink | null = null;
let mailer: Mailer | null = null;
afterEach(async () => {
  mailer?.close();
  await sink?.close();
  sink = null;
  mailer = null;
});

describe('createMailer over SMTP', () => {
  it('delivers to a real SMTP server: envelope, subject, unsubscribe headers and the five links in both parts', async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, mailFrom: FROM }, silent);
    expect(mailer.transport).toBe('smtp');
    const delivery = await mailer.send(message('sr'), context);
    expect(delivery.transport).toBe('smtp');
    expect(delivery.messageId).toMatch(/^<.+@.+>$/);

    expect(sink.received).toHaveLength(1);
    const got = sink.received[0]!;
    expect(got.from).toBe('surveys@rapport.test');
    expect(got.to).toEqual(['ana@customer.test']);
    const mail = parseMail(got.raw);
    expect(mail.headers.get('subject')).toBe('Оцените нашу помоћ — једно кратко питање');
    expect(mail.headers.get('message-id')).toBe(delivery.messageId);
    expect(mail.headers.get('list-unsubscribe')).toBe('<https://r.example/u/tok>');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    for (let score = 1; score <= 5; score += 1) {
      expect(mail.html).toContain(`href="https://r.example/s/tok?score=${score}"`);
      expect(mail.text).toContain(`https://r.example/s/tok?score=${score}`);
    }
    expect(mail.html).toContain('<html lang="sr" dir="ltr"');
    expect(mail.text).toContain('Одјавите се: https://r.example/u/tok');
  });

  it('reports a 451 as transient and a 550 as permanent', async () => {
    sink = await startSmtpSink((n) =>
      n === 1 ? { code: 451, message: 'Try again later' } : { code: 550, message: 'Mailbox unavailable' },
    );
    mailer = createMailer({ smtpUrl: sink.url, mailFrom: FROM }, silent);
    const first = await mailer.send(message(), context).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(MailDeliveryError);
    expect((first as MailDeliveryError).permanent).toBe(false);
    expect((first as MailDeliveryError).message).toContain('451');
    const second = await mailer.send(message(), context).catch((e: unknown) => e);
    expect((second as MailDeliveryError).permanent).toBe(true);
    expect((second as MailDeliveryError).message).toContain('550');
    expect(sink.received).toHaveLength(0);
  });

  it('reports a refused connection as transient', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: FROM }, silent, {
      timeouts: { connection: 2_000 },
    });
    const err = await mailer.send(message(), context).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailDeliveryError);
    expect((err as MailDeliveryError).permanent).toBe(false);
  });
});

describe('createMailer without SMTP_URL', () => {
  it('sends nothing and logs the survey link, so the loop works on a laptop', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    mailer = createMailer({ smtpUrl: undefined, mailFrom: FROM }, logger);
    expect(mailer.transport).toBe('outbox');
    expect(await mailer.send(message(), context)).toEqual({ transport: 'outbox', messageId: null });
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(logged).toMatchObject({
      level: 30,
      surveyUrl: 'https://r.example/s/tok',
      invitationId: context.invitationId,
    });
  });
});
