/**
 * The weekly digest's settings page in words: the schedule as a sentence, and what "Send now"
 * did. Plain TypeScript, unit-tested beside.
 */
import type { DigestRecipientView, SendDigestNowResult } from '@rapport/contracts';
import { WEEKDAYS } from './organisation';

/** The hours a digest can go out at, as a 24-hour clock. */
export const HOURS: readonly { hour: number; label: string }[] = Array.from({ length: 24 }, (_, hour) => ({
  hour,
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/**
 * When the digest goes out, in a sentence.
 *
 * @example
 * describeSchedule({ enabled: true, weekday: 1, hour: 8 }, 'Europe/Belgrade') // 'Mondays at 08:00 (Europe/Belgrade)'
 */
export function describeSchedule(
  s: { enabled: boolean; weekday: number; hour: number },
  timeZone: string,
): string {
  if (!s.enabled) return 'Off';
  const day = WEEKDAYS[s.weekday - 1]?.long ?? `Day ${s.weekday}`;
  return `${day}s at ${HOURS[s.hour]?.label ?? `${s.hour}:00`} (${timeZone})`;
}

/**
 * An instant as the organisation's wall clock: the weekday, date and time in its time zone.
 *
 * @example
 * formatInZone('2026-12-07T07:00:00.000Z', 'Europe/Belgrade', 'en-GB') // 'Monday, 7 December 2026 at 08:00'
 */
export function formatInZone(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** "Ana, Marko and 3 others": names for a sentence, the full list is shown beside. */
function names(people: DigestRecipientView[]): string {
  const shown = people.slice(0, 3).map((p) => p.name);
  const rest = people.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * What "Send now" did, as the notification says it.
 *
 * @example
 * describeSendNow({ queued: [ana], alreadyQueued: [], period }) // 'Digest queued for Ana. It goes out within a minute.'
 */
export function describeSendNow(result: SendDigestNowResult): string {
  const parts: string[] = [];
  if (result.queued.length > 0)
    parts.push(`Digest queued for ${names(result.queued)}. It goes out within a minute.`);
  if (result.alreadyQueued.length > 0)
    parts.push(
      `${names(result.alreadyQueued)} ${result.alreadyQueued.length === 1 ? 'has' : 'have'} a digest waiting to go out already.`,
    );
  return parts.join(' ');
}
