import { describe, expect, it } from 'vitest';
import { formatMoment, localized, negotiateLocale, pageLocale } from './locale';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de-DE,de;q=0.9', 'en'],
    ['sl-SI,sl;q=0.9,en;q=0.5', 'sl'],
    ['de;q=0.9,ru;q=0.8', 'ru'],
    ['en;q=0.3,hr;q=0.9', 'hr'],
    ['SR-Cyrl-RS', 'sr'],
    ['ru;q=0,en', 'en'],
    ['*', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('pageLocale', () => {
  it('follows the invitation when the survey speaks its language, else the survey default', () => {
    expect(pageLocale('ru', { locales: ['en', 'ru'], defaultLocale: 'en' })).toBe('ru');
    expect(pageLocale('ru', { locales: ['sl'], defaultLocale: 'sl' })).toBe('sl');
    expect(pageLocale('de', { locales: ['en', 'hr'], defaultLocale: 'hr' })).toBe('hr');
  });
});

describe('localized', () => {
  it('falls back to the default language, then to any text there is', () => {
    expect(localized({ en: 'Yes', sr: 'Да' }, 'sr', 'en')).toBe('Да');
    expect(localized({ en: 'Yes', sr: '' }, 'sr', 'en')).toBe('Yes');
    expect(localized({ hr: 'Da' }, 'sr', 'en')).toBe('Da');
    expect(localized({}, 'sr', 'en')).toBe('');
  });
});

describe('formatMoment', () => {
  const at = new Date('2026-03-02T15:04:00Z');
  it('writes the moment in the organisation time zone and names it', () => {
    const text = formatMoment(at, 'en', 'Europe/Belgrade', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    expect(text).toMatch(/Mar 2, 2026/);
    expect(text).toMatch(/04:04/);
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(
      formatMoment(at, 'en', 'Mars/Olympus', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ).toBe('15:04');
  });
});
