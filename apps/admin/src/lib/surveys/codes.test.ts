import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, codeFromLabel, slugOf, uniqueCode } from './codes';

describe('slugOf', () => {
  it.each([
    ['It took too long', 'it_took_too_long'],
    ['  The agent was RUDE!  ', 'the_agent_was_rude'],
    ['Трајало је предуго', 'trajalo_je_predugo'],
    ['Љубазан агент', 'ljubazan_agent'],
    ['Это заняло слишком много времени', 'eto_zanyalo_slishkom_mnogo_vremeni'],
    ['Učinkovito rješenje', 'ucinkovito_rjesenje'],
    ['Đurđevdan', 'djurdjevdan'],
    ['Hitro in prijazno – odlično', 'hitro_in_prijazno_odlicno'],
    ['???', ''],
  ])('%s → %s', (label, slug) => {
    expect(slugOf(label)).toBe(slug);
  });

  it('cuts long labels at 40 characters without a trailing _', () => {
    const slug = slugOf('The person who answered did not understand what I was asking about');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('_')).toBe(false);
    expect(slug).toMatch(CODE_PATTERN);
  });
});

describe('uniqueCode', () => {
  it('numbers a code that is taken, from 2', () => {
    expect(uniqueCode('other', [])).toBe('other');
    expect(uniqueCode('other', ['other'])).toBe('other_2');
    expect(uniqueCode('other', ['other', 'other_2'])).toBe('other_3');
  });

  it('stays within 40 characters', () => {
    const long = 'a'.repeat(40);
    expect(uniqueCode(long, [long])).toBe(`${'a'.repeat(38)}_2`);
  });
});

describe('codeFromLabel', () => {
  it('makes a valid, unused code from any label', () => {
    expect(codeFromLabel('Slow reply', [])).toBe('slow_reply');
    expect(codeFromLabel('Slow reply', ['slow_reply'])).toBe('slow_reply_2');
    expect(codeFromLabel('24 hours', [])).toBe('option_24_hours');
    expect(codeFromLabel('???', [])).toBe('option');
    expect(codeFromLabel('', ['option'])).toBe('option_2');
    for (const label of ['Да', '1', '–', 'ß', 'x'.repeat(80)]) {
      expect(codeFromLabel(label, [])).toMatch(CODE_PATTERN);
    }
  });
});
