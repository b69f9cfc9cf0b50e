import { describe, expect, it } from 'vitest';
import { diffDefinitions } from './survey-diff';
import type { Question, SurveyDefinition } from './surveys';

const rating: Question = {
  id: 'rating',
  type: 'rating',
  metric: 'csat',
  required: true,
  text: { en: 'How satisfied are you?', sr: 'Колико сте задовољни?' },
};
const resolved: Question = {
  id: 'resolved',
  type: 'yes_no',
  metric: 'resolved',
  required: false,
  text: { en: 'Was it resolved?' },
};
const reasons: Question = {
  id: 'reasons',
  type: 'multi_choice',
  required: false,
  text: { en: 'What went wrong?' },
  options: [
    { code: 'slow', label: { en: 'Slow' } },
    { code: 'rude', label: { en: 'Rude' } },
  ],
  showIf: { match: 'any', clauses: [{ questionId: 'rating', op: 'lte', value: 3 }] },
};

const base: SurveyDefinition = {
  defaultLocale: 'en',
  locales: ['en', 'sr'],
  questions: [rating, resolved, reasons],
};

function edit(change: (d: SurveyDefinition) => void): SurveyDefinition {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

const messages = (before: SurveyDefinition | null, after: SurveyDefinition) =>
  diffDefinitions(before, after).map((c) => c.message);

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(base, structuredClone(base))).toEqual([]);
  });

  it('lists every question and language of a first version as added', () => {
    expect(messages(null, base)).toEqual([
      'Now offered in English and Serbian.',
      'Added Q1 “How satisfied are you?” (rating 1–5, required).',
      'Added Q2 “Was it resolved?” (yes/no).',
      'Added Q3 “What went wrong?” (multiple choice).',
    ]);
  });

  it('reports languages added and removed, and a new default language', () => {
    const after = edit((d) => {
      d.locales = ['sr', 'hr', 'ru'];
      d.defaultLocale = 'sr';
    });
    expect(messages(base, after)).toEqual([
      'Now offered in Croatian and Russian.',
      'No longer offered in English.',
      'Default language: English → Serbian.',
    ]);
  });

  it('reports text changes per language, and translations added or removed', () => {
    const after = edit((d) => {
      d.questions[0]!.text = { en: 'How happy are you?', hr: 'Koliko ste sretni?' };
    });
    expect(diffDefinitions(base, after)).toEqual([
      {
        kind: 'text_changed',
        questionId: 'rating',
        message: 'Q1 text in English changed: “How satisfied are you?” → “How happy are you?”.',
      },
      {
        kind: 'text_changed',
        questionId: 'rating',
        message: 'Q1 text in Serbian removed (was “Колико сте задовољни?”).',
      },
      {
        kind: 'text_changed',
        questionId: 'rating',
        message: 'Q1 text in Croatian added: “Koliko ste sretni?”.',
      },
    ]);
  });

  it('reports type, metric and required changes', () => {
    const after = edit((d) => {
      const q = d.questions[1]!;
      q.type = 'single_choice';
      delete q.metric;
      q.required = true;
    });
    expect(messages(base, after)).toEqual([
      'Q2 type: yes/no → single choice.',
      'Q2 no longer feeds the resolved metric.',
      'Q2 is now required.',
    ]);
    expect(messages(after, base)).toContain('Q2 now feeds the resolved metric.');
    expect(messages(after, base)).toContain('Q2 is now optional.');
  });

  it('matches options by code: a new label is a rename, a new code is an add and a remove', () => {
    const after = edit((d) => {
      d.questions[2]!.options = [
        { code: 'slow', label: { en: 'It took too long' } },
        { code: 'impolite', label: { en: 'Impolite' } },
      ];
    });
    expect(messages(base, after)).toEqual([
      'Q3 option slow in English changed: “Slow” → “It took too long”.',
      'Q3 option “Impolite” added (code impolite).',
      'Q3 option “Rude” removed (code rude).',
    ]);
  });

  it('reports a new code for an unchanged label as a code change', () => {
    const after = edit((d) => {
      d.questions[2]!.options![0]!.code = 'too_slow';
    });
    expect(messages(base, after)).toEqual([
      'Q3 option “Slow”: code slow → too_slow (answers with the old code stay apart).',
    ]);
  });

  it('reports options put in another order', () => {
    const after = edit((d) => {
      d.questions[2]!.options!.reverse();
    });
    expect(messages(base, after)).toEqual(['Q3 options reordered.']);
  });

  it('reports conditions added, changed and removed in words', () => {
    const changed = edit((d) => {
      d.questions[2]!.showIf = {
        match: 'any',
        clauses: [
          { questionId: 'rating', op: 'lte', value: 2 },
          { questionId: 'resolved', op: 'eq', value: false },
        ],
      };
    });
    expect(messages(base, changed)).toEqual([
      'Q3 condition: shown when Q1 ≤ 3 → shown when Q1 ≤ 2 or Q2 = No.',
    ]);
    const removed = edit((d) => {
      delete d.questions[2]!.showIf;
    });
    expect(messages(base, removed)).toEqual(['Q3 condition: shown when Q1 ≤ 3 → always shown.']);
  });

  it('reports a removed question by its old number, an added one by its new number', () => {
    const extra: Question = { id: 'comment', type: 'text', required: false, text: { en: 'Anything else?' } };
    const after = edit((d) => {
      d.questions = [extra, d.questions[0]!, d.questions[2]!];
    });
    expect(diffDefinitions(base, after)).toEqual([
      { kind: 'question_removed', questionId: 'resolved', message: 'Removed “Was it resolved?” (was Q2).' },
      { kind: 'question_added', questionId: 'comment', message: 'Added Q1 “Anything else?” (free text).' },
    ]);
  });

  it('reports only the question that moved, not every question it passed', () => {
    const after = edit((d) => {
      d.questions = [d.questions[1]!, d.questions[2]!, d.questions[0]!];
    });
    // The condition on rating refers to it by id, so it did not change, though its number did.
    expect(messages(base, after)).toEqual(['Moved Q3 “How satisfied are you?” (was Q1).']);
  });

  it('reports email subject and intro changes, and scale labels', () => {
    const labels = [{ en: 'Bad' }, { en: 'Meh' }, { en: 'OK' }, { en: 'Good' }, { en: 'Great' }];
    const after = edit((d) => {
      d.email = { subject: { en: 'How did we do?' } };
      d.questions[0]!.scaleLabels = labels;
    });
    expect(messages(base, after)).toEqual([
      'Email subject in English added: “How did we do?”.',
      'Q1 scale labels added.',
    ]);
    const relabelled = structuredClone(after);
    relabelled.questions[0]!.scaleLabels![4] = { en: 'Excellent', sr: 'Одлично' };
    expect(messages(after, relabelled)).toEqual([
      'Q1 scale label for 5 in English changed: “Great” → “Excellent”.',
      'Q1 scale label for 5 in Serbian added: “Одлично”.',
    ]);
  });

  it('ignores the order of keys, as stored definitions come back reordered', () => {
    const withLabels = edit((d) => {
      d.questions[0]!.scaleLabels = [
        { en: 'Bad', sr: 'Лоше' },
        { en: 'Good', sr: 'Добро' },
      ];
    });
    const reordered: SurveyDefinition = JSON.parse(
      JSON.stringify(withLabels, (_key, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    );
    expect(Object.keys(reordered.questions[0]!.scaleLabels![0]!)).toEqual(['sr', 'en']);
    expect(diffDefinitions(withLabels, reordered)).toEqual([]);
  });

  it('shortens long texts', () => {
    const after = edit((d) => {
      d.questions[1]!.text = { en: 'x'.repeat(100) };
    });
    const [message] = messages(base, after);
    expect(message).toBe(`Q2 text in English changed: “Was it resolved?” → “${'x'.repeat(59)}…”.`);
  });
});
