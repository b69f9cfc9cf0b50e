/**
 * Turning the API's replies into errors the admin can show. Plain TypeScript (no `$app` imports), so
 * it is unit-tested on its own; `handleApiError` in `api.ts` decides where the message appears.
 */

/** Codes the API sends, plus NETWORK (no reply at all) and UNEXPECTED (a reply not in the house shape). */
export type ErrorCodeShown =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  | 'NETWORK'
  | 'UNEXPECTED';

/** A failed API call: the status (0 when the server was not reached), the code and a message for people. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCodeShown,
    message: string,
    /** Problems with single fields, by dotted path (`email`, `scopes.0`). */
    readonly fields: Record<string, string> = {},
    /** For RATE_LIMITED: how long to wait, from `Retry-After` or the error details. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

const KNOWN_CODES = new Set<string>([
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GONE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'INTERNAL',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Maps the `details` of a VALIDATION error (`[{ path, message }]`) to one message per field; the
 * first message for a path wins, and anything not in that shape is ignored.
 *
 * @example
 * fieldErrorsOf([{ path: 'email', message: 'Enter a valid email address.' }]) // { email: 'Enter a valid…' }
 */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(details)) return fields;
  for (const issue of details) {
    if (!isRecord(issue) || typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    if (issue.path === '' || issue.path in fields) continue;
    fields[issue.path] = issue.message;
  }
  return fields;
}

/**
 * The field a message belongs to on a form: `scopes.0` shows next to `scopes`.
 *
 * @example
 * fieldFor({ 'scopes.0': 'Scope must be…' }, 'scopes') // 'Scope must be…'
 */
export function fieldFor(fields: Record<string, string>, name: string): string | undefined {
  if (fields[name] !== undefined) return fields[name];
  const nested = Object.keys(fields).find((path) => path.startsWith(`${name}.`));
  return nested === undefined ? undefined : fields[nested];
}

function retryAfterOf(header: string | null, details: unknown): number | null {
  if (header !== null && /^\d+$/.test(header.trim())) return Number(header.trim());
  if (isRecord(details) && typeof details.retryAfterSeconds === 'number') return details.retryAfterSeconds;
  return null;
}

/** What `readApiError` needs of a fetch Response; the typed client's responses fit. */
export interface ReplyLike {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * Reads a non-2xx reply into an `ApiError`. A body in the house shape keeps its code, message and
 * details; anything else (a proxy's HTML page, an empty 502) gets a message naming the status.
 */
export async function readApiError(res: ReplyLike): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = JSON.parse(await res.text());
  } catch {
    body = null;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    const code = KNOWN_CODES.has(error.code) ? (error.code as ErrorCodeShown) : 'UNEXPECTED';
    return new ApiError(
      res.status,
      code,
      error.message,
      fieldErrorsOf(error.details),
      retryAfterOf(res.headers.get('retry-after'), error.details),
    );
  }
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  const message =
    res.status >= 500
      ? `The server could not answer (${status}). Try again in a moment.`
      : `The server answered ${status} unexpectedly.`;
  return new ApiError(
    res.status,
    'UNEXPECTED',
    message,
    {},
    retryAfterOf(res.headers.get('retry-after'), null),
  );
}

/** The error for a request that got no reply at all (server down, network gone). */
export function networkError(): ApiError {
  return new ApiError(
    0,
    'NETWORK',
    'Could not reach the Rapport server. Check your connection and try again.',
  );
}

/**
 * Any thrown value as an `ApiError`, so callers have one shape to show. A bug in the admin itself
 * becomes UNEXPECTED with its message, never silence.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof TypeError && /fetch|network|load failed/i.test(err.message)) return networkError();
  const detail = err instanceof Error ? err.message : String(err);
  return new ApiError(0, 'UNEXPECTED', `Something went wrong in the admin: ${detail}`);
}

/**
 * When a rate-limited action may be tried again, as a clock time.
 *
 * @example
 * retryTimeOf(90, new Date('2025-01-01T10:00:00Z')) // a Date at 10:01:30
 */
export function retryTimeOf(retryAfterSeconds: number, now: Date): Date {
  return new Date(now.getTime() + retryAfterSeconds * 1000);
}

/**
 * A same-site path to go to after signing in, or `/` for anything that could leave the site
 * (`//evil.example`, `https://…`, `/\evil`) or loop back to the login page.
 *
 * @example
 * safeNextPath('/settings/users?x=1') // '/settings/users?x=1'
 * safeNextPath('//evil.example')      // '/'
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

/**
 * The message for the top of a form. When every field problem shows next to a field of the form,
 * it points there; otherwise (a conflict, a problem with something the form has no field for) it
 * is the API's own message, so nothing goes unshown.
 *
 * @example
 * formMessageOf(error, ['name', 'email']) // 'Check the fields marked below.' or error.message
 */
export function formMessageOf(error: ApiError, fieldNames: readonly string[]): string {
  const paths = Object.keys(error.fields);
  const allShown =
    paths.length > 0 && paths.every((path) => fieldNames.some((n) => path === n || path.startsWith(`${n}.`)));
  if (!allShown) return error.message;
  return paths.length === 1 ? 'Check the field marked below.' : 'Check the fields marked below.';
}
