import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signatures older (or newer) than this are refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Verifies `X-Rapport-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * Compares in constant time; several v1 values are accepted (a helpdesk rotating secrets).
 *
 * @example
 * const t = Math.floor(Date.now() / 1000);
 * const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
 * verifySignature(`t=${t},v1=${v1}`, body, secret, new Date()); // { ok: true }
 */
export function verifySignature(header: string, rawBody: string, secret: string, now: Date): SignatureCheck {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const signatures = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v ?? '');
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) {
    return {
      ok: false,
      reason: 'The X-Rapport-Signature header must look like t=<unix seconds>,v1=<hex signature>.',
    };
  }
  if (Math.abs(now.getTime() / 1000 - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason:
        'The signature timestamp is more than 5 minutes away from now. Sign each request when sending it.',
    };
  }
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const matches = signatures.some((s) => {
    const given = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: 'The signature does not match the request body.' };
}
