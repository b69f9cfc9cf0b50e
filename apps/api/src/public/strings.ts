import type { AnswerProblem, Locale } from '@rapport/contracts';

/**
 * Every text the public pages show around a survey's own questions. One record per language,
 * typed, so a missing or misspelt key in any language fails the type check.
 */
export interface PageStrings {
  /** The survey page's title and heading. */
  surveyTitle: string;
  surveyIntro: string;
  /** Marks a question that may be left empty (the rest are required). */
  optional: string;
  yes: string;
  no: string;
  /** Hint under a multiple-choice question. */
  chooseAll: string;
  send: string;
  /** Said (aria-live) when the page's script has saved the clicked rating. */
  ratingSaved: string;
  ratingNotSaved: string;
  /** After a Send without JavaScript that revealed follow-up questions. */
  moreQuestions: string;
  errorSummary: string;
  problems: Record<AnswerProblem['code'], string>;
  /** End labels for scales whose survey gives none. */
  npsLow: string;
  npsHigh: string;
  cesLow: string;
  cesHigh: string;
  /** How the deadline for changes is written; numeric where a preposition would need a grammatical case. */
  dateTime: Intl.DateTimeFormatOptions;
  answeredNote: (until: string) => string;
  changeUntil: (until: string) => string;
  thanksTitle: string;
  thanksBody: string;
  changeAnswers: string;
  closedTitle: string;
  closedBody: string;
  expiredTitle: string;
  expiredBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  tooManyTitle: string;
  tooManyBody: string;
  errorTitle: string;
  errorBody: string;
  /** The survey page's footer link to /u/:token. */
  stopSurveys: string;
  unsubscribeTitle: string;
  unsubscribeBody: (email: string | null) => string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedBody: (email: string | null) => string;
}

const TIME = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
const NUMERIC_DATE = { day: 'numeric', month: 'numeric', year: 'numeric', ...TIME } as const;
const LONG_DATE = { day: 'numeric', month: 'long', year: 'numeric', ...TIME } as const;

const en: PageStrings = {
  surveyTitle: 'Your feedback',
  surveyIntro:
    'Thank you for contacting us. Your answers go straight to our support team and help us improve.',
  optional: 'optional',
  yes: 'Yes',
  no: 'No',
  chooseAll: 'Choose all that apply.',
  send: 'Send',
  ratingSaved: 'Thank you — your rating is saved. You can add more below.',
  ratingNotSaved: 'Your rating could not be saved yet. Please press Send below.',
  moreQuestions: 'Thank you — your rating is saved. Would you tell us a little more?',
  errorSummary: 'Please check the answers marked below.',
  problems: {
    required: 'Please answer this question.',
    out_of_range: 'Please choose one of the values shown.',
    unknown_option: 'Please choose one of the options shown.',
    wrong_type: 'This answer could not be read. Please answer again.',
    too_long: 'This text is too long. Please shorten it to at most 5,000 characters.',
    unknown_question: 'This question is not part of the survey.',
  },
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  cesLow: 'Strongly disagree',
  cesHigh: 'Strongly agree',
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', ...TIME },
  answeredNote: (until) => `You have already answered. You can change your answers until ${until}.`,
  changeUntil: (until) => `You can change your answers until ${until}.`,
  thanksTitle: 'Thank you!',
  thanksBody: 'Your answers have been saved. They help us serve you better.',
  changeAnswers: 'Change my answers',
  closedTitle: 'Your answers are saved',
  closedBody: 'Thank you. The time for changing them has passed, so they stay as they are.',
  expiredTitle: 'This survey has closed',
  expiredBody:
    'The link has expired, so answers can no longer be given. Thank you for your time all the same.',
  notFoundTitle: 'Link not found',
  notFoundBody:
    'We could not find a survey for this link. Please open the whole link from the email: part of it may have been cut off.',
  tooManyTitle: 'Too many requests',
  tooManyBody: 'Please wait a minute and try again.',
  errorTitle: 'Something went wrong',
  errorBody: 'Please try again in a little while.',
  stopSurveys: 'Do not send me surveys',
  unsubscribeTitle: 'Unsubscribe from feedback surveys?',
  unsubscribeBody: (email) =>
    email
      ? `We will stop sending feedback surveys to ${email}.`
      : 'We will stop sending feedback surveys to this address.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribedTitle: 'You are unsubscribed',
  unsubscribedBody: (email) =>
    email
      ? `We will not send feedback surveys to ${email} any more.`
      : 'We will not send feedback surveys to this address any more.',
};

