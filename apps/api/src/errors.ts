import type { ErrorCode, FieldIssue } from '@rapport/contracts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A failure the caller can act on. Services throw these; `app.onError` turns them into
 * `{ error: { code, message, details? } }` with the matching status.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: FieldIssue[]) {
    super('VALIDATION', 400, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to continue.') {
    super('UNAUTHORIZED', 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this.') {
    super('FORBIDDEN', 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', 404, `${what} was not found.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', 409, message, details);
  }
}

export class GoneError extends AppError {
  constructor(message: string) {
    super('GONE', 410, message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', 429, message, { retryAfterSeconds });
  }
}

/** Returns the row or throws `NotFoundError` naming what was missing. */
export function found<T>(row: T | undefined | null, what: string): T {
  if (row === undefined || row === null) throw new NotFoundError(what);
  return row;
}
