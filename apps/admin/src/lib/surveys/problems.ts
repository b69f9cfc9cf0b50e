/**
 * What is wrong with a definition, as the builder shows it: every problem points at the question
 * (or survey setting) it concerns and at the field to focus. The same schema and checks as the API
 * (`SurveyDefinition`, `definitionProblems` from @rapport/contracts), plus checks only an editor
 * needs (a condition comparing with an option that was removed), and the API's own VALIDATION
 * details mapped the same way.
 */
import {
  definitionProblems,
  SCALES,
  SurveyDefinition,
  type FieldIssue,
  type Locale,
  type Question,
} from '@rapport/contracts';
import { clauseOperators, normalizeDefinition, scaleLabelCount, type Definition } from './editor';

export interface Problem {
  /** Dotted path inside the definition (`questions.2.options`), or `name` for the survey name. */
  path: string;
  message: string;
  /** The question concerned (0-based), null for survey-level problems. */
  question: number | null;
}

/** A schema in the Standard Schema shape, which valibot's schemas have. */
interface StandardSchema {
  '~standard': {
    validate(value: unknown): StandardResult | Promise<StandardResult>;
  };
}

type StandardResult =
  | { value: unknown; issues?: undefined }
  | { issues: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] }[] };

/**
 * Runs a contracts schema on a value and returns its issues with dotted paths. Valibot validates
 * synchronously; the admin uses it through the Standard Schema interface because only
 * @rapport/contracts depends on valibot itself.
 *
 * @example
 * issuesOf(SurveyRules, { sampleRate: 2, ... }) // [{ path: 'sampleRate', message: 'sampleRate is between 0 and 1.' }]
 */
export function issuesOf(schema: StandardSchema, value: unknown): FieldIssue[] {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new Error('Expected a synchronous schema.');
  if (!result.issues) return [];
  return result.issues.map((issue) => ({
    path: (issue.path ?? [])
      .map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
      .join('.'),
    message: issue.message,
  }));
}

/** The question index a definition path is about: `questions.2.text.en` → 2. */
export function questionOf(path: string): number | null {
  const match = /^questions\.(\d+)(\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}

function problem(path: string, message: string): Problem {
  return { path, message, question: questionOf(path) };
}

/** Problems a schema cannot see: conditions comparing in a way the question they name cannot answer. */
function conditionProblems(d: Definition): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(d.questions.map((q, i) => [q.id, { q, i }]));
  d.questions.forEach((q, i) => {
    q.showIf?.clauses.forEach((clause, c) => {
      const target = byId.get(clause.questionId);
      // A missing or later question is reported by definitionProblems already.
      if (!target || target.i >= i) return;
      const at = `questions.${i}.showIf.clauses.${c}`;
      const name = `Q${target.i + 1}`;
      if (!clauseOperators(target.q.type).includes(clause.op)) {
        problems.push(
          problem(
            at,
            `Question ${i + 1}’s condition cannot compare ${name} that way: choose another comparison.`,
          ),
        );
        return;
      }
      if (!valueFits(target.q, clause.value)) {
        problems.push(
          problem(
            at,
            `Question ${i + 1}’s condition compares ${name} with a value it cannot have: choose another value.`,
          ),
        );
      }
    });
  });
  return problems;
}

function valueFits(target: Question, value: unknown): boolean {
  const scale = SCALES[target.type];
  if (scale)
    return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;
  if (target.type === 'yes_no') return typeof value === 'boolean';
  return typeof value === 'string' && (target.options ?? []).some((o) => o.code === value);
}

/** Scale labels filled for some points only: the page would show a scale with holes. */
function scaleLabelProblems(d: Definition): Problem[] {
  return d.questions.flatMap((q, i) => {
    const count = scaleLabelCount(q.type);
    const labels = q.scaleLabels ?? [];
    const filled = labels.filter((t) => Object.values(t).some((s) => s && s.trim() !== '')).length;
    if (filled === 0 || (filled === count && labels.length === count)) return [];
    return [problem(`questions.${i}.scaleLabels`, `Question ${i + 1}: fill in every scale label, or none.`)];
  });
}

