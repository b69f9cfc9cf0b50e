/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SCALES, type AnswerProblem, type AnswerValue, type Locale, type Question } from '@rapport/contracts';
import { localized } from './locale';
import type { PageStrings } from './strings';

export interface QuestionFieldProps {
  question: Question;
  locale: Locale;
  /** The survey's default language, for texts not translated into `locale`. */
  fallback: Locale;
  strings: PageStrings;
  /** The answer to show as chosen or typed. */
  value: AnswerValue | undefined;
  visible: boolean;
  problem?: AnswerProblem['code'] | undefined;
}

/** Attributes every input of a question shares: its error state and what describes it. */
interface ControlAttributes {
  name: string;
  required: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/**
 * Mouths of the faces over a 5-point rating, worst to best. Drawn as inline SVG rather than emoji:
 * emoji fonts differ between systems and some lack the faces, and SVG needs no request.
 */
const MOUTHS = [
  'M8 17q4-5 8 0',
  'M8.5 16.5q3.5-2.5 7 0',
  'M8.5 15.5h7',
  'M8.5 14.5q3.5 2.5 7 0',
  'M8 14q4 5 8 0',
];

/** A face for a rating point; decorative (the number and word carry the meaning). */
function Face({ mouth }: { mouth: string }) {
  return (
    <svg class="face" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.6" />
      <circle cx="9" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15" cy="9.5" r="1.3" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function ScaleControl(props: QuestionFieldProps & { control: ControlAttributes; min: number; max: number }) {
  const { question: q, strings: s, control, value } = props;
  const points = range(props.min, props.max);
  const labels = (q.scaleLabels ?? []).map((l) => localized(l, props.locale, props.fallback));
  // A label per point (the 5-point rating) is shown under each point; otherwise labels name the ends.
  const perPoint = labels.length === points.length;
  const defaults = q.type === 'nps' ? [s.npsLow, s.npsHigh] : q.type === 'ces' ? [s.cesLow, s.cesHigh] : [];
  const low = labels[0] ?? defaults[0];
  const high = (perPoint ? labels.at(-1) : labels[1]) ?? defaults[1];
  const faces = q.type === 'rating' && points.length === MOUTHS.length;
  const classes = ['scale', perPoint ? 'words' : '', points.length > 7 ? 'wide' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <div class={classes}>
        {points.map((n, i) => {
          const word = perPoint ? labels[i] : i === 0 ? low : i === points.length - 1 ? high : undefined;
          return (
            <label class="tile">
              <input type="radio" value={String(n)} checked={value === n} {...control} />
              <span class="box">
                {faces ? <Face mouth={MOUTHS[i] ?? ''} /> : null}
                <b>{n}</b>
                {word ? <small class={perPoint ? undefined : 'sr'}>{word}</small> : null}
              </span>
            </label>
          );
        })}
      </div>
      {low && high ? (
        // The ends again, for sight only: the words are already in the points' labels.
        <div class={perPoint ? 'ends narrow' : 'ends'} aria-hidden="true">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      ) : null}
    </>
  );
}

function ChoiceControl(props: QuestionFieldProps & { control: ControlAttributes }) {
  const { question: q, strings: s, control, value } = props;
  const choices =
    q.type === 'yes_no'
      ? [
          { code: 'yes', label: s.yes, checked: value === true },
          { code: 'no', label: s.no, checked: value === false },
        ]
      : (q.options ?? []).map((o) => ({
          code: o.code,
          label: localized(o.label, props.locale, props.fallback),
          checked: Array.isArray(value) ? value.includes(o.code) : value === o.code,
        }));
  const multi = q.type === 'multi_choice';
  return (
    <div class={q.type === 'yes_no' ? 'choices row' : 'choices'}>
      {choices.map((choice) => (
        <label class="choice">
          <input
            type={multi ? 'checkbox' : 'radio'}
            value={choice.code}
            checked={choice.checked}
            {...control}
            // A required checkbox would demand every box; the legend's text says what is needed.
            required={multi ? false : control.required}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * One question as a fieldset with its text as the legend: a row of radio tiles for scales (arrow
 * keys move between points, as in any radio group), radios for yes/no and single choice,
 * checkboxes for multiple choice, a text area for text. A question whose condition does not hold
 * is rendered hidden and disabled, so it is not submitted; the page's script reveals it when the
 * answers change, using the condition in `data-show-if`. A problem is shown under the legend and
 * tied to the inputs with `aria-describedby` and `aria-invalid`.
 *
 * @example
 * <QuestionField question={q} locale="hr" fallback="en" strings={STRINGS.hr} value={2} visible />
 */
export function QuestionField(props: QuestionFieldProps) {
  const { question: q, strings: s, problem } = props;
  const base = `q-${q.id}`;
  const legendId = `${base}-legend`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const multi = q.type === 'multi_choice';
  const describedBy = [problem ? errorId : '', multi ? hintId : ''].filter(Boolean).join(' ');
  const control: ControlAttributes = { name: q.id, required: q.required };
  if (problem) control['aria-invalid'] = 'true';
  if (describedBy) control['aria-describedby'] = describedBy;
  const scale = SCALES[q.type];
  return (
    <fieldset
      id={base}
      class={problem ? 'invalid' : undefined}
      data-q={q.id}
      data-type={q.type}
      data-show-if={q.showIf ? JSON.stringify(q.showIf) : undefined}
      hidden={!props.visible}
      disabled={!props.visible}
    >
      <legend id={legendId}>
        {localized(q.text, props.locale, props.fallback)}
        {q.required ? null : <span class="opt"> ({s.optional})</span>}
      </legend>
      {multi ? (
        <p class="hint" id={hintId}>
          {s.chooseAll}
        </p>
      ) : null}
      {problem ? (
        <p class="error" id={errorId}>
          {s.problems[problem]}
        </p>
      ) : null}
      {scale ? (
        <ScaleControl {...props} control={control} min={scale.min} max={scale.max} />
      ) : q.type === 'text' ? (
        <textarea rows={4} maxlength={5000} aria-labelledby={legendId} {...control}>
          {typeof props.value === 'string' ? props.value : ''}
        </textarea>
      ) : (
        <ChoiceControl {...props} control={control} />
      )}
    </fieldset>
  );
}
