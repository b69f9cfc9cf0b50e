import type { ErrorBody, ErrorCode } from '@rapport/contracts';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { AppError, RateLimitedError } from '../errors';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Messages for Hono's own exceptions, which are written for developers. */
function messageFor(err: HTTPException): string {
  if (err.status === 400 && /json/i.test(err.message)) return 'The request body is not valid JSON.';
  if (err.status === 413) return 'The request body is too large.';
  return err.message || 'The request could not be handled.';
}

function reply(c: Context<AppEnv>, status: ContentfulStatusCode, body: ErrorBody) {
  return c.json(body, status);
}

/**
 * The one place errors become responses: `AppError`s and Hono's HTTP exceptions keep their
 * status and say what went wrong; anything else is logged with the request id and answered with
 * a generic 500, never a message or stack from inside.
 */
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    if (err instanceof RateLimitedError) c.header('Retry-After', String(err.retryAfterSeconds));
    const body: ErrorBody = { error: { code: err.code, message: err.message } };
    if (err.details !== undefined) body.error.details = err.details;
    return reply(c, err.status, body);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    return reply(c, status, {
      error: { code: CODE_BY_STATUS[status] ?? 'VALIDATION', message: messageFor(err) },
    });
  }
  const requestId = c.get('requestId');
  c.get('logger').error({ err, requestId, method: c.req.method, path: c.req.path }, 'unhandled error');
  return reply(c, 500, {
    error: {
      code: 'INTERNAL',
      message: `Something went wrong on our side. Quote request id ${requestId} if you report it.`,
    },
  });
};

/** Unknown API paths get the house error shape, not an HTML page. */
export const apiNotFound: NotFoundHandler<AppEnv> = (c) =>
  reply(c, 404, {
    error: { code: 'NOT_FOUND', message: `There is no API endpoint ${c.req.method} ${c.req.path}.` },
  });
