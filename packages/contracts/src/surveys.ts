import * as v from 'valibot';
import { LOCALES, Locale, Name, type Locale as LocaleCode } from './common';

/** A text in several languages; the survey's default locale must always be present. */
export const LocalizedText = v.pipe(
  v.record(Locale, v.pipe(v.string(), v.trim(), v.maxLength(2000, 'A text is at most 2000 characters.'))),
  v.check((t) => Object.values(t).some((s) => s.length > 0), 'Write the text in at least one language.'),
);
export type LocalizedText = Partial<Record<LocaleCode, string>>;

export const QUESTION_TYPES = [
  'rating',
  'nps',
  'ces',
  'yes_no',
  'single_choice',
  'multi_choice',
  'text',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * What a question feeds in the metrics. At most one question per survey may carry each role.
 * `rating` → csat; `nps` → nps; `ces` → ces; `yes_no` → resolved or callback; `multi_choice` → reasons; `text` → comment.
 */
export const METRICS = ['csat', 'nps', 'ces', 'resolved', 'callback', 'reasons', 'comment'] as const;
export type Metric = (typeof METRICS)[number];

const Code = v.pipe(
  v.string(),
  v.regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'Use a short code of lower-case letters, digits and _ (starting with a letter).',
  ),
);

export const ConditionClause = v.object({
  questionId: Code,
  op: v.picklist(['lte', 'gte', 'eq', 'neq', 'includes'], 'Use one of ≤, ≥, =, ≠ or includes.'),
  value: v.union(
    [v.number(), v.string(), v.boolean()],
    'A condition compares with a number, a code or yes/no.',
  ),
});
export type ConditionClause = v.InferOutput<typeof ConditionClause>;

/** Shown when any (or all) of the clauses hold for the answers given so far. */
export const Condition = v.object({
  match: v.picklist(['any', 'all']),
  clauses: v.pipe(v.array(ConditionClause), v.minLength(1, 'A condition needs at least one clause.')),
});
export type Condition = v.InferOutput<typeof Condition>;

export const QuestionOption = v.object({
  /** Stable: renaming the label keeps the code, so history stays comparable. */
  code: Code,
  label: LocalizedText,
});
export type QuestionOption = v.InferOutput<typeof QuestionOption>;

export const Question = v.object({
  id: Code,
  type: v.picklist(QUESTION_TYPES, `Question type must be one of ${QUESTION_TYPES.join(', ')}.`),
  metric: v.optional(v.picklist(METRICS)),
  text: LocalizedText,
  required: v.boolean(),
  /** Labels of the scale's ends (nps, ces) or of each point (rating: 5 labels). */
  scaleLabels: v.optional(v.array(LocalizedText)),
  options: v.optional(v.array(QuestionOption)),
  showIf: v.optional(Condition),
});
export type Question = v.InferOutput<typeof Question>;

/** The number range each scale question accepts. */
export const SCALES: Partial<Record<QuestionType, { min: number; max: number }>> = {
  rating: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

const METRIC_TYPES: Record<Metric, QuestionType[]> = {
  csat: ['rating'],
  nps: ['nps'],
  ces: ['ces'],
  resolved: ['yes_no'],
  callback: ['yes_no'],
  reasons: ['multi_choice', 'single_choice'],
  comment: ['text'],
};

/**
 * Problems a well-shaped definition can still have, each pointing at a question by index
 * (`questions.2.options`), so the builder and the API can show them where they are.
 */
export function definitionProblems(d: {
  defaultLocale: LocaleCode;
  questions: Question[];
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  const metricSeen = new Set<Metric>();
  d.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (seen.has(q.id)) problems.push({ path: `${at}.id`, message: `Question id "${q.id}" is used twice.` });
    if (!q.text[d.defaultLocale]) {
      problems.push({
        path: `${at}.text`,
        message: `Question ${i + 1} has no text in the default language (${d.defaultLocale}).`,
      });
    }
    if (q.metric) {
      if (!METRIC_TYPES[q.metric].includes(q.type)) {
        problems.push({
          path: `${at}.metric`,
          message: `A ${q.type} question cannot feed the ${q.metric} metric.`,
        });
      }
      if (metricSeen.has(q.metric))
        problems.push({ path: `${at}.metric`, message: `Only one question can feed ${q.metric}.` });
      metricSeen.add(q.metric);
    }
    const hasOptions = q.type === 'single_choice' || q.type === 'multi_choice';
    if (hasOptions && (!q.options || q.options.length < 2)) {
      problems.push({ path: `${at}.options`, message: `Question ${i + 1} needs at least two options.` });
    }
    if (!hasOptions && q.options?.length) {
      problems.push({
        path: `${at}.options`,
        message: `Question ${i + 1} is not a choice question and cannot have options.`,
      });
    }
    const codes = new Set<string>();
    for (const o of q.options ?? []) {
      if (codes.has(o.code))
        problems.push({ path: `${at}.options`, message: `Option code "${o.code}" is used twice.` });
      codes.add(o.code);
    }
    for (const clause of q.showIf?.clauses ?? []) {
      const target = seen.get(clause.questionId);
      if (target === undefined) {
        problems.push({
          path: `${at}.showIf`,
          message: `Question ${i + 1} can only depend on an earlier question, not "${clause.questionId}".`,
        });
      }
    }
    seen.set(q.id, i);
  });
  if (d.questions.length === 0)
    problems.push({ path: 'questions', message: 'A survey needs at least one question.' });
  return problems;
}

