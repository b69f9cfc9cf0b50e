import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { classifySmtpError } from './smtp-errors';

export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** What the log line and the outbox record need to know about a message besides its content. */
/** What a message is, for the log: without an SMTP server the log is where a person finds the link. */
export type MailContext =
  | {
      kind: 'invitation' | 'reminder';
      invitationId: string;
      /** The survey link, logged when there is no SMTP server so the loop still works on a laptop. */
      surveyUrl: string;
    }
  | { kind: 'digest'; deliveryId: string; dashboardUrl: string };

export interface Delivery {
  transport: 'smtp' | 'outbox';
  /** The Message-ID the SMTP transport gave the message; null for the outbox. */
  messageId: string | null;
}

/**
 * Hands messages over. It does not write the `mail_outbox` table: the caller records every message
 * there in the same transaction that marks the invitation sent (mail/ does not touch the database).
 */
export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  /** Throws `MailDeliveryError` (permanent or transient) when the message was not accepted. */
  send(message: MailMessage, context: MailContext): Promise<Delivery>;
  /** Closes pooled SMTP connections. */
  close(): void;
}

export interface MailerOptions {
  /** Per-step SMTP timeouts in ms (connect, greeting, idle socket); short ones make tests fast. */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
}

/**
 * The mail transport: with `SMTP_URL`, nodemailer over pooled SMTP connections from `MAIL_FROM`;
 * without it, nothing leaves the machine — the message is only recorded in the outbox by the caller,
 * and the survey link is logged.
 *
 * @example
 * const mailer = createMailer(config, logger);
 * const { transport, messageId } = await mailer.send(message, { kind: 'invitation', invitationId, surveyUrl });
 */
export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  logger: Logger,
  options: MailerOptions = {},
): Mailer {
  if (!config.smtpUrl) {
    return {
      transport: 'outbox',
      async send(_message, context) {
        if (context.kind === 'digest')
          logger.info(
            { deliveryId: context.deliveryId, kind: context.kind, dashboardUrl: context.dashboardUrl },
            'weekly digest kept in the outbox (SMTP_URL is not set)',
          );
        else
          logger.info(
            { invitationId: context.invitationId, kind: context.kind, surveyUrl: context.surveyUrl },
            'survey email kept in the outbox (SMTP_URL is not set); open the link to answer',
          );
        return { transport: 'outbox', messageId: null };
      },
      close() {},
    };
  }

  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: options.timeouts?.connection ?? 10_000,
    greetingTimeout: options.timeouts?.greeting ?? 10_000,
    socketTimeout: options.timeouts?.socket ?? 60_000,
  });
  return {
    transport: 'smtp',
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from: config.mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
        return { transport: 'smtp', messageId: typeof info.messageId === 'string' ? info.messageId : null };
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    close() {
      transporter.close();
    },
  };
}
