import type { AppType } from '@rapport/api';
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { ApiError, readApiError, toApiError, type ReplyLike } from './api-error';
import { showToast } from './toasts.svelte';

export { ApiError, fieldFor } from './api-error';

/**
 * The one typed client of the JSON API. The session is an HttpOnly cookie, so every request
 * sends same-origin credentials and nothing here ever sees the token.
 *
 * @example
 * const { items } = await send(api.teams.$get());
 */
export const api = hc<AppType>('/api/v1', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, { ...init, credentials: 'same-origin' }),
});

/** The body of the successful replies a typed-client call can give (undefined for 204). */
export type OkBody<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : undefined
      : never
    : never;

/**
 * Awaits a typed-client call and returns its successful body; a non-2xx reply or a network
 * failure throws an `ApiError` (check `res.ok` before reading: the typed reply also includes the
 * validator's 400 shape).
 *
 * @example
 * const team = await send(api.teams.$post({ json: { name: 'Billing' } }));
 */
export async function send<R extends ReplyLike & { ok: boolean; json(): Promise<unknown> }>(
  request: Promise<R>,
): Promise<OkBody<R>> {
  let res: R;
  try {
    res = await request;
  } catch (err) {
    throw toApiError(err);
  }
  if (!res.ok) throw await readApiError(res);
  if (res.status === 204) return undefined as OkBody<R>;
  return (await res.json()) as OkBody<R>;
}

export interface HandleOptions {
  /**
   * The caller shows the message itself, next to the form or list it concerns (a dialog covers
   * the notification region). Without it the message goes to the notification region.
   */
  inline?: boolean;
  /** The login form answers 401 for a wrong password: that is not an ended session. */
  redirectOnUnauthorized?: boolean;
}

/**
 * The one place an API failure becomes something a person sees. A 401 means the session ended:
 * the user is sent to the login page and comes back here after signing in. Everything else is
 * shown, in the notification region or (with `inline`) by the caller through the returned error,
 * whose `fields` hold the per-field messages of a VALIDATION reply.
 *
 * @example
 * try {
 *   await send(api.users.$post({ json }));
 * } catch (err) {
 *   const error = handleApiError(err, { inline: true });
 *   formError = error.message;
 *   fieldErrors = error.fields;
 * }
 */
export function handleApiError(err: unknown, options: HandleOptions = {}): ApiError {
  const error = toApiError(err);
  if (!(err instanceof ApiError)) console.error(err);
  if (error.status === 401 && options.redirectOnUnauthorized !== false) {
    const here = `${location.pathname}${location.search}`;
    if (!location.pathname.startsWith('/login')) {
      showToast('info', 'Your session has ended. Sign in to continue.');
      void goto(resolve(`/login?next=${encodeURIComponent(here)}` as const));
    }
    return error;
  }
  if (!options.inline) showToast('error', error.message);
  return error;
}
