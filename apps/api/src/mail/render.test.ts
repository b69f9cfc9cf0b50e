import { DEFAULT_SURVEY_DEFINITION, LOCALES, type SurveyDefinition } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';
import { renderSurveyEmail, type SurveyEmailInput } from './render';
import { MAIL_STRINGS } from './strings';

const PUBLIC = 'https://rapport.example';
const TOKEN = 'tok_ABCdef-123_xyz';
const rating = DEFAULT_SURVEY_DEFINITION.questions[0]!;

function input(over: Partial<SurveyEmailInput> = {}): SurveyEmailInput {
  return {
    kind: 'invitation',
    locale: 'en',
    definition: DEFAULT_SURVEY_DEFINITION,
    customerName: 'Ana Petrović',
    ticket: { number: '4821', subject: 'Printer offline' },
    publicUrl: PUBLIC,
    token: TOKEN,
    ...over,
  };
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('renderSurveyEmail', () => {
  it.each(LOCALES)(
    'renders the invitation in %s: subject, lang, question, five labelled links, unsubscribe',
    (locale) => {
      const mail = renderSurveyEmail(input({ locale }));
      const s = MAIL_STRINGS[locale];
      expect(mail.locale).toBe(locale);
      expect(mail.subject).toBe(s.invitationSubject);
      expect(mail.html).toContain(`<html lang="${locale}" dir="ltr"`);
      expect(mail.html).toContain(`<div lang="${locale}" dir="ltr"`);
      expect(mail.html).toContain(escapeHtml(rating.text[locale]!));
      expect(mail.text).toContain(rating.text[locale]!);
      expect(mail.html).toContain(escapeHtml(s.greeting('Ana Petrović')));
      expect(mail.text).toContain(s.ticketLine({ number: '4821', subject: 'Printer offline' }));
      for (let score = 1; score <= 5; score += 1) {
        const url = `${PUBLIC}/s/${TOKEN}?score=${score}`;
        const label = rating.scaleLabels![score - 1]![locale]!;
        expect(hrefs(mail.html)).toContain(url);
        expect(mail.html).toContain(escapeHtml(label));
        expect(mail.text).toContain(`${score} – ${label}: ${url}`);
      }
      expect(hrefs(mail.html).filter((h) => h!.includes('?score='))).toHaveLength(5);
      expect(mail.html).toContain(escapeHtml(s.takesAMinute));
      expect(hrefs(mail.html)).toContain(`${PUBLIC}/u/${TOKEN}`);
      expect(mail.html).toContain(`>${escapeHtml(s.unsubscribe)}</a>`);
      expect(mail.text).toContain(`${s.unsubscribe}: ${PUBLIC}/u/${TOKEN}`);
      expect(mail.text).toContain(`${s.openSurvey}: ${PUBLIC}/s/${TOKEN}`);
      expect(mail.headers).toEqual({
        'List-Unsubscribe': `<${PUBLIC}/u/${TOKEN}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
    },
  );

  it('writes Serbian in Cyrillic', () => {
    const mail = renderSurveyEmail(input({ locale: 'sr', customerName: 'Ана' }));
    expect(mail.subject).toBe('Оцените нашу помоћ — једно кратко питање');
    expect(mail.text).toContain('Недавно смо решили ваш захтев „Printer offline“ (бр. 4821).');
    expect(mail.text.startsWith('Добар дан, Ана,\n')).toBe(true);
    // Only the customer's own data (the ticket subject) and the links may be in Latin script.
    const ours = mail.text.replaceAll('Printer offline', '').replace(/https:\/\/\S+/g, '');
    expect(ours).not.toMatch(/[a-zčćšžđ]/i);
  });

  it('writes the reminder with its own subject and opening, and the same links', () => {
    const first = renderSurveyEmail(input({ locale: 'hr' }));
    const mail = renderSurveyEmail(input({ locale: 'hr', kind: 'reminder' }));
    expect(mail.subject).toBe(MAIL_STRINGS.hr.reminderSubject);
    expect(mail.text).toContain(MAIL_STRINGS.hr.reminderLine);
    expect(first.text).not.toContain(MAIL_STRINGS.hr.reminderLine);
    expect(hrefs(mail.html)).toEqual(hrefs(first.html));
  });

  it('escapes a hostile name and ticket subject in the HTML and keeps them readable in the text', () => {
    const name = '<script>alert("x")</script>';
    const subject = '"><img src=x onerror=alert(1)> & co';
    const mail = renderSurveyEmail(input({ customerName: name, ticket: { number: '<b>7</b>', subject } }));
    expect(mail.html).not.toContain('<script');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<b>7');
    expect(mail.html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
    expect(mail.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(mail.text).toContain(`Hello ${name},`);
    expect(mail.text).toContain(subject);
  });

  it('greets without a name and flattens line breaks in a helpdesk subject', () => {
    const mail = renderSurveyEmail(
      input({ customerName: '  ', ticket: { number: '9', subject: 'Line one\r\n  line two' } }),
    );
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.text).toContain('“Line one line two” (#9)');
    const bare = renderSurveyEmail(input({ ticket: { number: '9', subject: null } }));
    expect(bare.text).toContain('We recently resolved your request #9.');
  });

  it('loads nothing from elsewhere: no scripts, style sheets or images, and every link is ours', () => {
    const mail = renderSurveyEmail(input());
    expect(mail.html).not.toMatch(/<script|<style|<link|<img|src=|url\(/i);
    for (const href of hrefs(mail.html)) expect(href!.startsWith(`${PUBLIC}/`)).toBe(true);
    // Touch targets: each rating link is a block at least 44 px high.
    expect(mail.html.match(/display:block;padding:8px 2px;min-height:44px;/g)).toHaveLength(5);
  });

  it('falls back to the survey default language for a language the survey does not offer', () => {
    const onlyEnglish: SurveyDefinition = { ...DEFAULT_SURVEY_DEFINITION, locales: ['en'] };
    expect(renderSurveyEmail(input({ locale: 'ru', definition: onlyEnglish })).locale).toBe('en');
    expect(renderSurveyEmail(input({ locale: 'de' })).locale).toBe('en');
  });

  it('uses the survey’s own subject and intro when it has them', () => {
    const definition: SurveyDefinition = {
      ...DEFAULT_SURVEY_DEFINITION,
      email: {
        subject: { en: 'Quick one from Acme', sl: 'Na hitro od Acme' },
        intro: { en: 'Thanks for choosing Acme.' },
      },
    };
    expect(renderSurveyEmail(input({ definition })).subject).toBe('Quick one from Acme');
    expect(renderSurveyEmail(input({ definition, locale: 'sl' })).subject).toBe('Na hitro od Acme');
    expect(renderSurveyEmail(input({ definition })).text).toContain('Thanks for choosing Acme.');
    expect(renderSurveyEmail(input({ definition, kind: 'reminder' })).subject).toBe(
      MAIL_STRINGS.en.reminderSubject,
    );
  });

  it('offers one link per point of an NPS first question, in rows small screens can tap', () => {
    const definition: SurveyDefinition = {
      ...DEFAULT_SURVEY_DEFINITION,
      questions: [
        {
          id: 'nps',
          type: 'nps',
          metric: 'nps',
          required: true,
          text: { en: 'How likely are you to recommend us?' },
          scaleLabels: [{ en: 'Not likely' }, { en: 'Very likely' }],
        },
      ],
    };
    const mail = renderSurveyEmail(input({ definition }));
    const scored = hrefs(mail.html).filter((h) => h!.includes('?score='));
    expect(scored).toEqual(Array.from({ length: 11 }, (_, i) => `${PUBLIC}/s/${TOKEN}?score=${i}`));
    expect(mail.html).toContain('0 = Not likely · 10 = Very likely');
    expect(mail.html.match(/<td width="16%"/g)).toHaveLength(6);
    expect(mail.html.match(/<td width="20%"/g)).toHaveLength(5);
  });

  it('offers a plain survey button when the first question is not a scale', () => {
    const definition: SurveyDefinition = {
      ...DEFAULT_SURVEY_DEFINITION,
      questions: [{ id: 'comment', type: 'text', required: false, text: { en: 'Tell us about it' } }],
    };
    const mail = renderSurveyEmail(input({ definition }));
    expect(hrefs(mail.html).some((h) => h!.includes('?score='))).toBe(false);
    expect(hrefs(mail.html)).toContain(`${PUBLIC}/s/${TOKEN}`);
    expect(mail.html).toContain('Tell us about it');
  });
});
