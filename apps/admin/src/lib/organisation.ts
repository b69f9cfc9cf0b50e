import type { Locale } from '@rapport/contracts';

/**
 * The name field's text as the API takes it: one line, trimmed, as the server would keep it; an
 * empty field clears the name (null).
 *
 * @example
 * organisationNameValue('  Acme\n Support ') // 'Acme Support'
 * organisationNameValue('   ')              // null
 */
export function organisationNameValue(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim();
  return name === '' ? null : name;
}

/**
 * Who a report is about: the organisation's name, or the site's host until an admin names it
 * (`named` false, so the page can ask for a name).
 *
 * @example
 * reportOrganisation(null, 'rapport.example.com') // { label: 'rapport.example.com', named: false }
 */
export function reportOrganisation(name: string | null, host: string): { label: string; named: boolean } {
  return name ? { label: name, named: true } : { label: host, named: false };
}

/** ISO weekdays (1 = Monday) with the names the working-day checkboxes show. */
export const WEEKDAYS: readonly { day: number; short: string; long: string }[] = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
];

/** Each language as its speakers write it, with the English name for staff who do not read it. */
export const LOCALE_NAMES: Record<Locale, { native: string; english: string }> = {
  en: { native: 'English', english: 'English' },
  sr: { native: 'Српски', english: 'Serbian (Cyrillic)' },
  hr: { native: 'Hrvatski', english: 'Croatian' },
  sl: { native: 'Slovenščina', english: 'Slovenian' },
  ru: { native: 'Русский', english: 'Russian' },
};

/**
 * The time zones the browser knows, for the picker's suggestions; the current one is always listed
 * (an older browser may not know a newly named zone).
 */
export function timeZoneChoices(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...known])].sort((a, b) =>
    a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b),
  );
}

/**
 * Working days as a short phrase: runs of consecutive days are joined ("Mon–Fri", "Mon–Wed, Sat").
 *
 * @example
 * describeDays([1, 2, 3, 4, 5]) // 'Mon–Fri'
 */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'No working days';
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (d: number) => WEEKDAYS[d - 1]?.short ?? String(d);
  return runs
    .map((run) => {
      const first = run[0] as number;
      const last = run.at(-1) as number;
      if (run.length === 1) return name(first);
      return run.length === 2 ? `${name(first)}, ${name(last)}` : `${name(first)}–${name(last)}`;
    })
    .join(', ');
}

/**
 * The working hours in a sentence, as the settings page and the follow-up board explain due times.
 *
 * @example
 * describeHours({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, 'Europe/Belgrade')
 * // 'Mon–Fri, 09:00–17:00 (Europe/Belgrade)'
 */
export function describeHours(
  h: { days: readonly number[]; start: string; end: string },
  timeZone: string,
): string {
  return `${describeDays(h.days)}, ${h.start}–${h.end} (${timeZone})`;
}
