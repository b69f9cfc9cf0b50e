import { describe, expect, it } from 'vitest';
import { parseSeedArgs, SeedUsageError } from './seed-args';

describe('parseSeedArgs', () => {
  it.each([
    [[], { help: false }],
    [['--tickets', '200000'], { help: false, tickets: 200_000 }],
    [['--tickets=500', '--seed', '7', '--months', '3'], { help: false, tickets: 500, seed: 7, months: 3 }],
    [['--seed=-5'], { help: false, seed: -5 }],
    [['--', '--tickets', '10'], { help: false, tickets: 10 }],
    [['-h'], { help: true }],
  ])('%j → %j', (argv, expected) => {
    expect(parseSeedArgs(argv)).toEqual({
      tickets: undefined,
      seed: undefined,
      months: undefined,
      ...expected,
    });
  });

  it.each([
    [['--tickets', 'abc'], '--tickets must be a whole number (got "abc").'],
    [['--tickets', '1.5'], '--tickets must be a whole number (got "1.5").'],
    [['--tickets', '1e6'], '--tickets must be a whole number (got "1e6").'],
    [['--tickets', '10,000,000'], '--tickets must be a whole number (got "10,000,000").'],
    [['--tickets', '10_000_000'], '--tickets must be a whole number (got "10_000_000").'],
    [['--tickets', '10M'], '--tickets must be a whole number (got "10M").'],
    [['--months', ''], '--months must be a whole number (got "").'],
    [['--seed', '99999999999999999999'], '--seed must be a whole number (got "99999999999999999999").'],
    [['--bogus'], 'unknown option --bogus.'],
    [['-x'], 'unknown option -x.'],
    [['200'], 'unexpected argument "200".'],
    [['--tickets'], '--tickets needs a value.'],
    [['--tickets', '--seed', '3'], '--tickets needs a value.'],
    [['--help=yes'], '--help takes no value.'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(new SeedUsageError(message));
  });
});
