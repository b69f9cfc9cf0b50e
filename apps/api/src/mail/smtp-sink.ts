import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * Test support: a real SMTP server on 127.0.0.1 that keeps what it receives, so tests see the
 * message as a mail server would — envelope, headers, encoded parts.
 */

export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
}

/** What the sink answers to the DATA of the n-th message (counting from 1): accept, or an SMTP error. */
export type SinkReply = (attempt: number) => { code: number; message: string } | null;

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Messages offered (DATA sent), accepted or not. */
  attempts: () => number;
  close(): Promise<void>;
}

/**
 * Starts an SMTP sink on a free port.
 *
 * @example
 * const sink = await startSmtpSink((n) => (n === 1 ? { code: 451, message: 'Try again later' } : null));
 * const mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'Rapport <s@example.com>' }, logger);
 */
export async function startSmtpSink(reply: SinkReply = () => null): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        attempts += 1;
        const answer = reply(attempts);
        if (answer) {
          const err = Object.assign(new Error(answer.message), { responseCode: answer.code });
          callback(err);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ParsedMail {
  headers: Map<string, string>;
  text: string;
  html: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { headers: splitHeaders(raw), body: '' };
  return { headers: splitHeaders(raw.slice(0, at)), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

/**
 * Test support: the headers and the decoded text and HTML parts of a received message — just
 * enough MIME for nodemailer's multipart/alternative output.
 *
 * @example
 * const mail = parseMail(sink.received[0].raw);
 * mail.headers.get('list-unsubscribe'); mail.text; mail.html;
 */
export function parseMail(raw: string): ParsedMail {
  const top = splitEntity(raw);
  const result: ParsedMail = { headers: top.headers, text: '', html: '' };
  const visit = (entity: { headers: Map<string, string>; body: string }) => {
    const type = entity.headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const part of entity.body.split(`--${boundary}`).slice(1)) {
        if (part.startsWith('--')) break;
        visit(splitEntity(part.replace(/^\r?\n/, '')));
      }
      return;
    }
    const decoded = decodeBody(entity.body, entity.headers.get('content-transfer-encoding')?.toLowerCase());
    if (type.toLowerCase().startsWith('text/html')) result.html += decoded;
    else if (type.toLowerCase().startsWith('text/plain')) result.text += decoded;
  };
  visit(top);
  return result;
}
