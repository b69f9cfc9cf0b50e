import { describe, expect, it } from 'vitest';
import { MailDeliveryError, classifySmtpError } from './smtp-errors';

describe('classifySmtpError', () => {
  it.each([
    [
      'a 4xx reply',
      { code: 'EMESSAGE', responseCode: 451, message: 'Message failed: 451 Try again later' },
      false,
    ],
    [
      'nodemailer marking a reply transient',
      { code: 'EMESSAGE', responseCode: 452, permanent: false, message: '452 Mailbox full' },
      false,
    ],
    [
      'a 5xx reply',
      { code: 'EENVELOPE', responseCode: 550, message: 'Recipient rejected: 550 No such user' },
      true,
    ],
    [
      'nodemailer marking a reply permanent',
      { code: 'EMESSAGE', responseCode: 554, permanent: true, message: '554 Rejected' },
      true,
    ],
    [
      '503 (bad sequence: a new connection helps)',
      { code: 'EPROTOCOL', responseCode: 503, message: '503 Bad sequence' },
      false,
    ],
    [
      'a refused connection',
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
      false,
    ],
    ['a timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, false],
    ['a dropped connection', { code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, false],
    ['a DNS failure', { code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.example' }, false],
    [
      'bad credentials, even with a 535 (our configuration, not the message)',
      { code: 'EAUTH', responseCode: 535, permanent: true, message: 'Invalid login: 535' },
      false,
    ],
    ['an envelope refused before any reply', { code: 'EENVELOPE', message: 'No recipients defined' }, true],
    ['an unknown error', new Error('something odd'), false],
    ['a thrown string', 'boom', false],
  ])('%s → permanent %s', (_, err, permanent) => {
    const result = classifySmtpError(err);
    expect(result).toBeInstanceOf(MailDeliveryError);
    expect(result.permanent).toBe(permanent);
  });

  it('keeps the code and the server’s words as the reason, at most 500 characters', () => {
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 550, message: '550 5.1.1 No such user' }).message,
    ).toBe('EENVELOPE: 550 5.1.1 No such user');
    expect(classifySmtpError(new Error('x'.repeat(900))).message).toHaveLength(500);
  });

  it('passes a MailDeliveryError through unchanged', () => {
    const err = new MailDeliveryError('already classified', true);
    expect(classifySmtpError(err)).toBe(err);
  });
});
