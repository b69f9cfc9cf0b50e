import { parseArgs } from 'node:util';

export const SEED_USAGE = 'usage: pnpm seed [--tickets N] [--seed S] [--months M]';

/** What `pnpm seed` was asked for; absent fields take the generator's defaults. */
export interface SeedArgs {
  help: boolean;
  tickets?: number;
  seed?: number;
  months?: number;
}

/** A command-line mistake, with a message fit to print as the one line the user sees. */
export class SeedUsageError extends Error {
  override name = 'SeedUsageError';
}

const WHOLE_NUMBER = /^-?\d+$/;

function wholeNumber(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!WHOLE_NUMBER.test(raw) || !Number.isSafeInteger(value)) {
    throw new SeedUsageError(`--${flag} must be a whole number (got "${raw}").`);
  }
  return value;
}

/**
 * Parses `pnpm seed`'s arguments strictly: an unknown flag, a stray word or a value that is not a
 * whole number throws a `SeedUsageError` naming it. Ranges are the generator's to check.
 *
 * @example
 * parseSeedArgs(['--tickets', '200000']); // { help: false, tickets: 200000 }
 * parseSeedArgs(['--tickets', 'abc']); // throws: --tickets must be a whole number (got "abc").
 */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  // `pnpm seed -- --tickets 5` hands the separator through; it means nothing here.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        tickets: { type: 'string' },
        seed: { type: 'string' },
        months: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new SeedUsageError(describeParseError(err));
  }
  return {
    help: values.help ?? false,
    tickets: wholeNumber('tickets', values.tickets),
    seed: wholeNumber('seed', values.seed),
    months: wholeNumber('months', values.months),
  };
}

/** node:util's messages are long and suggest `--` tricks; name the offending word instead. */
function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? message}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted ?? message}".`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // Quoted as '--tickets <value>' or '-h, --help': keep the long flag only.
      const flag = (quoted ?? message).replace(/ <value>$/, '').replace(/^-\w, /, '');
      return message.includes('does not take an argument')
        ? `${flag} takes no value.`
        : `${flag} needs a value.`;
    }
    default:
      return message;
  }
}
