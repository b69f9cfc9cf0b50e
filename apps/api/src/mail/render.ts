import { SCALES, type Locale, type Question, type SurveyDefinition } from '@rapport/contracts';
import { localized, pageLocale } from '../public/locale';
import { scoreQuestion } from '../public/score';
import { emailDocument, FONT, MAIL_COLOURS } from './email-shell';
import { escapeHtml as esc } from './escape-html';
import { MAIL_STRINGS, type TicketRef } from './strings';

export type SurveyEmailKind = 'invitation' | 'reminder';

export interface SurveyEmailInput {
  kind: SurveyEmailKind;
  /** The invitation's language; the survey's default language when the survey is not offered in it. */
  locale: string;
  definition: SurveyDefinition;
  customerName: string | null;
  ticket: TicketRef;
  /** RAPPORT_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The invitation's link token (see `invitationToken`). */
  token: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  locale: Locale;
  /** The survey link without a preselected answer (also what the outbox transport logs). */
  surveyUrl: string;
  unsubscribeUrl: string;
}

interface ScaleLink {
  score: number;
  url: string;
  label: string;
  face: string | null;
}

// Faces from unhappy to happy, one per point of the 1–5 rating: emoji need no image download, and
// these are from Unicode 6.0, so even old clients and fonts have them.
const FACES = ['😞', '😕', '😐', '😊', '😀'] as const;

const C = {
  ...MAIL_COLOURS,
  tile: '#eff6ff',
  tileBorder: '#1d4ed8',
  tileText: '#1e3a8a',
} as const;

