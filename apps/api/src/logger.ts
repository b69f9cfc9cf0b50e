import pino, { type Logger } from 'pino';

/** JSON logs on stderr (stdout is kept for the start banner), pretty enough to read in a terminal. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}