export const SurveyDefinition = v.pipe(
  v.object({
    defaultLocale: Locale,
    locales: v.pipe(v.array(Locale), v.minLength(1, 'Offer at least one language.')),
    questions: v.pipe(
      v.array(Question),
      v.maxLength(30, 'A survey has at most 30 questions: keep it short.'),
    ),
    /** Optional per-survey overrides of the email's subject and intro line. */
    email: v.optional(v.object({ subject: v.optional(LocalizedText), intro: v.optional(LocalizedText) })),
  }),
  v.check(
    (d) => d.locales.includes(d.defaultLocale),
    'The default language must be one of the offered languages.',
  ),
);
export type SurveyDefinition = v.InferOutput<typeof SurveyDefinition>;

const Days = (what: string, max: number) =>
  v.pipe(
    v.number(`${what} must be a number.`),
    v.integer(`${what} must be a whole number.`),
    v.minValue(0, `${what} cannot be negative.`),
    v.maxValue(max, `${what} is at most ${max}.`),
  );

export const SurveyRules = v.object({
  delayMinutes: Days('delayMinutes', 60 * 24 * 30),
  sampleRate: v.pipe(
    v.number('sampleRate must be a number.'),
    v.minValue(0, 'sampleRate is between 0 and 1.'),
    v.maxValue(1, 'sampleRate is between 0 and 1.'),
  ),
  throttleDays: Days('throttleDays', 365),
  reminderAfterDays: v.nullable(
    v.pipe(
      Days('reminderAfterDays', 30),
      v.minValue(1, 'reminderAfterDays is at least 1 (or null for none).'),
    ),
  ),
  expiresAfterDays: v.pipe(Days('expiresAfterDays', 90), v.minValue(1, 'expiresAfterDays is at least 1.')),
  editWindowHours: Days('editWindowHours', 24 * 30),
  /** Empty: every channel. */
  channels: v.array(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(40))),
  excludedDomains: v.array(
    v.pipe(
      v.string(),
      v.trim(),
      v.toLowerCase(),
      v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Excluded domains look like example.com.'),
    ),
  ),
});
export type SurveyRules = v.InferOutput<typeof SurveyRules>;

export const DEFAULT_RULES: SurveyRules = {
  delayMinutes: 60,
  sampleRate: 1,
  throttleDays: 30,
  reminderAfterDays: 3,
  expiresAfterDays: 14,
  editWindowHours: 24,
  channels: [],
  excludedDomains: [],
};

/** PATCH /surveys/:id/rules: any subset of the rules. */
export const UpdateSurveyRules = v.pipe(
  v.partial(SurveyRules),
  v.check((r) => Object.keys(r).length > 0, 'Nothing to change.'),
);
export type UpdateSurveyRules = v.InferOutput<typeof UpdateSurveyRules>;

export const SURVEY_STATUSES = ['draft', 'active', 'archived'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SurveyName = Name('Survey name');
export { LOCALES };
