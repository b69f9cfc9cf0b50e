import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SURVEY_DEFINITION,
  definitionProblems,
  LOCALES,
  SCALES,
  SURVEY_TEMPLATE_DEFINITIONS,
  SURVEY_TEMPLATE_INFO,
  SURVEY_TEMPLATES,
  SurveyDefinition,
  type LocalizedText,
} from './index';

/** Every customer-facing text of a definition, with where it is. */
function texts(d: SurveyDefinition): [string, LocalizedText][] {
  return d.questions.flatMap((q, i) => [
    [`questions.${i}.text`, q.text] as [string, LocalizedText],
    ...(q.scaleLabels ?? []).map((l, j): [string, LocalizedText] => [`questions.${i}.scaleLabels.${j}`, l]),
    ...(q.options ?? []).map((o, j): [string, LocalizedText] => [`questions.${i}.options.${j}`, o.label]),
  ]);
}

describe('survey templates', () => {
  it.each(SURVEY_TEMPLATES)('%s is a valid definition with no problems', (template) => {
    const d = SURVEY_TEMPLATE_DEFINITIONS[template];
    const parsed = v.safeParse(SurveyDefinition, d);
    expect(parsed.issues).toBeUndefined();
    expect(definitionProblems(d)).toEqual([]);
    expect([...d.locales].sort()).toEqual([...LOCALES].sort());
    expect(d.questions.length).toBeGreaterThan(0);
  });

  it.each(SURVEY_TEMPLATES)('%s has every text in all five languages', (template) => {
    for (const [where, text] of texts(SURVEY_TEMPLATE_DEFINITIONS[template])) {
      for (const locale of LOCALES) expect(text[locale]?.trim(), `${where}.${locale}`).toBeTruthy();
    }
  });

  it.each(SURVEY_TEMPLATES)('%s has a name and a description for the builder', (template) => {
    expect(SURVEY_TEMPLATE_INFO[template].name).toMatch(/\S/);
    expect(SURVEY_TEMPLATE_INFO[template].description).toMatch(/\S/);
  });

  it('csat is the default survey, question for question', () => {
    expect(SURVEY_TEMPLATE_DEFINITIONS.csat).toEqual(DEFAULT_SURVEY_DEFINITION);
  });

  it('ces asks the effort statement on 1–7 with its ends labelled, then an optional comment', () => {
    const [effort, comment, ...rest] = SURVEY_TEMPLATE_DEFINITIONS.ces.questions;
    expect(effort).toMatchObject({ type: 'ces', metric: 'ces', required: true });
    expect(effort?.text.en).toBe('The company made it easy for me to handle my issue.');
    expect(SCALES.ces).toEqual({ min: 1, max: 7 });
    expect(effort?.scaleLabels?.map((l) => l.en)).toEqual(['Strongly disagree', 'Strongly agree']);
    expect(comment).toMatchObject({ type: 'text', metric: 'comment', required: false });
    expect(rest).toEqual([]);
  });

  it('nps asks 0–10 with its ends labelled, then why', () => {
    const [recommend, why, ...rest] = SURVEY_TEMPLATE_DEFINITIONS.nps.questions;
    expect(recommend).toMatchObject({ type: 'nps', metric: 'nps', required: true });
    expect(recommend?.scaleLabels).toHaveLength(2);
    expect(why).toMatchObject({ type: 'text', metric: 'comment' });
    expect(rest).toEqual([]);
  });

  it('service principles: overall rating first, resolved, eight 1–5 agreement statements without a metric, comment', () => {
    const qs = SURVEY_TEMPLATE_DEFINITIONS.service_principles.questions;
    expect(qs.map((q) => q.id)).toEqual([
      'rating',
      'resolved',
      'courteous',
      'listened',
      'accurate',
      'expectations',
      'informed',
      'solved',
      'ownership',
      'prevention',
      'comment',
    ]);
    expect(qs[0]).toMatchObject({ type: 'rating', metric: 'csat', required: true });
    expect(qs[1]).toMatchObject({ type: 'yes_no', metric: 'resolved' });
    for (const q of qs.slice(2, 10)) {
      expect(q.type).toBe('rating');
      expect(q.metric).toBeUndefined();
      expect(q.scaleLabels?.map((l) => l.en)).toEqual([
        'Strongly disagree',
        'Disagree',
        'Neither agree nor disagree',
        'Agree',
        'Strongly agree',
      ]);
      expect(q.scaleLabels?.[4]?.sr).toBe('Потпуно се слажем');
    }
    expect(qs[10]).toMatchObject({ type: 'text', metric: 'comment' });
  });

  it('blank has one required question', () => {
    expect(SURVEY_TEMPLATE_DEFINITIONS.blank.questions).toHaveLength(1);
    expect(SURVEY_TEMPLATE_DEFINITIONS.blank.questions[0]?.required).toBe(true);
  });
});
