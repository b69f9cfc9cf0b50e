/** Words the surveys screens use for codes: statuses, templates, question types, metrics. */
import type { Metric, QuestionType, SurveyStats, SurveyStatus, SurveyTemplate } from '@rapport/contracts';

export const STATUS_LABELS: Record<SurveyStatus, { label: string; tone: 'neutral' | 'success' | 'warning' }> =
  {
    draft: { label: 'Draft', tone: 'warning' },
    active: { label: 'Active', tone: 'success' },
    archived: { label: 'Archived', tone: 'neutral' },
  };

/** The templates in the order the New survey dialog offers them, each with one line on what it asks. */
export const TEMPLATE_CHOICES: readonly { template: SurveyTemplate; label: string; description: string }[] = [
  {
    template: 'csat',
    label: 'Post-ticket satisfaction (CSAT)',
    description: 'Rating 1–5 and “was it resolved?”, then what went wrong and a callback offer when unhappy.',
  },
  {
    template: 'ces',
    label: 'Customer effort (CES)',
    description: '“The company made it easy for me to handle my issue”, agreement from 1 to 7.',
  },
  {
    template: 'nps',
    label: 'Net Promoter Score (NPS)',
    description: 'How likely to recommend us, 0–10, and why.',
  },
  {
    template: 'service_principles',
    label: 'Service principles',
    description:
      'Agreement 1–5 with each of eight service principles: courteous, listened, accurate, and more.',
  },
  {
    template: 'blank',
    label: 'Blank',
    description: 'No questions yet: build your own.',
  },
];

export const TYPE_LABELS: Record<QuestionType, { label: string; description: string }> = {
  rating: { label: 'Rating 1–5', description: 'Five points from very poor to excellent; feeds CSAT.' },
  nps: { label: 'Recommend 0–10 (NPS)', description: 'How likely to recommend; feeds NPS.' },
  ces: { label: 'Effort 1–7 (CES)', description: 'How easy it was; feeds the effort score.' },
  yes_no: { label: 'Yes / no', description: 'E.g. “Was your problem resolved?”.' },
  single_choice: { label: 'One choice', description: 'Pick one option from a list.' },
  multi_choice: { label: 'Several choices', description: 'Tick any options from a list.' },
  text: { label: 'Free text', description: 'A comment in the customer’s own words.' },
};

export const METRIC_LABELS: Record<Metric, string> = {
  csat: 'CSAT (satisfaction)',
  nps: 'NPS (recommendation)',
  ces: 'CES (effort)',
  resolved: 'Resolution rate',
  callback: 'Callback requests',
  reasons: 'Reasons for dissatisfaction',
  comment: 'Comments',
};

export const OPERATOR_LABELS: Record<'lte' | 'gte' | 'eq' | 'neq' | 'includes', string> = {
  lte: 'is at most (≤)',
  gte: 'is at least (≥)',
  eq: 'is (=)',
  neq: 'is not (≠)',
  includes: 'includes',
};

/**
 * The CSAT of the last 30 days as the list shows it: `86% · n 212`, or `—` without responses.
 *
 * @example
 * formatCsat30({ value: 0.8632, n: 212 }) // '86% · n 212'
 */
export function formatCsat30(csat: SurveyStats['csat30']): string {
  if (csat.n === 0 || csat.value === null) return '—';
  return `${Math.round(csat.value * 100)}% · n ${csat.n.toLocaleString('en')}`;
}

/** A count with thousands separated, for the list's numeric columns. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}