/**
 * Everything wrong with a definition being edited, checked on what would be saved
 * (`normalizeDefinition`), each problem once, in the order of the survey.
 */
export function checkDefinition(d: Definition): Problem[] {
  const saved = normalizeDefinition(d);
  const scaleLabels = scaleLabelProblems(d);
  // A half-filled scale also fails the schema label by label; the one message above says it better.
  const scaleIssue = (path: string) => scaleLabels.some((p) => path.startsWith(`${p.path}.`));
  const all = [
    ...issuesOf(SurveyDefinition, saved)
      .filter((i) => !scaleIssue(i.path))
      .map((i) => problem(i.path, i.message)),
    ...definitionProblems(saved).map((p) => problem(p.path, p.message)),
    ...conditionProblems(saved),
    ...scaleLabels,
  ];
  // An empty text is noticed by the schema and by definitionProblems (which names the language):
  // keep the clearer one.
  const namedText = new Set(
    all
      .filter((p) => /^questions\.\d+\.text$/.test(p.path) && p.message.includes('default language'))
      .map((p) => p.path),
  );
  const seen = new Set<string>();
  const unique = all.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !(namedText.has(p.path) && !p.message.includes('default language'));
  });
  return unique.sort((a, b) => (a.question ?? -1) - (b.question ?? -1));
}

/**
 * The API's VALIDATION details as builder problems: `definition.questions.2.options` points at
 * question 3's options, `name` at the survey name.
 */
export function serverProblems(fields: Record<string, string>): Problem[] {
  return Object.entries(fields).map(([path, message]) => problem(path.replace(/^definition\./, ''), message));
}

/** Where the builder shows and focuses a problem. */
export interface ProblemTarget {
  tab: 'questions' | 'settings';
  /** The id of the element to focus (see the `fieldId` helpers). */
  elementId: string;
}

/** The element id of one field of question `index` (`text` takes a locale). */
export function questionFieldId(index: number, field: string, locale?: Locale): string {
  return locale ? `q${index}-${field}-${locale}` : `q${index}-${field}`;
}

/**
 * The field a problem is about, for the summary's links: a question's text in the default
 * language, its options, metric, condition or scale labels, else the question's heading;
 * survey-level paths go to the settings.
 *
 * @example
 * targetOf({ path: 'questions.2.options', message: '…', question: 2 }, 'en')
 * // { tab: 'questions', elementId: 'q2-options' }
 */
export function targetOf(p: Problem, defaultLocale: Locale): ProblemTarget {
  if (p.question === null) {
    if (p.path === 'name') return { tab: 'settings', elementId: 'survey-name' };
    if (p.path.startsWith('email')) return { tab: 'settings', elementId: 'survey-email' };
    if (p.path === 'defaultLocale') return { tab: 'settings', elementId: 'survey-default-locale' };
    if (p.path.startsWith('locales')) return { tab: 'settings', elementId: 'survey-locales' };
    return { tab: 'questions', elementId: 'questions-heading' };
  }
  const field = p.path.split('.')[2];
  const index = p.question;
  switch (field) {
    case 'text': {
      const locale = p.path.split('.')[3];
      return {
        tab: 'questions',
        elementId: questionFieldId(index, 'text', (locale as Locale | undefined) ?? defaultLocale),
      };
    }
    case 'options':
    case 'metric':
    case 'scaleLabels':
    case 'type':
    case 'required':
      return { tab: 'questions', elementId: questionFieldId(index, field) };
    case 'showIf':
      return { tab: 'questions', elementId: questionFieldId(index, 'condition') };
    default:
      return { tab: 'questions', elementId: questionFieldId(index, 'heading') };
  }
}

/** The line a problem gets in the summary: messages that do not name their question get its number. */
export function problemLabel(p: Problem): string {
  if (p.question === null || /^Question \d+/.test(p.message)) return p.message;
  return `Question ${p.question + 1}: ${p.message}`;
}
