import * as v from 'valibot';
import { Locale } from './common';
import { SurveyDefinition, SurveyName, type SurveyRules, type SurveyStatus } from './surveys';

/**
 * The templates a new survey starts from. `csat` is the default post-ticket survey's questions;
 * `service_principles` asks for agreement (1–5) with each of eight service principles.
 */
export const SURVEY_TEMPLATES = ['csat', 'ces', 'nps', 'service_principles', 'blank'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

/** POST /surveys — a new survey in status draft, its draft filled from a template. */
export const CreateSurvey = v.object({
  name: SurveyName,
  template: v.picklist(SURVEY_TEMPLATES, `template must be one of ${SURVEY_TEMPLATES.join(', ')}.`),
});
export type CreateSurvey = v.InferOutput<typeof CreateSurvey>;

/**
 * PUT /surveys/:id/draft — saves unpublished edits (name and definition). The API checks
 * `definitionProblems` too and answers 400 VALIDATION with details pointing at `questions.N…`.
 */
export const SaveSurveyDraft = v.object({
  name: v.optional(SurveyName),
  definition: SurveyDefinition,
});
export type SaveSurveyDraft = v.InferOutput<typeof SaveSurveyDraft>;

const PreviewAnswer = v.union(
  [v.number(), v.boolean(), v.pipe(v.string(), v.maxLength(5000)), v.array(v.string())],
  'An answer is a number, yes/no, a code or text, or a list of codes.',
);

/** POST /surveys/preview — renders an unsaved definition as the customer would see it. */
export const PreviewSurvey = v.object({
  definition: SurveyDefinition,
  locale: Locale,
  surface: v.picklist(['page', 'email'], 'surface must be page or email.'),
  /**
   * Optional answers to show as chosen on the page (`{ rating: 2 }`), so the preview can show the
   * follow-up questions whose conditions they meet. Answers that do not fit are left out.
   */
  answers: v.optional(v.record(v.string(), PreviewAnswer)),
});
export type PreviewSurvey = v.InferOutput<typeof PreviewSurvey>;

export interface SurveyPreview {
  /** A whole HTML document, without scripts, to show in a sandboxed frame. */
  html: string;
  /** The email's subject (surface email only). */
  subject: string | null;
  /** The email's plain-text part (surface email only). */
  text: string | null;
  /**
   * The language rendered: the asked one when the definition offers it, else its default
   * language — what a customer with that language would get.
   */
  locale: Locale;
}

/** What the surveys list shows for each survey. */
export interface SurveyStats {
  /** Invitations sent, all time. */
  sent: number;
  /** Responses received, all time (suspected bots included). */
  responses: number;
  /**
   * CSAT of the last 30 organisation-local days (today included): share of counted 4s and 5s, with
   * its n and 95% interval; value and ci95 are null when n = 0.
   */
  csat30: { value: number | null; n: number; ci95: [number, number] | null };
}

export interface SurveyVersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: { id: string; name: string } | null;
}

export interface SurveyVersionView extends SurveyVersionSummary {
  definition: SurveyDefinition;
}

/** GET /surveys and GET /surveys/:id (the builder's view of one survey). */
export interface SurveyDetail {
  id: string;
  name: string;
  status: SurveyStatus;
  isDefault: boolean;
  rules: SurveyRules;
  /** The published version invitations use; null until the first publish. */
  version: number | null;
  definition: SurveyDefinition | null;
  /** Unpublished edits; null when there are none. */
  draft: SurveyDefinition | null;
  stats: SurveyStats;
  createdAt: string;
  /** The last change of any kind: draft saved, published, rules, archive. */
  updatedAt: string;
}
