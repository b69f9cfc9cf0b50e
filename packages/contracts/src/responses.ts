import * as v from 'valibot';
import { Limit, Locale, Uuid } from './common';
import type { AnswerValue } from './answers';
import type { QuestionType } from './surveys';
import { LocalDate } from './reports';

const Bool = v.pipe(
  v.picklist(['true', 'false'], 'Use true or false.'),
  v.transform((s) => s === 'true'),
);

/** The inbox's filters, shared by the list and the CSV export. */
const filterEntries = {
  /** Organisation-local days, inclusive. */
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
  /** Words in the comment, case-insensitive. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'Search for at most 200 characters.'))),
};

const DATES_IN_ORDER = 'from must not be after to.';

export const ListResponsesQuery = v.pipe(
  v.object({
    ...filterEntries,
    limit: Limit,
    cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  v.check((q) => !q.from || !q.to || q.from <= q.to, DATES_IN_ORDER),
);
export type ListResponsesQuery = v.InferOutput<typeof ListResponsesQuery>;

/** GET /responses/export.csv: the list's filters, the whole filtered set (no paging). */
export const ExportResponsesQuery = v.pipe(
  v.object(filterEntries),
  v.check((q) => !q.from || !q.to || q.from <= q.to, DATES_IN_ORDER),
);
export type ExportResponsesQuery = v.InferOutput<typeof ExportResponsesQuery>;

/** The filters a list or an export applies (paging aside). */
export type ResponseFilters = ExportResponsesQuery;

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

/**
 * A survey text as the survey's default language words it (`text`), and as the customer read it
 * in the response's language (`asked`: null when that is the default language or the survey has
 * no translation there).
 */
export interface Wording {
  text: string;
  asked: string | null;
}

/** One answer in the words of the survey version the customer answered. */
export interface AnswerView {
  questionId: string;
  /** Null for an answer to a question the version does not have (shown, never hidden). */
  type: QuestionType | null;
  question: Wording;
  value: AnswerValue;
  /** The answer in words: "4 of 5 · Good", "Yes", "Took too long; Not kept informed", the text itself. */
  answer: Wording;
  /** Scale questions: the range, and the label of the chosen point when the survey names it. */
  scale?: { min: number; max: number; label: Wording | null };
  /** Choice questions: each chosen option's code and label (a code the version lacks keeps its code as label). */
  choices?: { code: string; label: Wording }[];
}

/** Earlier answers of an edited response, in the order they were given. */
export interface ResponseEditView {
  answeredAt: string;
  replacedAt: string;
  answers: AnswerView[];
}

/** GET /responses/:id — everything the inbox row has, and what the detail panel shows. */
export interface ResponseDetail extends Omit<ResponseView, 'ticket' | 'customer' | 'survey'> {
  ticket: {
    id: string;
    externalId: string;
    subject: string | null;
    channel: string;
    resolvedAt: string | null;
  };
  customer: { id: string; name: string | null; email: string | null; erased: boolean };
  survey: { id: string; name: string; version: number; defaultLocale: string };
  answers: AnswerView[];
  /** Oldest first; empty when the answers were never changed. */
  history: ResponseEditView[];
  /** The browser that answered, part of the bot evidence. */
  userAgent: string | null;
  /** Who decided whether it counts, when staff did. */
  countedDecidedBy: { id: string; name: string } | null;
  followUp: {
    id: string;
    status: 'open' | 'closed';
    overdue: boolean;
    dueAt: string;
    owner: { id: string; name: string } | null;
  } | null;
}

/** PATCH /responses/:id — staff decide whether a response counts in the metrics. */
export const UpdateResponse = v.object({ counted: v.boolean('counted must be true or false.') });
export type UpdateResponse = v.InferOutput<typeof UpdateResponse>;
