import { describe, expect, it } from 'vitest';
import {
  ApiError,
  fieldErrorsOf,
  fieldFor,
  formMessageOf,
  readApiError,
  retryTimeOf,
  safeNextPath,
  toApiError,
  type ReplyLike,
} from './api-error';

function reply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  statusText = '',
): ReplyLike {
  return {
    status,
    statusText,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => body,
  };
}

describe('fieldErrorsOf', () => {
  it.each([
    ['no details', undefined, {}],
    ['not a list', { path: 'email', message: 'x' }, {}],
    [
      'one problem per field',
      [
        { path: 'email', message: 'Enter a valid email address.' },
        { path: 'password', message: 'Password must be at least 10 characters.' },
      ],
      { email: 'Enter a valid email address.', password: 'Password must be at least 10 characters.' },
    ],
    [
      'the first message for a path wins',
      [
        { path: 'name', message: 'Name cannot be empty.' },
        { path: 'name', message: 'Name is at most 200 characters.' },
      ],
      { name: 'Name cannot be empty.' },
    ],
    [
      'nested paths stay dotted; malformed and path-less entries are skipped',
      [
        { path: 'scopes.0', message: 'Scope must be one of …' },
        { path: '', message: 'Nothing to change.' },
        'x',
        {},
      ],
      { 'scopes.0': 'Scope must be one of …' },
    ],
  ])('%s', (_name, details, expected) => {
    expect(fieldErrorsOf(details)).toEqual(expected);
  });
});

describe('fieldFor', () => {
  it('finds a message for the field itself or for something inside it', () => {
    const fields = { 'scopes.1': 'Scope must be one of …', name: 'Name cannot be empty.' };
    expect(fieldFor(fields, 'name')).toBe('Name cannot be empty.');
    expect(fieldFor(fields, 'scopes')).toBe('Scope must be one of …');
    expect(fieldFor(fields, 'scope')).toBeUndefined();
  });
});

describe('readApiError', () => {
  it('keeps the code, message and field details of a house-shaped VALIDATION reply', async () => {
    const error = await readApiError(
      reply(
        400,
        JSON.stringify({
          error: {
            code: 'VALIDATION',
            message: 'email: Enter a valid email address.',
            details: [{ path: 'email', message: 'Enter a valid email address.' }],
          },
        }),
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      message: 'email: Enter a valid email address.',
      fields: { email: 'Enter a valid email address.' },
      retryAfterSeconds: null,
    });
  });

  it('reads when to retry from Retry-After, else from the details', async () => {
    const body = JSON.stringify({
      error: {
        code: 'RATE_LIMITED',
        message: 'Too many failed sign-ins.',
        details: { retryAfterSeconds: 600 },
      },
    });
    expect((await readApiError(reply(429, body, { 'retry-after': '540' }))).retryAfterSeconds).toBe(540);
    expect((await readApiError(reply(429, body))).retryAfterSeconds).toBe(600);
  });

  it('names the status when the body is not in the house shape', async () => {
    const gateway = await readApiError(reply(502, '<html>Bad gateway</html>', {}, 'Bad Gateway'));
    expect(gateway.code).toBe('UNEXPECTED');
    expect(gateway.message).toBe('The server could not answer (502 Bad Gateway). Try again in a moment.');
    const odd = await readApiError(reply(418, ''));
    expect(odd.message).toBe('The server answered 418 unexpectedly.');
  });

  it('treats an unknown error code as unexpected but keeps its message', async () => {
    const error = await readApiError(
      reply(400, JSON.stringify({ error: { code: 'NEW_CODE', message: 'Why.' } })),
    );
    expect(error.code).toBe('UNEXPECTED');
    expect(error.message).toBe('Why.');
  });
});

describe('toApiError', () => {
  it('passes ApiErrors through, and turns fetch failures and bugs into messages', () => {
    const original = new ApiError(409, 'CONFLICT', 'Taken.');
    expect(toApiError(original)).toBe(original);
    expect(toApiError(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, code: 'NETWORK' });
    expect(toApiError(new Error('x is undefined')).message).toBe(
      'Something went wrong in the admin: x is undefined',
    );
  });
});

describe('formMessageOf', () => {
  const validation = (fields: Record<string, string>) =>
    new ApiError(400, 'VALIDATION', 'first problem', fields);

  it('points at the fields when the form shows every problem', () => {
    expect(formMessageOf(validation({ email: 'x' }), ['name', 'email'])).toBe(
      'Check the field marked below.',
    );
    expect(formMessageOf(validation({ email: 'x', 'scopes.0': 'y' }), ['email', 'scopes'])).toBe(
      'Check the fields marked below.',
    );
  });

  it("keeps the API's message when a problem has no field on the form, or there are no fields", () => {
    expect(formMessageOf(validation({ leadUserId: 'x' }), ['name'])).toBe('first problem');
    expect(formMessageOf(new ApiError(409, 'CONFLICT', 'A team named "A" already exists.'), ['name'])).toBe(
      'A team named "A" already exists.',
    );
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/settings/users?tab=1', '/settings/users?tab=1'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/login', '/'],
    ['/login?next=%2F', '/'],
  ])('%j → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('retryTimeOf', () => {
  it('adds the wait to now', () => {
    expect(retryTimeOf(90, new Date('2025-01-01T10:00:00Z')).toISOString()).toBe('2025-01-01T10:01:30.000Z');
  });
});