const sr: PageStrings = {
  surveyTitle: 'Ваше мишљење',
  surveyIntro:
    'Хвала што сте нам се обратили. Ваши одговори стижу директно нашем тиму подршке и помажу нам да будемо бољи.',
  optional: 'није обавезно',
  yes: 'Да',
  no: 'Не',
  chooseAll: 'Изаберите све што важи.',
  send: 'Пошаљи',
  ratingSaved: 'Хвала — ваша оцена је сачувана. У наставку можете додати још нешто.',
  ratingNotSaved: 'Оцену још није било могуће сачувати. Притисните „Пошаљи“ испод.',
  moreQuestions: 'Хвала — ваша оцена је сачувана. Да ли бисте нам рекли још нешто?',
  errorSummary: 'Проверите означене одговоре испод.',
  problems: {
    required: 'Одговорите на ово питање.',
    out_of_range: 'Изаберите једну од понуђених вредности.',
    unknown_option: 'Изаберите један од понуђених одговора.',
    wrong_type: 'Овај одговор није могао да се прочита. Одговорите поново.',
    too_long: 'Текст је предугачак. Скратите га на највише 5.000 знакова.',
    unknown_question: 'Ово питање није део анкете.',
  },
  npsLow: 'Нимало вероватно',
  npsHigh: 'Веома вероватно',
  cesLow: 'Уопште се не слажем',
  cesHigh: 'Потпуно се слажем',
  dateTime: NUMERIC_DATE,
  answeredNote: (until) => `Већ сте одговорили. Одговоре можете да промените до ${until}.`,
  changeUntil: (until) => `Одговоре можете да промените до ${until}.`,
  thanksTitle: 'Хвала вам!',
  thanksBody: 'Ваши одговори су сачувани. Помажу нам да вам пружимо бољу услугу.',
  changeAnswers: 'Промени одговоре',
  closedTitle: 'Ваши одговори су сачувани',
  closedBody: 'Хвала вам. Рок за измене је истекао, тако да одговори остају какви јесу.',
  expiredTitle: 'Ова анкета је затворена',
  expiredBody: 'Линк је истекао, па више није могуће одговорити. Ипак вам хвала на времену.',
  notFoundTitle: 'Линк није пронађен',
  notFoundBody:
    'Нисмо пронашли анкету за овај линк. Отворите цео линк из е-поште: можда је један део изостао.',
  tooManyTitle: 'Превише захтева',
  tooManyBody: 'Сачекајте минут и покушајте поново.',
  errorTitle: 'Нешто није у реду',
  errorBody: 'Покушајте поново мало касније.',
  stopSurveys: 'Не шаљите ми анкете',
  unsubscribeTitle: 'Желите ли да се одјавите од анкета?',
  unsubscribeBody: (email) =>
    email ? `Престаћемо да шаљемо анкете на адресу ${email}.` : 'Престаћемо да шаљемо анкете на ову адресу.',
  unsubscribeButton: 'Одјави ме',
  unsubscribedTitle: 'Одјављени сте',
  unsubscribedBody: (email) =>
    email ? `Више нећемо слати анкете на адресу ${email}.` : 'Више нећемо слати анкете на ову адресу.',
};

