import { describe, expect, it } from 'vitest';
import { followUps } from '../schema/follow-ups';
import { responses } from '../schema/responses';
import { teams } from '../schema/teams';
import { copyStatement, encodeCopyText, escapeCopyText, isoTimestamp, quoteIdentifier } from './copy-text';
import { createRandom } from './random';

describe('escapeCopyText', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['tab\there', 'tab\\there'],
    ['two\nlines', 'two\\nlines'],
    ['cr\rlf\r\n', 'cr\\rlf\\r\\n'],
    ['back\\slash', 'back\\\\slash'],
    ['\\N', '\\\\N'],
    ['\\.', '\\\\.'],
    ['"quoted", with commas; and \'apostrophes\'', '"quoted", with commas; and \'apostrophes\''],
    ['Хвала, све је решено', 'Хвала, све је решено'],
    ['\t\\\n', '\\t\\\\\\n'],
  ])('%j → %j', (text, expected) => {
    expect(escapeCopyText(text)).toBe(expected);
  });
});

describe('isoTimestamp', () => {
  it('writes exactly what toISOString writes, across centuries and to the millisecond', () => {
    const random = createRandom(7);
    const instants = [
      0,
      -1,
      1,
      86_399_999,
      86_400_000,
      Date.UTC(2026, 0, 5, 10, 7, 3, 45),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 5, 1, 12),
    ];
    for (let i = 0; i < 20_000; i++) instants.push(Math.floor((random.next() - 0.3) * 8e12));
    for (const ms of instants) expect(isoTimestamp(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it('throws on an invalid date, as toISOString does', () => {
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});

/** Rows naming only the columns a case is about: COPY leaves the others to their defaults. */
const some = <T>(rows: Partial<T>[]): T[] => rows as T[];

describe('encodeCopyText', () => {
  const at = new Date(Date.UTC(2026, 0, 5, 10, 7, 3, 45));

  it('names the SQL columns of the keys the first row has, in its order', () => {
    const copy = encodeCopyText(teams, [
      { name: 'Billing', id: '00000000-0000-4000-8000-000000000001', createdAt: at, updatedAt: at },
    ]);
    expect(copy).toEqual({
      table: 'teams',
      columns: ['name', 'id', 'created_at', 'updated_at'],
      text: 'Billing\t00000000-0000-4000-8000-000000000001\t2026-01-05T10:07:03.045Z\t2026-01-05T10:07:03.045Z\n',
      rows: 1,
    });
  });

  it('writes NULL, booleans, numbers, jsonb, text arrays and escaped text as COPY reads them', () => {
    const copy = encodeCopyText(
      responses,
      some<typeof responses.$inferInsert>([
        {
          comment: 'Tab\there, "quotes", a\\b and\nУжасно',
          csat: 2,
          resolved: false,
          callback: null,
          reasons: ['took_too_long', 'with "quote", comma', 'back\\slash'],
          answers: { rating: 2, comment: 'line one\nline two\t"x"' },
          botEvidence: [],
          userAgent: undefined,
        },
      ]),
    );
    expect(copy.columns).toEqual([
      'comment',
      'csat',
      'resolved',
      'callback',
      'reasons',
      'answers',
      'bot_evidence',
      'user_agent',
    ]);
    expect(copy.text).toBe(
      [
        'Tab\\there, "quotes", a\\\\b and\\nУжасно',
        '2',
        'false',
        '\\N',
        // The array literal quotes each element and escapes its quotes and backslashes; COPY's escape
        // then doubles the backslashes again.
        '{"took_too_long","with \\\\"quote\\\\", comma","back\\\\\\\\slash"}',
        // JSON's own escapes (\n, \t, \") are backslashes too, doubled for COPY.
        '{"rating":2,"comment":"line one\\\\nline two\\\\t\\\\"x\\\\""}',
        '[]',
        '\\N',
      ].join('\t') + '\n',
    );
  });

  it('writes one line per row, and text arrays of closed follow-ups', () => {
    const rows = ['a', 'b', 'c'].map((note) => ({ note, reasons: ['low_rating'], closedAt: null }));
    const copy = encodeCopyText(followUps, some<typeof followUps.$inferInsert>(rows));
    expect(copy.rows).toBe(3);
    expect(copy.text).toBe('a\t{"low_rating"}\t\\N\nb\t{"low_rating"}\t\\N\nc\t{"low_rating"}\t\\N\n');
  });

  it('refuses no rows, keys that are not columns, and a row missing a key of the first', () => {
    expect(() => encodeCopyText(teams, [])).toThrow(RangeError);
    const bogus = [{ name: 'x', colour: 'red' }] as unknown as (typeof teams.$inferInsert)[];
    expect(() => encodeCopyText(teams, bogus)).toThrow('colour is not a column');
    const uneven = [{ name: 'x', leadUserId: null }, { name: 'y' }] as (typeof teams.$inferInsert)[];
    expect(() => encodeCopyText(teams, uneven)).toThrow('a row has no leadUserId, unlike the first row');
  });
});

describe('copyStatement', () => {
  it('quotes the table and every column', () => {
    expect(copyStatement({ table: 'ticket_events', columns: ['id', 'we"ird'] }, 'stdin')).toBe(
      'copy "ticket_events" ("id", "we""ird") from stdin',
    );
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });
});
