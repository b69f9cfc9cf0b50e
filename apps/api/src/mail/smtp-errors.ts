/**
 * A message that could not be handed over. `permanent`: sending the same message again would be
 * refused again (the job records the failure); otherwise a later attempt may succeed (the job retries).
 *
 * @example
 * throw new MailDeliveryError('EENVELOPE: 550 No such user', true);
 */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

// Problems with the message itself, reported before any server reply. Everything else without an
// SMTP reply (refused or dropped connections, timeouts, DNS, TLS) is about the path, not the
// message, and worth another try.
const PERMANENT_CODES = new Set(['ECONFIG', 'EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);
// Credentials are our configuration, not this message: a fixed SMTP_URL lets the retry through,
// so an auth failure (even a 535) is not allowed to fail every invitation for good.
const CONFIGURATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);

interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
  response?: unknown;
  message?: unknown;
}

/**
 * Turns whatever nodemailer threw into a `MailDeliveryError`: 5xx replies (except 503) are
 * permanent, 4xx replies and connection problems (refused, reset, timeouts) transient, as RFC 5321
 * and nodemailer's own `err.permanent` say.
 *
 * @example
 * classifySmtpError({ code: 'EENVELOPE', responseCode: 550, message: '550 No such user' }).permanent // true
 * classifySmtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }).permanent    // false
 */
export function classifySmtpError(err: unknown): MailDeliveryError {
  if (err instanceof MailDeliveryError) return err;
  const e: SmtpErrorFields = typeof err === 'object' && err !== null ? err : { message: String(err) };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  let permanent: boolean;
  if (code && CONFIGURATION_CODES.has(code)) permanent = false;
  else if (typeof e.permanent === 'boolean') permanent = e.permanent;
  else if (responseCode !== undefined) permanent = responseCode >= 500 && responseCode !== 503;
  else permanent = code !== undefined && PERMANENT_CODES.has(code);
  const text =
    typeof e.message === 'string' && e.message
      ? e.message
      : typeof e.response === 'string'
        ? e.response
        : 'unknown error';
  const prefix = code ? `${code}: ` : '';
  return new MailDeliveryError(`${prefix}${text}`.slice(0, 500), permanent);
}