const hr: PageStrings = {
  surveyTitle: 'Vaše mišljenje',
  surveyIntro:
    'Hvala što ste nam se obratili. Vaši odgovori stižu izravno našem timu podrške i pomažu nam da budemo bolji.',
  optional: 'nije obavezno',
  yes: 'Da',
  no: 'Ne',
  chooseAll: 'Odaberite sve što vrijedi.',
  send: 'Pošalji',
  ratingSaved: 'Hvala — vaša ocjena je spremljena. U nastavku možete dodati još nešto.',
  ratingNotSaved: 'Ocjenu još nije bilo moguće spremiti. Pritisnite „Pošalji” ispod.',
  moreQuestions: 'Hvala — vaša ocjena je spremljena. Biste li nam rekli još nešto?',
  errorSummary: 'Provjerite označene odgovore ispod.',
  problems: {
    required: 'Odgovorite na ovo pitanje.',
    out_of_range: 'Odaberite jednu od ponuđenih vrijednosti.',
    unknown_option: 'Odaberite jedan od ponuđenih odgovora.',
    wrong_type: 'Ovaj odgovor nije bilo moguće pročitati. Odgovorite ponovno.',
    too_long: 'Tekst je predugačak. Skratite ga na najviše 5.000 znakova.',
    unknown_question: 'Ovo pitanje nije dio ankete.',
  },
  npsLow: 'Nimalo vjerojatno',
  npsHigh: 'Vrlo vjerojatno',
  cesLow: 'Uopće se ne slažem',
  cesHigh: 'Potpuno se slažem',
  dateTime: LONG_DATE,
  answeredNote: (until) => `Već ste odgovorili. Odgovore možete promijeniti do ${until}.`,
  changeUntil: (until) => `Odgovore možete promijeniti do ${until}.`,
  thanksTitle: 'Hvala vam!',
  thanksBody: 'Vaši odgovori su spremljeni. Pomažu nam da vam pružimo bolju uslugu.',
  changeAnswers: 'Promijeni odgovore',
  closedTitle: 'Vaši odgovori su spremljeni',
  closedBody: 'Hvala vam. Rok za izmjene je istekao pa odgovori ostaju kakvi jesu.',
  expiredTitle: 'Ova anketa je zatvorena',
  expiredBody: 'Poveznica je istekla pa više nije moguće odgovoriti. Svejedno vam hvala na vremenu.',
  notFoundTitle: 'Poveznica nije pronađena',
  notFoundBody:
    'Nismo pronašli anketu za ovu poveznicu. Otvorite cijelu poveznicu iz e-pošte: možda je jedan dio izostao.',
  tooManyTitle: 'Previše zahtjeva',
  tooManyBody: 'Pričekajte minutu i pokušajte ponovno.',
  errorTitle: 'Nešto nije u redu',
  errorBody: 'Pokušajte ponovno malo kasnije.',
  stopSurveys: 'Ne šaljite mi ankete',
  unsubscribeTitle: 'Želite li se odjaviti od anketa?',
  unsubscribeBody: (email) =>
    email ? `Prestat ćemo slati ankete na adresu ${email}.` : 'Prestat ćemo slati ankete na ovu adresu.',
  unsubscribeButton: 'Odjavi me',
  unsubscribedTitle: 'Odjavljeni ste',
  unsubscribedBody: (email) =>
    email ? `Više nećemo slati ankete na adresu ${email}.` : 'Više nećemo slati ankete na ovu adresu.',
};

const sl: PageStrings = {
  surveyTitle: 'Vaše mnenje',
  surveyIntro:
    'Hvala, ker ste se obrnili na nas. Vaši odgovori gredo neposredno naši ekipi za podporo in nam pomagajo, da smo boljši.',
  optional: 'neobvezno',
  yes: 'Da',
  no: 'Ne',
  chooseAll: 'Izberite vse, kar velja.',
  send: 'Pošlji',
  ratingSaved: 'Hvala — vaša ocena je shranjena. Spodaj lahko dodate še kaj.',
  ratingNotSaved: 'Ocene še ni bilo mogoče shraniti. Spodaj pritisnite »Pošlji«.',
  moreQuestions: 'Hvala — vaša ocena je shranjena. Bi nam povedali še kaj več?',
  errorSummary: 'Preverite spodaj označene odgovore.',
  problems: {
    required: 'Odgovorite na to vprašanje.',
    out_of_range: 'Izberite eno od ponujenih vrednosti.',
    unknown_option: 'Izberite enega od ponujenih odgovorov.',
    wrong_type: 'Tega odgovora ni bilo mogoče prebrati. Odgovorite znova.',
    too_long: 'Besedilo je predolgo. Skrajšajte ga na največ 5.000 znakov.',
    unknown_question: 'To vprašanje ni del ankete.',
  },
  npsLow: 'Sploh ni verjetno',
  npsHigh: 'Zelo verjetno',
  cesLow: 'Sploh se ne strinjam',
  cesHigh: 'Popolnoma se strinjam',
  dateTime: NUMERIC_DATE,
  answeredNote: (until) => `Odgovorili ste že. Odgovore lahko spremenite do ${until}.`,
  changeUntil: (until) => `Odgovore lahko spremenite do ${until}.`,
  thanksTitle: 'Hvala!',
  thanksBody: 'Vaši odgovori so shranjeni. Pomagajo nam, da vam nudimo boljšo podporo.',
  changeAnswers: 'Spremeni odgovore',
  closedTitle: 'Vaši odgovori so shranjeni',
  closedBody: 'Hvala. Rok za spremembe je potekel, zato odgovori ostanejo takšni, kot so.',
  expiredTitle: 'Ta anketa je zaprta',
  expiredBody: 'Povezava je potekla, zato odgovorov ni več mogoče oddati. Vseeno hvala za vaš čas.',
  notFoundTitle: 'Povezave ni mogoče najti',
  notFoundBody:
    'Za to povezavo nismo našli ankete. Odprite celotno povezavo iz e-pošte: morda je bil del odrezan.',
  tooManyTitle: 'Preveč zahtev',
  tooManyBody: 'Počakajte minuto in poskusite znova.',
  errorTitle: 'Nekaj je šlo narobe',
  errorBody: 'Poskusite znova malo pozneje.',
  stopSurveys: 'Ne pošiljajte mi anket',
  unsubscribeTitle: 'Se želite odjaviti od anket?',
  unsubscribeBody: (email) =>
    email ? `Na naslov ${email} ne bomo več pošiljali anket.` : 'Na ta naslov ne bomo več pošiljali anket.',
  unsubscribeButton: 'Odjavi me',
  unsubscribedTitle: 'Odjavljeni ste',
  unsubscribedBody: (email) =>
    email ? `Na naslov ${email} ne pošiljamo več anket.` : 'Na ta naslov ne pošiljamo več anket.',
};

