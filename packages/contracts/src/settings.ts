import * as v from 'valibot';
import { LOCALES, Locale } from './common';
import { LocalDate } from './reports';

/** Whether the runtime knows an IANA time zone name (Node and every current browser do). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const Clock = v.pipe(
  v.string('Use a time like 09:00.'),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:00.'),
);

export const BusinessHours = v.pipe(
  v.object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: v.pipe(
      v.array(
        v.pipe(
          v.number('A working day is a number from 1 (Monday) to 7 (Sunday).'),
          v.integer('A working day is a number from 1 (Monday) to 7 (Sunday).'),
          v.minValue(1, 'A working day is a number from 1 (Monday) to 7 (Sunday).'),
          v.maxValue(7, 'A working day is a number from 1 (Monday) to 7 (Sunday).'),
        ),
      ),
      v.minLength(1, 'Choose at least one working day.'),
      v.check((d) => new Set(d).size === d.length, 'Each working day only once.'),
      v.transform((d) => [...d].sort((a, b) => a - b)),
    ),
    start: Clock,
    end: Clock,
  }),
  v.forward(
    v.check((h) => h.start < h.end, 'The working day must end after it starts.'),
    ['end'],
  ),
);
export type BusinessHours = v.InferOutput<typeof BusinessHours>;

/** The longest organisation name: long enough for a legal name, short enough for a subject line. */
export const ORGANISATION_NAME_MAX = 120;

/**
 * What the organisation calls itself: one line (runs of spaces, tabs and line breaks become one
 * space, as a pasted name often carries them), trimmed, 1–120 characters.
 */
export const OrganisationName = v.pipe(
  v.string('Organisation name is text, or null to clear it.'),
  v.transform((name) => name.replace(/\s+/g, ' ')),
  v.trim(),
  v.minLength(1, 'Organisation name cannot be empty.'),
  v.maxLength(ORGANISATION_NAME_MAX, `Organisation name is at most ${ORGANISATION_NAME_MAX} characters.`),
  v.regex(/^\P{Cc}*$/u, 'Organisation name cannot contain control characters.'),
);

/** PATCH /settings — any subset; admins only. */
export const UpdateSettings = v.pipe(
  v.object({
    /** null clears it: reports and the digest then go without a name. */
    organisationName: v.optional(v.nullable(OrganisationName)),
    timeZone: v.optional(
      v.pipe(
        v.string('Time zone is required.'),
        v.trim(),
        v.check(isTimeZone, 'Use a time zone name like Europe/Belgrade.'),
      ),
    ),
    businessHours: v.optional(BusinessHours),
    holidays: v.optional(
      v.pipe(
        v.array(LocalDate),
        v.maxLength(100, 'At most 100 holidays.'),
        v.transform((days) => [...new Set(days)].sort()),
      ),
    ),
    locales: v.optional(
      v.pipe(
        v.array(Locale),
        v.minLength(1, 'Offer at least one language.'),
        v.transform((l) => LOCALES.filter((x) => l.includes(x))),
      ),
    ),
    defaultLocale: v.optional(Locale),
  }),
  v.check((s) => Object.keys(s).length > 0, 'Nothing to change.'),
);
export type UpdateSettings = v.InferOutput<typeof UpdateSettings>;

export interface SettingsView {
  /** null until an admin sets it. */
  organisationName: string | null;
  timeZone: string;
  businessHours: BusinessHours;
  holidays: string[];
  locales: Locale[];
  defaultLocale: Locale;
  webhook: {
    /** `environment`: RAPPORT_WEBHOOK_SECRET sets it and only the environment can change it. */
    source: 'environment' | 'settings';
    rotatedAt: string | null;
    /** Until when the secret before the last rotation is still accepted; null when it is not. */
    previousValidUntil: string | null;
  };
  updatedAt: string;
}

/** POST /settings/webhook-secret/rotate and GET /settings/webhook-secret (admins). */
export interface WebhookSecretView {
  secret: string;
  previousValidUntil: string | null;
}
