import { auditScore, type AuditAnswer } from '@rapport/scoring';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_TEMPLATE_LIBRARY,
  AuditTemplateDefinition,
  auditTemplateProblems,
  LOCALES,
  scoringTemplateOf,
  type BuiltInAuditTemplate,
  type LocalizedText,
} from './index';

function builtIn(key: BuiltInAuditTemplate['key']): BuiltInAuditTemplate {
  const found = AUDIT_TEMPLATE_LIBRARY.find((b) => b.key === key);
  if (!found) throw new Error(`No built-in template ${key}`);
  return found;
}

/** Every text an auditor reads, with where it is. */
function texts(b: BuiltInAuditTemplate): [string, LocalizedText | undefined][] {
  return [
    ['name', b.name],
    ...b.definition.sections.flatMap((s, si): [string, LocalizedText | undefined][] => [
      [`sections.${si}.title`, s.title],
      ...s.items.flatMap((i): [string, LocalizedText | undefined][] => [
        [`${i.id}.text`, i.text],
        [`${i.id}.guidance`, i.guidance],
      ]),
    ]),
  ];
}

/** The best answer to every item, or N/A where `na` says so and the item allows it. */
function bestAnswers(d: AuditTemplateDefinition, na = false): AuditAnswer[] {
  return d.sections.flatMap((s) =>
    s.items.map((i): AuditAnswer => {
      if (na && i.naAllowed) return { itemId: i.id, value: 'na' };
      return { itemId: i.id, value: i.scale === 'pass_fail' ? 'pass' : i.scale.points };
    }),
  );
}

function answersWith(d: AuditTemplateDefinition, itemId: string, value: AuditAnswer['value']): AuditAnswer[] {
  return bestAnswers(d).map((a) => (a.itemId === itemId ? { itemId, value } : a));
}

function items(d: AuditTemplateDefinition) {
  return d.sections.flatMap((s) => s.items);
}

// Acronyms kept in Latin letters in every language.
const ACRONYMS = /\b(OKR|CSAT|CET)\b/g;
const LATIN = /[A-Za-z]/;
const CYRILLIC = /[\u0400-\u04FF]/;