const ru: PageStrings = {
  surveyTitle: 'Ваш отзыв',
  surveyIntro:
    'Спасибо, что обратились к нам. Ваши ответы сразу попадают в нашу службу поддержки и помогают нам стать лучше.',
  optional: 'необязательно',
  yes: 'Да',
  no: 'Нет',
  chooseAll: 'Выберите все подходящие варианты.',
  send: 'Отправить',
  ratingSaved: 'Спасибо — ваша оценка сохранена. Ниже вы можете добавить что-нибудь ещё.',
  ratingNotSaved: 'Пока не удалось сохранить оценку. Нажмите «Отправить» ниже.',
  moreQuestions: 'Спасибо — ваша оценка сохранена. Расскажете нам немного подробнее?',
  errorSummary: 'Проверьте отмеченные ниже ответы.',
  problems: {
    required: 'Ответьте, пожалуйста, на этот вопрос.',
    out_of_range: 'Выберите одно из предложенных значений.',
    unknown_option: 'Выберите один из предложенных вариантов.',
    wrong_type: 'Не удалось прочитать этот ответ. Ответьте ещё раз.',
    too_long: 'Текст слишком длинный. Сократите его до 5000 символов.',
    unknown_question: 'Этого вопроса нет в опросе.',
  },
  npsLow: 'Совсем маловероятно',
  npsHigh: 'Очень вероятно',
  cesLow: 'Полное несогласие',
  cesHigh: 'Полное согласие',
  dateTime: LONG_DATE,
  answeredNote: (until) => `Вы уже ответили. Изменить ответы можно до ${until}.`,
  changeUntil: (until) => `Изменить ответы можно до ${until}.`,
  thanksTitle: 'Спасибо!',
  thanksBody: 'Ваши ответы сохранены. Они помогают нам обслуживать вас лучше.',
  changeAnswers: 'Изменить ответы',
  closedTitle: 'Ваши ответы сохранены',
  closedBody: 'Спасибо. Срок для изменений истёк, поэтому ответы останутся без изменений.',
  expiredTitle: 'Этот опрос завершён',
  expiredBody: 'Срок действия ссылки истёк, поэтому ответить уже нельзя. Всё равно спасибо за ваше время.',
  notFoundTitle: 'Ссылка не найдена',
  notFoundBody:
    'Мы не нашли опрос по этой ссылке. Откройте ссылку из письма целиком: возможно, её часть потерялась.',
  tooManyTitle: 'Слишком много запросов',
  tooManyBody: 'Подождите минуту и попробуйте снова.',
  errorTitle: 'Что-то пошло не так',
  errorBody: 'Попробуйте ещё раз чуть позже.',
  stopSurveys: 'Не присылать мне опросы',
  unsubscribeTitle: 'Отписаться от опросов?',
  unsubscribeBody: (email) =>
    email
      ? `Мы перестанем отправлять опросы на адрес ${email}.`
      : 'Мы перестанем отправлять опросы на этот адрес.',
  unsubscribeButton: 'Отписаться',
  unsubscribedTitle: 'Вы отписались',
  unsubscribedBody: (email) =>
    email
      ? `Мы больше не будем отправлять опросы на адрес ${email}.`
      : 'Мы больше не будем отправлять опросы на этот адрес.',
};

/**
 * The page texts of each supported language.
 *
 * @example
 * STRINGS.sr.send // 'Пошаљи'
 * STRINGS.en.changeUntil('Mar 2, 2026, 16:00 CET') // 'You can change your answers until Mar 2, 2026, 16:00 CET.'
 */
export const STRINGS: Record<Locale, PageStrings> = { en, sr, hr, sl, ru };
