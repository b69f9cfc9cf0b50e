/**
 * The rules panel's form: the survey's sending rules as the text a person types (a sampling
 * percentage, lists separated by commas or lines), back to `SurveyRules`, checked with the
 * contracts schema, and the fields that changed for PATCH /surveys/:id/rules.
 */
import { SurveyRules, type UpdateSurveyRules } from '@rapport/contracts';
import { issuesOf } from './problems';

export interface RulesForm {
  delayMinutes: string;
  /** 0–100, as people think of sampling. */
  samplePercent: string;
  throttleDays: string;
  reminder: boolean;
  reminderAfterDays: string;
  expiresAfterDays: string;
  editWindowHours: string;
  /** Separated by commas or lines. */
  channels: string;
  excludedDomains: string;
}

/** The form field each rule is typed into, for showing a rule's problem at its field. */
export const RULE_FIELDS: Record<keyof SurveyRules, keyof RulesForm> = {
  delayMinutes: 'delayMinutes',
  sampleRate: 'samplePercent',
  throttleDays: 'throttleDays',
  reminderAfterDays: 'reminderAfterDays',
  expiresAfterDays: 'expiresAfterDays',
  editWindowHours: 'editWindowHours',
  channels: 'channels',
  excludedDomains: 'excludedDomains',
};

/** Messages in the form's own words, where the schema's name the JSON field. */
const MESSAGES: Partial<Record<keyof SurveyRules, string>> = {
  delayMinutes: 'Enter whole minutes, from 0 to 43200 (30 days).',
  sampleRate: 'Enter a percentage from 0 to 100.',
  throttleDays: 'Enter whole days, from 0 to 365.',
  reminderAfterDays: 'Enter whole days, from 1 to 30.',
  expiresAfterDays: 'Enter whole days, from 1 to 90.',
  editWindowHours: 'Enter whole hours, from 0 to 720 (30 days).',
};

export function rulesToForm(rules: SurveyRules): RulesForm {
  return {
    delayMinutes: String(rules.delayMinutes),
    samplePercent: String(Math.round(rules.sampleRate * 1000) / 10),
    throttleDays: String(rules.throttleDays),
    reminder: rules.reminderAfterDays !== null,
    reminderAfterDays: String(rules.reminderAfterDays ?? 3),
    expiresAfterDays: String(rules.expiresAfterDays),
    editWindowHours: String(rules.editWindowHours),
    channels: rules.channels.join(', '),
    excludedDomains: rules.excludedDomains.join('\n'),
  };
}

function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function listOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,;]+/)
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s !== ''),
    ),
  ];
}

/**
 * The form as rules, or the problems by form field. Lists drop blanks and repeats; domains may be
 * typed with a leading `@`.
 *
 * @example
 * formToRules({ ...form, samplePercent: '25' }) // { rules: { sampleRate: 0.25, … }, fields: {} }
 */
export function formToRules(form: RulesForm): {
  rules: SurveyRules | null;
  fields: Partial<Record<keyof RulesForm, string>>;
} {
  const candidate = {
    delayMinutes: numberOf(form.delayMinutes),
    sampleRate: numberOf(form.samplePercent) / 100,
    throttleDays: numberOf(form.throttleDays),
    reminderAfterDays: form.reminder ? numberOf(form.reminderAfterDays) : null,
    expiresAfterDays: numberOf(form.expiresAfterDays),
    editWindowHours: numberOf(form.editWindowHours),
    channels: listOf(form.channels),
    excludedDomains: listOf(form.excludedDomains).map((d) => d.replace(/^@/, '')),
  };
  const fields: Partial<Record<keyof RulesForm, string>> = {};
  for (const issue of issuesOf(SurveyRules, candidate)) {
    const rule = issue.path.split('.')[0] as keyof SurveyRules;
    const field = RULE_FIELDS[rule];
    if (!field || fields[field]) continue;
    fields[field] = MESSAGES[rule] ?? issue.message;
  }
  if (Object.keys(fields).length > 0) return { rules: null, fields };
  return { rules: candidate, fields };
}

/** Only the rules that differ, for a PATCH that changes nothing else; null when nothing did. */
export function changedRules(before: SurveyRules, after: SurveyRules): UpdateSurveyRules | null {
  const changed: Partial<SurveyRules> = {};
  for (const key of Object.keys(after) as (keyof SurveyRules)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      Object.assign(changed, { [key]: after[key] });
    }
  }
  return Object.keys(changed).length === 0 ? null : (changed as UpdateSurveyRules);
}
