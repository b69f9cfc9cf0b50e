/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { checkAnswers, type PreviewSurvey, type SurveyPreview } from '@rapport/contracts';
import { html } from 'hono/html';
import { renderSurveyEmail } from '../mail/render';
import { pageLocale } from './locale';
import { SurveyPage } from './survey-page';

/** Stands in for an invitation's token: the preview's links lead nowhere real. */
export const PREVIEW_TOKEN = 'preview';

/** The sample invitation a preview is rendered for (admin text, as the builder shows it). */
export const PREVIEW_SAMPLE = {
  customerName: 'Sample customer',
  ticket: { number: '1234', subject: 'Sample ticket' },
} as const;

/**
 * Renders an unsaved survey definition as a customer would get it — the public survey page or the
 * invitation email — through the very components that render the real ones, for a sample ticket
 * and customer and a placeholder link (`<publicUrl>/s/preview`). The page comes without its script
 * (the builder shows it in a sandboxed frame); its stylesheet stays. Stores nothing.
 *
 * @example
 * const { html } = await renderSurveyPreview({ definition, locale: 'sr', surface: 'page' }, 'https://rapport.example');
 */
export async function renderSurveyPreview(input: PreviewSurvey, publicUrl: string): Promise<SurveyPreview> {
  const { definition } = input;
  const locale = pageLocale(input.locale, definition);
  if (input.surface === 'email') {
    const mail = renderSurveyEmail({
      kind: 'invitation',
      locale,
      definition,
      customerName: PREVIEW_SAMPLE.customerName,
      ticket: { ...PREVIEW_SAMPLE.ticket },
      publicUrl,
      token: PREVIEW_TOKEN,
    });
    return { html: mail.html, subject: mail.subject, text: mail.text, locale: mail.locale };
  }
  // Answers that do not fit the definition are left out rather than refused: the builder sends
  // them while the questions are being edited.
  const { answers } = checkAnswers(definition, input.answers ?? {}, { requireAll: false });
  const page = await html`<!doctype html>${(
      <SurveyPage
        token={PREVIEW_TOKEN}
        locale={locale}
        definition={definition}
        answers={answers}
        script={false}
      />
    )}`;
  return { html: String(page), subject: null, text: null, locale };
}
