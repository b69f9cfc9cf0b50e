import { LOCALES, type Locale, type LocalizedText, type SurveyDefinition } from '@rapport/contracts';

/**
 * Whether a string is one of the languages the pages are written in.
 *
 * @example
 * isLocale('sr') // true
 * isLocale('de') // false
 */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The language of a survey page: the invitation's, when the survey is offered in it (so the
 * questions and the page around them speak one language), else the survey's default.
 *
 * @example
 * pageLocale('ru', { locales: ['en', 'ru'], defaultLocale: 'en' }) // 'ru'
 * pageLocale('ru', { locales: ['en'], defaultLocale: 'en' })       // 'en'
 */
export function pageLocale(
  invitationLocale: string,
  definition: Pick<SurveyDefinition, 'locales' | 'defaultLocale'>,
): Locale {
  return isLocale(invitationLocale) && definition.locales.includes(invitationLocale)
    ? invitationLocale
    : definition.defaultLocale;
}

/**
 * The best supported language for a browser's `Accept-Language`, for pages that have no invitation
 * to take it from (an unknown link). English when nothing matches.
 *
 * @example
 * negotiateLocale('sl-SI,sl;q=0.9,en;q=0.5') // 'sl'
 * negotiateLocale('de-DE') // 'en'
 */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { primary: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of ranked) if (isLocale(primary)) return primary;
  return 'en';
}

/**
 * A survey text in the page's language, falling back to the survey's default language and then to
 * any language it was written in, so a half-translated survey still shows every question.
 *
 * @example
 * localized({ en: 'Yes', sr: 'Да' }, 'sr', 'en') // 'Да'
 * localized({ en: 'Yes' }, 'sr', 'en')           // 'Yes'
 */
export function localized(text: LocalizedText, locale: Locale, fallback: Locale): string {
  return text[locale] || text[fallback] || Object.values(text).find((s) => s) || '';
}

/**
 * A moment written for people in the page's language and the organisation's time zone, with the
 * zone named (the customer may live elsewhere).
 *
 * @example
 * formatMoment(new Date('2026-03-02T15:00:00Z'), 'en', 'Europe/Belgrade', { day: 'numeric', month: 'short', year: 'numeric' })
 * // 'Mar 2, 2026'
 */
export function formatMoment(
  at: Date,
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
  } catch {
    // An organisation time zone this runtime does not know: UTC is still a correct moment.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(at);
  }
}
