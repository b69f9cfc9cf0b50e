/** Display formatting. Values stay exact in data; only what people read is rounded or shortened. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function formatDateTime(iso: string | Date): string {
  return dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

export function formatTime(date: Date): string {
  return timeOnly.format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * How long ago (or ahead) a moment is, in the largest whole unit: "3 hours ago", "yesterday".
 * Under a minute reads "just now".
 *
 * @example
 * formatRelative('2025-01-01T10:00:00Z', new Date('2025-01-01T13:00:00Z'), 'en') // '3 hours ago'
 */
export function formatRelative(iso: string, now: Date, locale?: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** Names of the customer-facing languages. */
export const LOCALE_LABELS: Record<string, string> = {
  en: 'English',
  sr: 'Serbian',
  hr: 'Croatian',
  sl: 'Slovenian',
  ru: 'Russian',
};

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  revoke: 'revoked',
  login: 'signed in',
  logout: 'signed out',
  rules: 'rules changed',
};

const NOUNS: Record<string, string> = {
  api_key: 'API key',
  auth: 'User',
  follow_up: 'Follow-up',
};

/**
 * An audit-log action code in words: `team.create` → "Team created". Codes this admin does not
 * know yet are shown as they are, so nothing is hidden.
 *
 * @example
 * describeAction('api_key.revoke') // 'API key revoked'
 */
export function describeAction(action: string): string {
  const [entity, verb] = action.split('.', 2);
  if (!entity || !verb || !VERBS[verb]) return action;
  const noun = NOUNS[entity] ?? entity.replaceAll('_', ' ');
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${VERBS[verb]}`;
}