/** Helpdesk subjects and names may carry line breaks and runs of spaces; an email line should not. */
function oneLine(value: string | null, max: number): string | null {
  if (value === null) return null;
  const flat = value.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The question the email asks: the one the one-click links answer — the same the survey page reads
 * `?score=N` for (`scoreQuestion`), so a click always preselects the question it was offered for —
 * else, for a survey without a scale, its first question above a plain button.
 */
function askedQuestion(definition: SurveyDefinition): Question | null {
  return scoreQuestion(definition) ?? definition.questions[0] ?? null;
}

/** One link per point of a scale question, each opening the survey with that answer preselected. */
function scaleLinks(question: Question, locale: Locale, fallback: Locale, surveyUrl: string): ScaleLink[] {
  const scale = SCALES[question.type];
  if (!scale) return [];
  const links: ScaleLink[] = [];
  for (let score = scale.min; score <= scale.max; score += 1) {
    const index = score - scale.min;
    const perPoint = question.type === 'rating';
    const text = perPoint ? question.scaleLabels?.[index] : undefined;
    links.push({
      score,
      url: `${surveyUrl}?score=${score}`,
      label: text ? localized(text, locale, fallback) : '',
      face: perPoint ? (FACES[index] ?? null) : null,
    });
  }
  return links;
}

/** "0 = Not likely · 10 = Very likely" for scales whose labels name only the ends. */
function endsCaption(
  question: Question,
  links: ScaleLink[],
  locale: Locale,
  fallback: Locale,
): string | null {
  if (question.type === 'rating') return null;
  const labels = question.scaleLabels ?? [];
  const low = labels[0];
  const high = labels[labels.length - 1];
  const first = links[0];
  const last = links[links.length - 1];
  if (!low || !high || labels.length < 2 || !first || !last) return null;
  return `${first.score} = ${localized(low, locale, fallback)} · ${last.score} = ${localized(high, locale, fallback)}`;
}

/** Splits a scale into rows of at most six, so every tile keeps a 44 px touch target on a 320 px screen. */
function rows<T>(items: T[]): T[][] {
  const count = Math.ceil(items.length / 6);
  const size = Math.ceil(items.length / Math.max(count, 1));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function tile(link: ScaleLink, width: string): string {
  const face = link.face
    ? `<span aria-hidden="true" style="font-size:24px;line-height:30px;">${link.face}</span><br>`
    : '';
  const label = link.label
    ? `<br><span style="font-size:12px;line-height:16px;font-weight:normal;">${esc(link.label)}</span>`
    : '';
  // Bulletproof button: the colour and border sit on the cell (Outlook ignores them on <a>),
  // the padding on the link too, so the whole tile is clickable where clients allow it.
  return (
    `<td width="${width}" align="center" valign="top" style="padding:2px;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:separate;">` +
    `<tr><td align="center" valign="middle" bgcolor="${C.tile}" style="background-color:${C.tile};border:2px solid ${C.tileBorder};border-radius:8px;mso-padding-alt:8px 2px;">` +
    `<a href="${esc(link.url)}" target="_blank" style="display:block;padding:8px 2px;min-height:44px;${FONT}font-size:13px;line-height:18px;font-weight:bold;color:${C.tileText};text-decoration:none;">` +
    `${face}${link.score}${label}</a></td></tr></table></td>`
  );
}

function scaleHtml(links: ScaleLink[], caption: string | null): string {
  const body = rows(links)
    .map((row) => {
      const width = `${Math.floor(100 / row.length)}%`;
      return (
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
        row.map((l) => tile(l, width)).join('') +
        `</tr></table>`
      );
    })
    .join('');
  const note = caption
    ? `<p style="margin:8px 2px 0;${FONT}font-size:13px;line-height:18px;color:${C.muted};">${esc(caption)}</p>`
    : '';
  return body + note;
}

function buttonHtml(url: string, label: string): string {
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0;"><tr>` +
    `<td align="center" bgcolor="${C.tileBorder}" style="background-color:${C.tileBorder};border-radius:8px;mso-padding-alt:12px 24px;">` +
    `<a href="${esc(url)}" target="_blank" style="display:inline-block;padding:12px 24px;min-height:20px;${FONT}font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;">${esc(label)}</a>` +
    `</td></tr></table>`
  );
}

function paragraph(text: string, extra = ''): string {
  return `<p style="margin:0 0 16px;${FONT}font-size:16px;line-height:24px;color:${C.text};${extra}">${esc(text)}</p>`;
}

/**
 * The invitation or reminder email for one invitation, in its language: subject, HTML (inline
 * styles and table layout for Gmail and Outlook, no scripts or remote images), a plain-text part
 * with the same links, and the one-click unsubscribe headers (RFC 8058). Every interpolated value
 * is escaped.
 *
 * @example
 * const mail = renderSurveyEmail({
 *   kind: 'invitation', locale: 'sr', definition, customerName: 'Ана', publicUrl: 'https://rapport.example',
 *   ticket: { number: '4821', subject: 'Штампач не ради' }, token,
 * });
 * mail.headers['List-Unsubscribe'] // '<https://rapport.example/u/…>'
 */
export function renderSurveyEmail(input: SurveyEmailInput): RenderedEmail {
  const { definition } = input;
  const locale = pageLocale(input.locale, definition);
  const fallback = definition.defaultLocale;
  const s = MAIL_STRINGS[locale];
  const token = encodeURIComponent(input.token);
  const surveyUrl = `${input.publicUrl}/s/${token}`;
  const unsubscribeUrl = `${input.publicUrl}/u/${token}`;
  const ticket: TicketRef = {
    number: oneLine(input.ticket.number, 60) ?? '',
    subject: oneLine(input.ticket.subject, 150),
  };
  const name = oneLine(input.customerName, 100);

  const override = input.kind === 'invitation' ? definition.email?.subject : undefined;
  const subject =
    (override && localized(override, locale, fallback)) ||
    (input.kind === 'invitation' ? s.invitationSubject : s.reminderSubject);
  const intro = definition.email?.intro ? localized(definition.email.intro, locale, fallback) || null : null;
  const question = askedQuestion(definition);
  const questionText = question ? localized(question.text, locale, fallback) : null;
  const links = question ? scaleLinks(question, locale, fallback, surveyUrl) : [];
  const caption = question ? endsCaption(question, links, locale, fallback) : null;

  const lead = [
    s.greeting(name),
    s.ticketLine(ticket),
    ...(input.kind === 'reminder' ? [s.reminderLine] : []),
    ...(intro ? [intro] : []),
  ];

  const text = [
    ...lead.flatMap((line) => [line, '']),
    ...(questionText ? [questionText] : []),
    ...(links.length
      ? [
          s.chooseAnswer,
          ...links.map((l) => `  ${l.score}${l.label ? ` – ${l.label}` : ''}: ${l.url}`),
          ...(caption ? [caption] : []),
        ]
      : []),
    '',
    `${s.openSurvey}: ${surveyUrl}`,
    '',
    s.takesAMinute,
    '',
    s.thanks,
    '',
    '—',
    s.whyReceived,
    `${s.unsubscribePrompt} ${s.unsubscribe}: ${unsubscribeUrl}`,
    '',
  ].join('\n');

  const askHtml = [
    questionText
      ? `<h1 style="margin:8px 0 8px;${FONT}font-size:20px;line-height:28px;font-weight:bold;color:${C.text};">${esc(questionText)}</h1>`
      : '',
    links.length
      ? `<p style="margin:0 0 8px;${FONT}font-size:14px;line-height:20px;color:${C.muted};">${esc(s.chooseAnswer)}</p>` +
        scaleHtml(links, caption)
      : buttonHtml(surveyUrl, s.openSurvey),
  ].join('');

  const html = emailDocument({
    locale,
    dir: s.dir,
    subject,
    preheader: s.preheader,
    width: 600,
    card: `<tr><td style="padding:24px 16px 8px;">
${lead.map((line) => paragraph(line)).join('\n')}
${askHtml}
</td></tr>
<tr><td style="padding:8px 16px 24px;">
${paragraph(s.takesAMinute, `color:${C.muted};font-size:14px;line-height:20px;`)}
<p style="margin:0 0 16px;${FONT}font-size:14px;line-height:20px;"><a href="${esc(surveyUrl)}" target="_blank" style="color:${C.link};text-decoration:underline;">${esc(s.openSurvey)}</a></p>
${paragraph(s.thanks)}
</td></tr>`,
    footer: `<p style="margin:0 0 8px;">${esc(s.whyReceived)}</p>
<p style="margin:0;">${esc(s.unsubscribePrompt)} <a href="${esc(unsubscribeUrl)}" target="_blank" style="color:${C.link};text-decoration:underline;">${esc(s.unsubscribe)}</a></p>`,
  });

  return {
    subject,
    html,
    text,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    locale,
    surveyUrl,
    unsubscribeUrl,
  };
}
