import {
  definitionProblems,
  SURVEY_TEMPLATE_DEFINITIONS,
  SurveyDefinition,
  SurveyRules,
} from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { driverQuestionIds } from '../detail-rollups';
import { CHAT_QUESTIONS, CHAT_SURVEY_RULES, chatSurveyDefinition, chatSurveyIds } from './chat-survey';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the demo chat survey', () => {
  it('passes the survey definition checks the API applies when a survey is saved', async () => {
    const definition = chatSurveyDefinition();
    // The valibot schema (through its Standard Schema interface), then the builder's own checks.
    const parsed = await SurveyDefinition['~standard'].validate(definition);
    expect(parsed.issues).toBeUndefined();
    expect(definitionProblems(definition)).toEqual([]);
    const rules = await SurveyRules['~standard'].validate(CHAT_SURVEY_RULES);
    expect(rules.issues).toBeUndefined();
    expect(CHAT_SURVEY_RULES.channels).toEqual(['chat']);
  });

  it('asks the service principles with the NPS question before the comment', () => {
    const definition = chatSurveyDefinition();
    const principles = SURVEY_TEMPLATE_DEFINITIONS.service_principles.questions;
    const npsQuestion = SURVEY_TEMPLATE_DEFINITIONS.nps.questions.find((q) => q.metric === 'nps');
    expect(definition.questions.map((q) => q.id)).toEqual([
      ...principles.slice(0, -1).map((q) => q.id),
      'recommend',
      'comment',
    ]);
    expect(definition.questions.at(-2)).toEqual({ ...npsQuestion, required: false });
    expect(definition.questions.filter((q) => q.id !== 'recommend')).toEqual(principles);
    expect(driverQuestionIds(definition)).toHaveLength(8);
    expect(definition.locales).toEqual(['en', 'sr', 'hr', 'sl', 'ru']);
  });

  it('leaves the shared templates as they are', () => {
    const before = structuredClone(SURVEY_TEMPLATE_DEFINITIONS);
    chatSurveyDefinition().questions.pop();
    expect(SURVEY_TEMPLATE_DEFINITIONS).toEqual(before);
  });

  it('names the questions the generator answers, a weight for every statement', () => {
    expect(CHAT_QUESTIONS).toMatchObject({
      rating: 'rating',
      resolved: 'resolved',
      nps: 'recommend',
      comment: 'comment',
    });
    expect(CHAT_QUESTIONS.statements.map((s) => s.id)).toEqual(driverQuestionIds(chatSurveyDefinition()));
    const weight = new Map(CHAT_QUESTIONS.statements.map((s) => [s.id, s.weight]));
    expect(weight.get('solved')).toBeGreaterThan(weight.get('listened') ?? 1);
    expect(weight.get('listened')).toBeGreaterThan(weight.get('courteous') ?? 1);
    for (const s of CHAT_QUESTIONS.statements) {
      expect(s.weight).toBeGreaterThan(0);
      expect(s.weight).toBeLessThan(1);
    }
  });

  it('derives its ids from the seed', () => {
    const ids = chatSurveyIds(20261123);
    expect(ids.id).toMatch(UUID_V4);
    expect(ids.versionId).toMatch(UUID_V4);
    expect(ids.versionId).not.toBe(ids.id);
    expect(chatSurveyIds(20261123)).toEqual(ids);
    expect(chatSurveyIds(20261124).id).not.toBe(ids.id);
  });
});
