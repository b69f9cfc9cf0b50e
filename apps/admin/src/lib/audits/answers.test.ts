import type { AuditAnswerView, AuditTemplateDefinition } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { draftsFrom, pendingAnswers, problemsByItem, unansweredFrom } from './answers';

const definition: AuditTemplateDefinition = {
  locales: ['en'],
  defaultLocale: 'en',
  passThreshold: 80,
  criticalPolicy: 'flag',
  sections: [
    {
      id: 'reach',
      title: { en: 'Reachability' },
      weight: 1,
      items: [
        {
          id: 'channels',
          text: { en: 'Channels' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: false,
          critical: false,
        },
        {
          id: 'hours',
          text: { en: 'Hours' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: true,
          critical: false,
        },
      ],
    },
    {
      id: 'goals',
      title: { en: 'Goals' },
      weight: 1,
      items: [
        {
          id: 'okrs',
          text: { en: 'OKRs' },
          scale: { points: 5 },
          weight: 1,
          naAllowed: false,
          critical: false,
        },
      ],
    },
  ],
};

const saved = (itemId: string, value: string, note: string | null = null): AuditAnswerView => ({
  itemId,
  value,
  note,
  answeredAt: '2026-10-01T10:00:00Z',
  answeredBy: null,
});

describe('answer drafts', () => {
  it('start from the saved answers, every item present', () => {
    expect(draftsFrom(definition, [saved('hours', 'fail', 'Not on the site')])).toEqual({
      channels: { value: null, note: '' },
      hours: { value: 'fail', note: 'Not on the site' },
      okrs: { value: null, note: '' },
    });
  });

  it('send what changed, and hold a failed item until it has a note', () => {
    const drafts = draftsFrom(definition, [saved('channels', 'pass')]);
    drafts.hours = { value: 'fail', note: '  ' };
    drafts.okrs = { value: '4', note: ' kept ' };
    expect(pendingAnswers(definition, drafts, [saved('channels', 'pass')])).toEqual({
      ready: [{ itemId: 'okrs', value: '4', note: 'kept' }],
      blocked: ['hours'],
    });
    drafts.hours = { value: 'fail', note: 'Hours missing from the contact page' };
    expect(
      pendingAnswers(definition, drafts, [saved('channels', 'pass')]).ready.map((a) => a.itemId),
    ).toEqual(['hours', 'okrs']);
  });

  it('send nothing when the drafts match what is saved', () => {
    const answers = [saved('channels', 'pass'), saved('hours', 'na', 'No phone line')];
    expect(pendingAnswers(definition, draftsFrom(definition, answers), answers)).toEqual({
      ready: [],
      blocked: [],
    });
  });

  it('a note change alone is sent', () => {
    const answers = [saved('channels', 'pass')];
    const drafts = draftsFrom(definition, answers);
    drafts.channels = { value: 'pass', note: 'Linked from every page' };
    expect(pendingAnswers(definition, drafts, answers).ready).toEqual([
      { itemId: 'channels', value: 'pass', note: 'Linked from every page' },
    ]);
  });

  it('map the API’s field messages back to items', () => {
    expect(
      problemsByItem({ 'answers.1.note': 'needs a note', 'answers.7.value': 'lost', note: 'x' }, [
        { itemId: 'channels' },
        { itemId: 'hours' },
      ]),
    ).toEqual({ hours: 'needs a note' });
  });

  it('read the unanswered items of a refused submission in checklist order', () => {
    expect(unansweredFrom({ 'answers.okrs': 'x', 'answers.channels': 'y', other: 'z' }, definition)).toEqual([
      'channels',
      'okrs',
    ]);
  });
});
