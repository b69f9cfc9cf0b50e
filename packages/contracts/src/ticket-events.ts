import * as v from 'valibot';
import { Email, LOCALES, type Locale } from './common';

const IsoDateTime = (what: string) =>
  v.pipe(
    v.string(`${what} is required.`),
    v.isoTimestamp(`${what} must be an ISO 8601 date-time with a time zone, like 2026-11-22T14:05:00Z.`),
    v.transform((s) => new Date(s)),
  );

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `At most ${max} characters.`));
const Id = v.pipe(
  v.string('Must be text.'),
  v.trim(),
  v.minLength(1, 'Cannot be empty.'),
  v.maxLength(200, 'At most 200 characters.'),
);

export const TICKET_EVENT_TYPES = ['ticket.resolved', 'ticket.reopened', 'ticket.updated'] as const;

export const TicketPayload = v.object({
  externalId: Id,
  subject: v.optional(v.nullable(Text(500))),
  channel: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1, 'Cannot be empty.'), v.maxLength(40)),
  createdAt: IsoDateTime('ticket.createdAt'),
  firstResponseAt: v.optional(v.nullable(IsoDateTime('ticket.firstResponseAt'))),
  resolvedAt: v.optional(v.nullable(IsoDateTime('ticket.resolvedAt'))),
  customer: v.object({
    externalId: v.optional(v.nullable(Id)),
    email: Email,
    name: v.optional(v.nullable(Text(200))),
    locale: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(35)))),
  }),
  agent: v.optional(
    v.nullable(
      v.object({
        externalId: v.optional(v.nullable(Id)),
        email: Email,
        name: v.optional(v.nullable(Text(200))),
        team: v.optional(v.nullable(Text(200))),
      }),
    ),
  ),
});
export type TicketPayload = v.InferOutput<typeof TicketPayload>;

export const TicketEvent = v.object({
  id: v.optional(v.nullable(Id)),
  type: v.picklist(TICKET_EVENT_TYPES, `type must be one of ${TICKET_EVENT_TYPES.join(', ')}.`),
  occurredAt: IsoDateTime('occurredAt'),
  ticket: TicketPayload,
});
export type TicketEvent = v.InferOutput<typeof TicketEvent>;

/**
 * What Rapport did with a ticket event. `recorded`: the ticket was updated and nothing about
 * invitations changed (an update of an unresolved ticket, or an imported past ticket).
 */
export const TICKET_DECISIONS = [
  'scheduled',
  'skipped_throttled',
  'skipped_sampled',
  'skipped_unsubscribed',
  'skipped_excluded',
  'skipped_no_survey',
  'cancelled',
  'duplicate',
  'recorded',
] as const;
export type TicketDecision = (typeof TICKET_DECISIONS)[number];

export interface TicketEventResult {
  ticketId: string;
  decision: TicketDecision;
  invitation: { id: string; scheduledFor: string } | null;
}

/**
 * The supported language for a helpdesk locale tag: "sr-RS" → "sr", "hr_HR" → "hr"; anything
 * else → null (the survey's default language is used).
 */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

export interface TicketImportResult {
  imported: number;
  created: number;
  updated: number;
}

/** The CSV columns an import understands (a header row is required; order is free; unknown columns are refused). */
export const TICKET_CSV_COLUMNS = [
  'external_id',
  'subject',
  'channel',
  'created_at',
  'first_response_at',
  'resolved_at',
  'customer_external_id',
  'customer_email',
  'customer_name',
  'customer_locale',
  'agent_external_id',
  'agent_email',
  'agent_name',
  'team',
] as const;
