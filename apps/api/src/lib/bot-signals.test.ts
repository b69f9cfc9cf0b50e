import { describe, expect, it } from 'vitest';
import { botSignals } from './bot-signals';

const sentAt = new Date('2026-11-20T10:00:00Z');
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const SAFELINKS = 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Safelinks/1.0';

describe('botSignals', () => {
  it.each([
    ['a person pressing Send a minute later', FIREFOX, 60_000, 'button', false, []],
    [
      'a person whose page script posts the rating at once',
      FIREFOX,
      3_000,
      'load',
      false,
      ['answered_within_seconds'],
    ],
    ['a person without a marker, but after a while', FIREFOX, 120_000, null, false, ['no_interaction']],
    ['a fast post with no marker', FIREFOX, 2_000, null, true, ['answered_within_seconds', 'no_interaction']],
    ['a scanner user agent, whatever else', SAFELINKS, 600_000, 'js', true, ['scanner_user_agent']],
    ['no user agent at all', null, 600_000, 'button', true, ['scanner_user_agent']],
  ] as const)('%s → suspected %s', (_label, userAgent, afterMs, interaction, suspected, evidence) => {
    const result = botSignals({ userAgent, sentAt, now: new Date(sentAt.getTime() + afterMs), interaction });
    expect(result).toEqual({ suspected, evidence });
  });
});
