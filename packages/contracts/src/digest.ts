import * as v from 'valibot';
import { Uuid, type Locale } from './common';
import type { Role } from './users';

/** `viewers`: every active viewer at send time (the default); `chosen`: the people an admin picked, of any role. */
export const DIGEST_RECIPIENT_MODES = ['viewers', 'chosen'] as const;
export type DigestRecipientMode = (typeof DIGEST_RECIPIENT_MODES)[number];

/** At most this many chosen people: a digest to more is a mailing list, which this is not. */
export const MAX_DIGEST_RECIPIENTS = 200;

const Weekday = v.pipe(
  v.number('The day is a number from 1 (Monday) to 7 (Sunday).'),
  v.integer('The day is a number from 1 (Monday) to 7 (Sunday).'),
  v.minValue(1, 'The day is a number from 1 (Monday) to 7 (Sunday).'),
  v.maxValue(7, 'The day is a number from 1 (Monday) to 7 (Sunday).'),
);

const Hour = v.pipe(
  v.number('The hour is a whole number from 0 to 23.'),
  v.integer('The hour is a whole number from 0 to 23.'),
  v.minValue(0, 'The hour is a whole number from 0 to 23.'),
  v.maxValue(23, 'The hour is a whole number from 0 to 23.'),
);

/**
 * PUT /settings/digest — the whole setting (admins). With `recipients: 'chosen'`, `userIds` names
 * the people (at least one); with `viewers` they are kept, unused, so switching back restores them.
 */
export const UpdateDigestSettings = v.pipe(
  v.object({
    enabled: v.boolean('enabled is true or false.'),
    weekday: Weekday,
    hour: Hour,
    recipients: v.picklist(DIGEST_RECIPIENT_MODES, 'recipients is viewers or chosen.'),
    userIds: v.optional(
      v.pipe(
        v.array(Uuid, 'userIds is a list of user ids.'),
        v.maxLength(MAX_DIGEST_RECIPIENTS, `At most ${MAX_DIGEST_RECIPIENTS} people.`),
        v.transform((ids) => [...new Set(ids)]),
      ),
      [],
    ),
  }),
  v.forward(
    v.check(
      (s) => s.recipients !== 'chosen' || s.userIds.length > 0,
      'Choose at least one person, or send to all viewers.',
    ),
    ['userIds'],
  ),
);
export type UpdateDigestSettings = v.InferOutput<typeof UpdateDigestSettings>;

/** A person the digest goes to, in their own language. */
export interface DigestRecipientView {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
}

export interface DigestSettingsView {
  enabled: boolean;
  /** ISO weekday, 1 = Monday … 7 = Sunday, in `timeZone`. */
  weekday: number;
  /** Local hour 0–23 in `timeZone`. */
  hour: number;
  /** The organisation's time zone, which the day and hour are read in. */
  timeZone: string;
  recipients: DigestRecipientMode;
  /** The chosen people (kept even while the mode is `viewers`). */
  userIds: string[];
  /** Who would get the digest if it went out now: active people only, in their language. */
  currentRecipients: DigestRecipientView[];
  /** When the next weekly digest goes out; null while it is switched off. */
  nextSendAt: string | null;
  /** When a digest was last sent to anyone, weekly or by "Send now"; null if never. */
  lastSentAt: string | null;
  updatedAt: string;
}

/** POST /settings/digest/send-now (admins): what was queued, for which seven days. */
export interface SendDigestNowResult {
  /** The organisation-local days the digest reports on, compared with the seven days before. */
  period: { from: string; to: string; timeZone: string };
  queued: DigestRecipientView[];
  /** People whose earlier "Send now" digest is still waiting to go out: not queued twice. */
  alreadyQueued: DigestRecipientView[];
}
