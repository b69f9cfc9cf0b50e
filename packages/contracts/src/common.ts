import * as v from 'valibot';

/** The languages every customer-facing text exists in. */
export const LOCALES = ['en', 'sr', 'hr', 'sl', 'ru'] as const;
export const Locale = v.picklist(LOCALES, 'Use one of the supported languages: en, sr, hr, sl, ru.');
export type Locale = v.InferOutput<typeof Locale>;

export const Uuid = v.pipe(v.string(), v.uuid('Must be an id (a UUID).'));

export const Email = v.pipe(
  v.string('Email is required.'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, 'Email is too long.'),
  v.email('Enter a valid email address.'),
);

/** A person-facing name: trimmed, not empty, not absurdly long. */
export const Name = (what: string) =>
  v.pipe(
    v.string(`${what} is required.`),
    v.trim(),
    v.minLength(1, `${what} cannot be empty.`),
    v.maxLength(200, `${what} is at most 200 characters.`),
  );

/** Page size for list endpoints, given as a query string. */
export const Limit = v.optional(
  v.pipe(
    v.string(),
    v.transform(Number),
    v.integer('limit must be a whole number.'),
    v.minValue(1, 'limit must be at least 1.'),
    v.maxValue(200, 'limit must be at most 200.'),
  ),
  '50',
);

/** The house error body: every non-2xx reply from the API has this shape. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** One problem with the input, pointing at the field by its dotted path. */
export interface FieldIssue {
  path: string;
  message: string;
}
