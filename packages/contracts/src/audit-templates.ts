import * as v from 'valibot';
import { validateAuditTemplate, type AuditTemplate } from '@rapport/scoring';
import { Locale, Name, type Locale as LocaleCode } from './common';
import { LocalizedText } from './surveys';

/**
 * Audit checklists and review scorecards. A template is versioned like a survey: what it asks lives
 * in immutable versions, and an audit keeps the version it was opened with. Scores always come from
 * `auditScore` in @rapport/scoring, through {@link scoringTemplateOf}.
 */

const Code = v.pipe(
  v.string(),
  v.regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'Use a short code of lower-case letters, digits and _ (starting with a letter).',
  ),
);

/** What a template is used for: a team's quarterly checklist, or the scorecard of one ticket's review. */
export const AUDIT_TEMPLATE_KINDS = ['checklist', 'scorecard'] as const;
export type AuditTemplateKind = (typeof AUDIT_TEMPLATE_KINDS)[number];

/**
 * A figure from Rapport's own data shown next to an item, so the auditor judges it on evidence:
 * the response-time targets met this quarter, the follow-ups closed in time, the top reasons for
 * dissatisfaction.
 */
export const AUDIT_MEASURES = ['first_response_time', 'follow_up_timeliness', 'top_reasons'] as const;
export type AuditMeasure = (typeof AUDIT_MEASURES)[number];

export const AuditScale = v.union(
  [
    v.literal('pass_fail'),
    v.object({
      points: v.pipe(
        v.number(),
        v.integer('A scale has a whole number of points.'),
        v.minValue(2, 'A scale has at least 2 points.'),
        v.maxValue(10, 'A scale has at most 10 points.'),
      ),
    }),
  ],
  'A scale is "pass_fail" or { points: 2..10 }.',
);
export type AuditScale = v.InferOutput<typeof AuditScale>;

const Weight = v.pipe(
  v.number('A weight is a number.'),
  v.minValue(0, 'A weight is 0 or more.'),
  v.maxValue(100, 'A weight is at most 100.'),
);

export const AuditTemplateItem = v.object({
  /** Unique across the template; answers and corrective actions refer to it. */
  id: Code,
  text: LocalizedText,
  /** What good looks like, with an example, for the auditor. */
  guidance: v.optional(LocalizedText),
  scale: AuditScale,
  weight: Weight,
  naAllowed: v.boolean(),
  /** A critical item scoring below half fails the audit (or review) whatever the score. */
  critical: v.boolean(),
  measure: v.optional(v.picklist(AUDIT_MEASURES)),
});
export type AuditTemplateItem = v.InferOutput<typeof AuditTemplateItem>;

export const AuditTemplateSection = v.object({
  id: Code,
  title: LocalizedText,
  weight: Weight,
  items: v.pipe(v.array(AuditTemplateItem), v.minLength(1, 'A section needs at least one item.')),
});
export type AuditTemplateSection = v.InferOutput<typeof AuditTemplateSection>;

/** What one version of a template asks and how it scores. */
export const AuditTemplateDefinition = v.object({
  locales: v.pipe(v.array(Locale), v.minLength(1, 'Offer at least one language.')),
  defaultLocale: Locale,
  /** 0..100: the least score that passes. */
  passThreshold: v.pipe(
    v.number('The pass threshold is a number.'),
    v.minValue(0, 'The pass threshold is between 0 and 100.'),
    v.maxValue(100, 'The pass threshold is between 0 and 100.'),
  ),
  /** `zero`: a failed critical item makes the score 0; `flag`: it only fails the audit. */
  criticalPolicy: v.picklist(['zero', 'flag'], 'The critical policy is "zero" or "flag".'),
  sections: v.pipe(v.array(AuditTemplateSection), v.minLength(1, 'A template needs at least one section.')),
});
export type AuditTemplateDefinition = v.InferOutput<typeof AuditTemplateDefinition>;

/** The scoring package's view of a definition: ids, scales, weights and the critical rules. */
export function scoringTemplateOf(d: AuditTemplateDefinition): AuditTemplate {
  return {
    passThreshold: d.passThreshold,
    criticalPolicy: d.criticalPolicy,
    sections: d.sections.map((s) => ({
      id: s.id,
      weight: s.weight,
      items: s.items.map((i) => ({ id: i.id, weight: i.weight, scale: i.scale, critical: i.critical })),
    })),
  };
}

/**
 * Problems a well-shaped definition can still have, each with a dotted path
 * (`sections.1.items.0.text`) so the builder and the API show them where they are.
 */
export function auditTemplateProblems(d: AuditTemplateDefinition): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!d.locales.includes(d.defaultLocale))
    problems.push({
      path: 'defaultLocale',
      message: 'The default language must be one of the languages offered.',
    });
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  d.sections.forEach((s, si) => {
    const at = `sections.${si}`;
    if (sectionIds.has(s.id))
      problems.push({ path: `${at}.id`, message: `Section id "${s.id}" is used twice.` });
    sectionIds.add(s.id);
    if (!s.title[d.defaultLocale])
      problems.push({
        path: `${at}.title`,
        message: `Section ${si + 1} has no title in the default language.`,
      });
    s.items.forEach((item, ii) => {
      const itemAt = `${at}.items.${ii}`;
      if (itemIds.has(item.id))
        problems.push({ path: `${itemAt}.id`, message: `Item id "${item.id}" is used twice.` });
      itemIds.add(item.id);
      if (!item.text[d.defaultLocale])
        problems.push({
          path: `${itemAt}.text`,
          message: `Item ${ii + 1} of section ${si + 1} has no text in the default language.`,
        });
    });
  });
  if (problems.length === 0) {
    try {
      validateAuditTemplate(scoringTemplateOf(d));
    } catch (err) {
      problems.push({ path: 'sections', message: (err as Error).message });
    }
  }
  return problems;
}

/** The text of a localized field in a locale, falling back to the default locale. */
export function auditText(text: LocalizedText | undefined, locale: LocaleCode, fallback: LocaleCode): string {
  return text?.[locale] || text?.[fallback] || '';
}

export const CreateAuditTemplate = v.object({
  name: Name('Name'),
  kind: v.picklist(AUDIT_TEMPLATE_KINDS, 'The kind is "checklist" or "scorecard".'),
  definition: AuditTemplateDefinition,
});
export type CreateAuditTemplate = v.InferOutput<typeof CreateAuditTemplate>;

/** Saving a template's definition makes a new version when an audit already uses the current one. */
export const UpdateAuditTemplate = v.object({
  name: v.optional(Name('Name')),
  definition: v.optional(AuditTemplateDefinition),
});
export type UpdateAuditTemplate = v.InferOutput<typeof UpdateAuditTemplate>;

export interface AuditTemplateView {
  id: string;
  name: string;
  kind: AuditTemplateKind;
  /** The shipped template it came from (`quarterly_service`, `ticket_review`), if any. */
  builtIn: string | null;
  archived: boolean;
  version: number;
  versionId: string;
  definition: AuditTemplateDefinition;
  /** Whether an audit or review uses the current version (saving then makes a new one). */
  inUse: boolean;
  updatedAt: string;
}
