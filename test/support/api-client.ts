import { createHmac } from 'node:crypto';

/** A signed-in staff member talking to the running server over HTTP, as the admin does. */
export interface StaffClient {
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  send<T = unknown>(method: string, path: string, json?: unknown): Promise<{ status: number; body: T }>;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<StaffClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const call = async <T>(method: string, path: string, json?: unknown) => {
    const reply = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await reply.text();
    return { status: reply.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return { get: (path) => call('GET', path), send: (method, path, json) => call(method, path, json) };
}

/** Posts a ticket event signed the way a helpdesk does: HMAC-SHA256 of "<t>.<body>". */
export async function postSignedEvent(
  baseUrl: string,
  secret: string,
  event: unknown,
  at = Math.floor(Date.now() / 1000),
) {
  const body = JSON.stringify(event);
  const v1 = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
  const res = await fetch(`${baseUrl}/api/v1/integrations/tickets/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rapport-signature': `t=${at},v1=${v1}` },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
