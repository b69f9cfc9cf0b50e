import {
  DEFAULT_RULES,
  SURVEY_TEMPLATE_DEFINITIONS,
  type SurveyDefinition,
  type SurveyRules,
} from '@rapport/contracts';
import { driverQuestionIds } from '../detail-rollups';
import type { Channel } from './channels';
import type { DemoSurvey } from './options';
import { deriveUuid } from './random';

/**
 * The demo's second survey: chat tickets answer it instead of the default survey, so the dashboard's
 * key drivers and NPS have data. The API routes a ticket to an active survey whose rules name its
 * channel before the catch-all default survey, so live chat tickets after the demo answer it too.
 */
export const CHAT_SURVEY_NAME = 'Chat: service principles';
export const CHAT_CHANNEL: Channel = 'chat';
export const CHAT_SURVEY_RULES: SurveyRules = { ...DEFAULT_RULES, channels: [CHAT_CHANNEL] };

/**
 * The chat survey's questions: the service-principles template (overall rating, resolved, eight
 * agreement statements with no metric, comment) with the NPS template's 0–10 question before the
 * comment. That question is optional here, unlike in the NPS template: like the statements it comes
 * after the one-click rating, and people who answer the rest skip it now and then. A fresh copy each
 * call: the templates are shared.
 *
 * @example
 * chatSurveyDefinition().questions.map((q) => q.id);
 * // ['rating', 'resolved', 'courteous', …, 'prevention', 'recommend', 'comment']
 */
export function chatSurveyDefinition(): SurveyDefinition {
  const definition = structuredClone(SURVEY_TEMPLATE_DEFINITIONS.service_principles);
  const recommend = SURVEY_TEMPLATE_DEFINITIONS.nps.questions.find((q) => q.metric === 'nps');
  if (!recommend) throw new Error('the NPS template has no NPS question');
  const comment = definition.questions.findIndex((q) => q.metric === 'comment');
  definition.questions.splice(comment < 0 ? definition.questions.length : comment, 0, {
    ...structuredClone(recommend),
    required: false,
  });
  return definition;
}

/**
 * How strongly each statement's answer follows the overall rating (0 none, 1 all): the key drivers
 * come out in this order, as a real survey's might — the problem actually solved matters most,
 * courtesy least (people are rarely rude, so it tells happy and unhappy customers apart least).
 */
const STATEMENT_WEIGHTS: Readonly<Record<string, number>> = {
  solved: 0.85,
  informed: 0.7,
  ownership: 0.65,
  listened: 0.6,
  accurate: 0.55,
  expectations: 0.5,
  prevention: 0.3,
  courteous: 0.25,
};

const definition = chatSurveyDefinition();
const idOf = (metric: 'csat' | 'resolved' | 'nps' | 'comment'): string => {
  const question = definition.questions.find((q) => q.metric === metric);
  if (!question) throw new Error(`the chat survey has no ${metric} question`);
  return question.id;
};

/** The question ids the generator answers, read from the definition so they cannot drift apart. */
export const CHAT_QUESTIONS = {
  rating: idOf('csat'),
  resolved: idOf('resolved'),
  nps: idOf('nps'),
  comment: idOf('comment'),
  /** The statements (the key-driver questions), in the survey's order, with their weights. */
  statements: driverQuestionIds(definition).map((id) => {
    const weight = STATEMENT_WEIGHTS[id];
    if (weight === undefined) throw new Error(`no weight for the chat survey's statement ${id}`);
    return { id, weight };
  }),
} as const;

// The random stream label for deriveUuid() (customers use 1, survey activity 2, audits 3, chat answers 4).
const CHAT_SURVEY_ID_STREAM = 5;

/**
 * The chat survey's id and its version 1's id for a seed: the same whenever asked, so a seed
 * that failed after creating the survey finds it again rather than making a second one.
 *
 * @example
 * chatSurveyIds(20261123); // { id: '…', versionId: '…' }, both version-4 UUIDs
 */
export function chatSurveyIds(seed: number): DemoSurvey {
  return {
    id: deriveUuid(seed, CHAT_SURVEY_ID_STREAM, 0),
    versionId: deriveUuid(seed, CHAT_SURVEY_ID_STREAM, 1),
  };
}
