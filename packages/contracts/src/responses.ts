import * as v from 'valibot';
import { Limit, Locale, Uuid } from './common';
import { LocalDate } from './reports';

const Bool = v.pipe(
  v.picklist(['true', 'false'], 'Use true or false.'),
  v.transform((s) => s === 'true'),
);

export const ListResponsesQuery = v.object({
  from: v.optional(LocalDate),
  to: v.optional(LocalDate),
  teamId: v.optional(Uuid),
  agentId: v.optional(Uuid),
  surveyId: v.optional(Uuid),
  /** One CSAT point (1–5), or a comma list like "1,2". */
  score: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-5](,[1-5])*$/, 'score is a point from 1 to 5, or a list like 1,2.'),
      v.transform((s) => [...new Set(s.split(',').map(Number))]),
    ),
  ),
  resolved: v.optional(Bool),
  hasComment: v.optional(Bool),
  bot: v.optional(Bool),
  locale: v.optional(Locale),
  reason: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, 'reason is an option code.'))),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  limit: Limit,
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type ListResponsesQuery = v.InferOutput<typeof ListResponsesQuery>;

export interface ResponseView {
  id: string;
  submittedAt: string;
  updatedAt: string;
  editCount: number;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  resolved: boolean | null;
  callback: boolean | null;
  reasons: string[];
  comment: string | null;
  locale: string;
  channel: string;
  suspectedBot: boolean;
  botEvidence: string[];
  counted: boolean;
  ticket: { id: string; externalId: string; subject: string | null };
  customer: { id: string; name: string | null; email: string | null };
  team: { id: string; name: string } | null;
  agent: { id: string; name: string } | null;
  survey: { id: string; name: string };
  followUpId: string | null;
}

/** PATCH /responses/:id — staff decide whether a response counts in the metrics. */
export const UpdateResponse = v.object({ counted: v.boolean('counted must be true or false.') });
export type UpdateResponse = v.InferOutput<typeof UpdateResponse>;
