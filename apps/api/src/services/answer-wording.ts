import {
  SCALES,
  type AnswerValue,
  type Answers,
  type AnswerView,
  type Locale,
  type LocalizedText,
  type Question,
  type SurveyDefinition,
  type Wording,
} from '@rapport/contracts';
import { isLocale } from '../public/locale';
import { STRINGS } from '../public/strings';

interface Languages {
  /** The survey's default language: what staff read first. */
  base: Locale;
  /** The response's language, when it differs from the default: what the customer read. */
  asked: Locale | null;
}

function inBase(text: LocalizedText | undefined, base: Locale): string {
  if (!text) return '';
  return text[base] || Object.values(text).find((s) => s) || '';
}

/** A survey text in both languages; `asked` is null when the customer read the default wording. */
function wordingOf(text: LocalizedText | undefined, lang: Languages): Wording {
  return { text: inBase(text, lang.base), asked: lang.asked ? text?.[lang.asked] || null : null };
}

/** The label a scale gives to `value`: one label per point (rating), or labels of the two ends (nps, ces). */
function scaleLabel(q: Question, value: number, min: number, max: number): LocalizedText | undefined {
  const labels = q.scaleLabels ?? [];
  if (labels.length === max - min + 1) return labels[value - min];
  if (labels.length === 2) return value === min ? labels[0] : value === max ? labels[1] : undefined;
  return undefined;
}

function joined(parts: Wording[]): Wording {
  const asked = parts.map((p) => p.asked);
  return {
    text: parts.map((p) => p.text).join('; '),
    asked: asked.some((a) => a !== null) ? parts.map((p) => p.asked ?? p.text).join('; ') : null,
  };
}

function plain(value: AnswerValue): string {
  return Array.isArray(value) ? value.join('; ') : String(value);
}

function describeOne(q: Question, value: AnswerValue, lang: Languages): AnswerView {
  const view: AnswerView = {
    questionId: q.id,
    type: q.type,
    question: wordingOf(q.text, lang),
    value,
    answer: { text: plain(value), asked: null },
  };
  const range = SCALES[q.type];
  if (range && typeof value === 'number') {
    const labelText = scaleLabel(q, value, range.min, range.max);
    const label = labelText ? wordingOf(labelText, lang) : null;
    const points = `${value} of ${range.max}`;
    view.scale = { min: range.min, max: range.max, label };
    view.answer = {
      text: label?.text ? `${points} · ${label.text}` : points,
      asked: label?.asked ? `${points} · ${label.asked}` : null,
    };
  } else if (q.type === 'yes_no' && typeof value === 'boolean') {
    const word = (l: Locale) => (value ? STRINGS[l].yes : STRINGS[l].no);
    view.answer = { text: word(lang.base), asked: lang.asked ? word(lang.asked) : null };
  } else if (q.type === 'single_choice' || q.type === 'multi_choice') {
    const codes = Array.isArray(value) ? value : [String(value)];
    view.choices = codes.map((code) => {
      const option = q.options?.find((o) => o.code === code);
      // A code the version does not know is shown as it is: nothing the customer said is hidden.
      return { code, label: option ? wordingOf(option.label, lang) : { text: code, asked: null } };
    });
    view.answer = joined(view.choices.map((c) => c.label));
  }
  return view;
}

/**
 * A response's answers in the words of the survey version it answered: each question as the
 * default language words it and as the customer read it, scale points with their labels, option
 * codes as their labels, yes/no as the survey page said them. In the version's question order;
 * answers to questions the version lacks come last, with their ids as text.
 *
 * @example
 * describeAnswers(definition, { rating: 4, resolved: true }, 'sr')
 * // [{ questionId: 'rating', question: { text: 'How satisfied…', asked: 'Колико сте…' },
 * //    answer: { text: '4 of 5 · Good', asked: '4 of 5 · Добро' }, … }, …]
 */
export function describeAnswers(
  definition: Pick<SurveyDefinition, 'defaultLocale' | 'questions'>,
  answers: Answers,
  responseLocale: string,
): AnswerView[] {
  const base = definition.defaultLocale;
  const lang: Languages = {
    base,
    asked: isLocale(responseLocale) && responseLocale !== base ? responseLocale : null,
  };
  const known = new Set(definition.questions.map((q) => q.id));
  const views = definition.questions
    .filter((q) => answers[q.id] !== undefined)
    .map((q) => describeOne(q, answers[q.id] as AnswerValue, lang));
  for (const [id, value] of Object.entries(answers)) {
    if (known.has(id)) continue;
    views.push({
      questionId: id,
      type: null,
      question: { text: id, asked: null },
      value,
      answer: { text: plain(value), asked: null },
    });
  }
  return views;
}