describe('audit template library', () => {
  it('ships the quarterly checklist and the ticket review scorecard, once each', () => {
    expect(AUDIT_TEMPLATE_LIBRARY.map((b) => [b.key, b.kind])).toEqual([
      ['quarterly_service', 'checklist'],
      ['ticket_review', 'scorecard'],
    ]);
    expect(builtIn('quarterly_service').name.en).toBe('Quarterly customer-service audit');
    expect(builtIn('ticket_review').name.en).toBe('Ticket review scorecard');
  });

  it.each(AUDIT_TEMPLATE_LIBRARY)('$key is a valid definition with no problems', ({ definition }) => {
    const parsed = v.safeParse(AuditTemplateDefinition, definition);
    expect(parsed.issues).toBeUndefined();
    expect(parsed.output).toEqual(definition);
    expect(auditTemplateProblems(definition)).toEqual([]);
    expect(definition.defaultLocale).toBe('en');
    expect([...definition.locales].sort()).toEqual([...LOCALES].sort());
  });

  it.each(AUDIT_TEMPLATE_LIBRARY)(
    '$key has its name, titles, texts and guidance in all five languages',
    (b) => {
      for (const [where, text] of texts(b)) {
        for (const locale of LOCALES) expect(text?.[locale]?.trim(), `${where}.${locale}`).toBeTruthy();
        // A copy of the English text is a missing translation.
        for (const locale of LOCALES.filter((l) => l !== 'en'))
          expect(text?.[locale], `${where}.${locale}`).not.toBe(text?.en);
      }
    },
  );

  it.each(AUDIT_TEMPLATE_LIBRARY)('$key writes Serbian and Russian in Cyrillic, the others in Latin', (b) => {
    for (const [where, text] of texts(b)) {
      for (const locale of ['sr', 'ru'] as const) {
        const s = text?.[locale] ?? '';
        expect(CYRILLIC.test(s), `${where}.${locale}`).toBe(true);
        expect(s.replace(ACRONYMS, ''), `${where}.${locale}`).not.toMatch(LATIN);
      }
      for (const locale of ['en', 'hr', 'sl'] as const) {
        expect(text?.[locale], `${where}.${locale}`).not.toMatch(CYRILLIC);
      }
    }
  });

  it.each(AUDIT_TEMPLATE_LIBRARY)('$key has unique section and item ids', ({ definition }) => {
    const sectionIds = definition.sections.map((s) => s.id);
    const itemIds = items(definition).map((i) => i.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    expect(new Set(itemIds).size).toBe(itemIds.length);
  });

  it.each(AUDIT_TEMPLATE_LIBRARY)(
    '$key: best answers score 100 and pass, with or without N/A',
    ({ definition }) => {
      const template = scoringTemplateOf(definition);
      for (const answers of [bestAnswers(definition), bestAnswers(definition, true)]) {
        const result = auditScore(template, answers);
        expect(result.score).toBe(100);
        expect(result.passed).toBe(true);
        expect(result.failedCritical).toEqual([]);
        expect(result.unanswered).toEqual([]);
        expect(result.sections.map((s) => s.score)).toEqual(definition.sections.map(() => 100));
      }
    },
  );
});

describe('quarterly customer-service audit', () => {
  const { definition } = builtIn('quarterly_service');

  it('has the four sections with their items, and scores against 80 with critical items flagged', () => {
    expect(definition.sections.map((s) => [s.id, s.items.length])).toEqual([
      ['reachability', 4],
      ['knowledge', 3],
      ['recovery', 4],
      ['goals', 2],
    ]);
    expect(definition.sections.map((s) => s.title.en)).toEqual([
      'Reachability and expectations',
      'Knowledge and self-service',
      'Listening and recovery',
      'Goals',
    ]);
    expect(definition).toMatchObject({ passThreshold: 80, criticalPolicy: 'flag' });
  });

  it('shows the measured figures next to their items, and one critical item', () => {
    const all = items(definition);
    expect(Object.fromEntries(all.filter((i) => i.measure).map((i) => [i.id, i.measure]))).toEqual({
      response_targets: 'first_response_time',
      negative_follow_up: 'follow_up_timeliness',
      top_reasons_reviewed: 'top_reasons',
    });
    expect(all.filter((i) => i.critical).map((i) => i.id)).toEqual(['negative_follow_up']);
    expect(all.filter((i) => i.naAllowed).map((i) => i.id)).toEqual([
      'product_training',
      'callbacks_made',
      'social_media',
      'okrs_reviewed',
    ]);
    expect(all.filter((i) => i.scale !== 'pass_fail').map((i) => [i.id, i.scale])).toEqual([
      ['response_targets', { points: 5 }],
      ['negative_follow_up', { points: 5 }],
    ]);
  });

  it('a late follow-up on negative feedback fails the audit but keeps its score', () => {
    // recovery: follow-up 2 of 5 → 0.25 at weight 2, the rest pass at weights 2, 1, 1 → 100·4.5/6 = 75;
    // audit: (100 + 100 + 75 + 100)/4 = 93.75.
    const result = auditScore(
      scoringTemplateOf(definition),
      answersWith(definition, 'negative_follow_up', 2),
    );
    expect(result.failedCritical).toEqual(['negative_follow_up']);
    expect(result.score).toBeCloseTo(93.75, 9);
    expect(result.passed).toBe(false);
  });

  it('a failed pass/fail item lowers the score without failing the audit on its own', () => {
    // reachability: contact channels fail at weight 1 of 5 → 80; audit: (80 + 100 + 100 + 100)/4 = 95.
    const result = auditScore(
      scoringTemplateOf(definition),
      answersWith(definition, 'contact_channels', 'fail'),
    );
    expect(result.score).toBeCloseTo(95, 9);
    expect(result.passed).toBe(true);
  });
});

describe('ticket review scorecard', () => {
  const { definition } = builtIn('ticket_review');

  it('has nine items in two sections, rated 1–5 except calm and respectful, which is pass/fail', () => {
    expect(definition.sections.map((s) => [s.id, s.items.map((i) => i.id)])).toEqual([
      [
        'conversation',
        ['greeting', 'listened_restated', 'expectations_set', 'kept_informed', 'calm_respectful'],
      ],
      ['resolution', ['accurate_info', 'ownership', 'confirmed_solved', 'above_beyond']],
    ]);
    const all = items(definition);
    expect(all.filter((i) => i.scale === 'pass_fail').map((i) => i.id)).toEqual(['calm_respectful']);
    for (const i of all.filter((i) => i.scale !== 'pass_fail')) expect(i.scale, i.id).toEqual({ points: 5 });
    expect(all.filter((i) => i.critical).map((i) => i.id)).toEqual(['calm_respectful', 'accurate_info']);
    expect(all.filter((i) => i.naAllowed).map((i) => i.id)).toEqual(['above_beyond']);
    expect(definition).toMatchObject({ passThreshold: 80, criticalPolicy: 'zero' });
  });

  it('rudeness makes the review score 0 and fails it', () => {
    const result = auditScore(
      scoringTemplateOf(definition),
      answersWith(definition, 'calm_respectful', 'fail'),
    );
    expect(result).toMatchObject({ score: 0, passed: false, failedCritical: ['calm_respectful'] });
  });

  it('inaccurate information (rated 1 or 2) makes the review score 0; a 3 does not', () => {
    const template = scoringTemplateOf(definition);
    for (const value of [1, 2]) {
      const result = auditScore(template, answersWith(definition, 'accurate_info', value));
      expect(result).toMatchObject({ score: 0, passed: false, failedCritical: ['accurate_info'] });
    }
    // resolution: accuracy 3 of 5 → 0.5 at weight 2, the rest best at weight 1 each → 100·4/5 = 80; review: (100 + 80)/2 = 90.
    const three = auditScore(template, answersWith(definition, 'accurate_info', 3));
    expect(three.failedCritical).toEqual([]);
    expect(three.score).toBeCloseTo(90, 9);
    expect(three.passed).toBe(true);
  });
});
