import type { Locale } from '@rapport/contracts';

/** The ticket an email is about, as the customer knows it. */
export interface TicketRef {
  /** The helpdesk's ticket number (its external id). */
  number: string;
  subject: string | null;
}

/**
 * Every text of the survey emails around the survey's own question and scale labels. One record
 * per language, typed, so a missing key in any language fails the type check. Plain text: the
 * renderer escapes it for HTML.
 */
export interface MailStrings {
  /** Text direction of the language, for `dir` on the HTML. */
  dir: 'ltr' | 'rtl';
  invitationSubject: string;
  reminderSubject: string;
  /** The inbox preview line (hidden in the body). */
  preheader: string;
  greeting: (name: string | null) => string;
  /** The one line saying which ticket this is about. */
  ticketLine: (ticket: TicketRef) => string;
  /** The reminder's opening, after the ticket line. */
  reminderLine: string;
  /** Above the row of rating links. */
  chooseAnswer: string;
  takesAMinute: string;
  /** The link to the survey without a preselected answer. */
  openSurvey: string;
  thanks: string;
  whyReceived: string;
  unsubscribePrompt: string;
  unsubscribe: string;
}

const en: MailStrings = {
  dir: 'ltr',
  invitationSubject: 'How did we do? One quick question',
  reminderSubject: 'Reminder: how did we do?',
  preheader: 'Rate our help with one click.',
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  ticketLine: (t) =>
    t.subject
      ? `We recently resolved your request “${t.subject}” (#${t.number}).`
      : `We recently resolved your request #${t.number}.`,
  reminderLine:
    'A few days ago we asked how we did. If you have a minute, we would still love to hear from you.',
  chooseAnswer: 'Choose your answer — one click is enough:',
  takesAMinute: 'It only takes a minute. On the next page you can tell us more, if you like.',
  openSurvey: 'Open the survey',
  thanks: 'Thank you — your answer helps us improve.',
  whyReceived: 'You are receiving this email because our support team recently helped you.',
  unsubscribePrompt: 'Don’t want surveys like this?',
  unsubscribe: 'Unsubscribe',
};

const sr: MailStrings = {
  dir: 'ltr',
  invitationSubject: 'Оцените нашу помоћ — једно кратко питање',
  reminderSubject: 'Подсетник: оцените нашу помоћ',
  preheader: 'Оцените нашу помоћ једним кликом.',
  greeting: (name) => (name ? `Добар дан, ${name},` : 'Добар дан,'),
  ticketLine: (t) =>
    t.subject
      ? `Недавно смо решили ваш захтев „${t.subject}“ (бр. ${t.number}).`
      : `Недавно смо решили ваш захтев бр. ${t.number}.`,
  reminderLine:
    'Пре неколико дана смо вас питали какво је било ваше искуство. Ако имате минут, и даље бисмо радо чули ваше мишљење.',
  chooseAnswer: 'Изаберите одговор — довољан је један клик:',
  takesAMinute: 'Потребан је само минут. На следећој страници можете, ако желите, да нам кажете више.',
  openSurvey: 'Отворите анкету',
  thanks: 'Хвала вам — ваш одговор нам помаже да будемо бољи.',
  whyReceived: 'Ову поруку добијате јер вам је наш тим подршке недавно помогао.',
  unsubscribePrompt: 'Не желите овакве анкете?',
  unsubscribe: 'Одјавите се',
};

const hr: MailStrings = {
  dir: 'ltr',
  invitationSubject: 'Ocijenite našu pomoć — jedno kratko pitanje',
  reminderSubject: 'Podsjetnik: ocijenite našu pomoć',
  preheader: 'Ocijenite našu pomoć jednim klikom.',
  greeting: (name) => (name ? `Dobar dan, ${name},` : 'Dobar dan,'),
  ticketLine: (t) =>
    t.subject
      ? `Nedavno smo riješili vaš zahtjev „${t.subject}” (br. ${t.number}).`
      : `Nedavno smo riješili vaš zahtjev br. ${t.number}.`,
  reminderLine:
    'Prije nekoliko dana pitali smo vas kakvo je bilo vaše iskustvo. Ako imate minutu, i dalje bismo rado čuli vaše mišljenje.',
  chooseAnswer: 'Odaberite odgovor — dovoljan je jedan klik:',
  takesAMinute: 'Potrebna je samo minuta. Na sljedećoj stranici možete nam, ako želite, reći više.',
  openSurvey: 'Otvorite anketu',
  thanks: 'Hvala vam — vaš odgovor pomaže nam da budemo bolji.',
  whyReceived: 'Ovu poruku primate jer vam je naš tim za podršku nedavno pomogao.',
  unsubscribePrompt: 'Ne želite ovakve ankete?',
  unsubscribe: 'Odjavite se',
};

const sl: MailStrings = {
  dir: 'ltr',
  invitationSubject: 'Ocenite našo pomoč — eno kratko vprašanje',
  reminderSubject: 'Opomnik: ocenite našo pomoč',
  preheader: 'Ocenite našo pomoč z enim klikom.',
  greeting: (name) => (name ? `Dober dan, ${name},` : 'Dober dan,'),
  ticketLine: (t) =>
    t.subject
      ? `Pred kratkim smo rešili vašo zahtevo »${t.subject}« (št. ${t.number}).`
      : `Pred kratkim smo rešili vašo zahtevo št. ${t.number}.`,
  reminderLine:
    'Pred nekaj dnevi smo vas vprašali, kakšna je bila vaša izkušnja. Če imate minuto časa, bi še vedno radi slišali vaše mnenje.',
  chooseAnswer: 'Izberite odgovor — dovolj je en klik:',
  takesAMinute: 'Vzame le minuto. Na naslednji strani nam lahko, če želite, poveste več.',
  openSurvey: 'Odprite anketo',
  thanks: 'Hvala — vaš odgovor nam pomaga, da postanemo boljši.',
  whyReceived: 'To sporočilo ste prejeli, ker vam je naša ekipa za podporo pred kratkim pomagala.',
  unsubscribePrompt: 'Ne želite takšnih anket?',
  unsubscribe: 'Odjavite se',
};

const ru: MailStrings = {
  dir: 'ltr',
  invitationSubject: 'Оцените нашу помощь — всего один вопрос',
  reminderSubject: 'Напоминание: оцените нашу помощь',
  preheader: 'Оцените нашу помощь одним нажатием.',
  greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  ticketLine: (t) =>
    t.subject
      ? `Недавно мы завершили работу по вашему обращению «${t.subject}» (№ ${t.number}).`
      : `Недавно мы завершили работу по вашему обращению № ${t.number}.`,
  reminderLine:
    'Несколько дней назад мы спросили вас о впечатлениях от нашей поддержки. Если у вас найдётся минута, мы по-прежнему будем рады узнать ваше мнение.',
  chooseAnswer: 'Выберите ответ — достаточно одного нажатия:',
  takesAMinute:
    'Это займёт всего минуту. На следующей странице вы сможете, если захотите, рассказать подробнее.',
  openSurvey: 'Открыть опрос',
  thanks: 'Спасибо — ваш ответ помогает нам стать лучше.',
  whyReceived: 'Вы получили это письмо, потому что недавно обращались в нашу службу поддержки.',
  unsubscribePrompt: 'Не хотите получать такие опросы?',
  unsubscribe: 'Отписаться',
};

/**
 * The survey emails' texts in every supported language.
 *
 * @example
 * MAIL_STRINGS.sr.unsubscribe // 'Одјавите се'
 */
export const MAIL_STRINGS: Record<Locale, MailStrings> = { en, sr, hr, sl, ru };
