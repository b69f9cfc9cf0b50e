import { LOCALES } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { STRINGS, type PageStrings } from './strings';
import { maskEmail } from './unsubscribe-pages';

function texts(s: PageStrings): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(s)) {
    if (typeof value === 'string') out.push([key, value]);
    else if (typeof value === 'function') {
      out.push([`${key}(x)`, String(value('«x»'))], [`${key}(null)`, String(value(null))]);
    } else if (key === 'problems')
      for (const [code, text] of Object.entries(value)) out.push([`problems.${code}`, String(text)]);
  }
  return out;
}

describe('page strings', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s has every text translated, not copied from English',
    (locale) => {
      const english = new Map(texts(STRINGS.en));
      for (const [key, text] of texts(STRINGS[locale])) {
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toBe(english.get(key));
      }
    },
  );

  it.each(LOCALES)('%s puts the argument into every text that takes one', (locale) => {
    const s = STRINGS[locale];
    for (const f of [s.answeredNote, s.changeUntil, s.unsubscribeBody, s.unsubscribedBody])
      expect(f('«x»')).toContain('«x»');
  });

  it('writes Serbian in Cyrillic', () => {
    for (const [key, text] of texts(STRINGS.sr))
      expect(text.replace(/«x»|null/g, ''), key).not.toMatch(/[A-Za-zčćšžđ]/);
  });
});

describe('maskEmail', () => {
  it.each([
    ['jana.novak@example.com', 'ja•••@example.com'],
    ['x@example.com', 'x•••@example.com'],
    ['not-an-address', '•••'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
