import type { SurveyTemplate } from './survey-builder';
import type { LocalizedText, Question, SurveyDefinition } from './surveys';

const t = (en: string, sr: string, hr: string, sl: string, ru: string): LocalizedText => ({
  en,
  sr,
  hr,
  sl,
  ru,
});

/** Shown when the customer is unhappy or the problem is not solved — the follow-up questions. */
const unhappy = {
  match: 'any',
  clauses: [
    { questionId: 'rating', op: 'lte', value: 3 },
    { questionId: 'resolved', op: 'eq', value: false },
  ],
} satisfies Question['showIf'];

const questions: Question[] = [
  {
    id: 'rating',
    type: 'rating',
    metric: 'csat',
    required: true,
    text: t(
      'How satisfied are you with the help you received?',
      'Колико сте задовољни помоћи коју сте добили?',
      'Koliko ste zadovoljni pomoći koju ste dobili?',
      'Kako zadovoljni ste s pomočjo, ki ste jo prejeli?',
      'Насколько вы довольны полученной помощью?',
    ),
    scaleLabels: [
      t('Very poor', 'Веома лоше', 'Vrlo loše', 'Zelo slabo', 'Очень плохо'),
      t('Poor', 'Лоше', 'Loše', 'Slabo', 'Плохо'),
      t('Okay', 'Осредње', 'Osrednje', 'Srednje', 'Средне'),
      t('Good', 'Добро', 'Dobro', 'Dobro', 'Хорошо'),
      t('Excellent', 'Одлично', 'Odlično', 'Odlično', 'Отлично'),
    ],
  },
  {
    id: 'resolved',
    type: 'yes_no',
    metric: 'resolved',
    required: true,
    text: t(
      'Was your problem resolved?',
      'Да ли је ваш проблем решен?',
      'Je li vaš problem riješen?',
      'Ali je bila vaša težava rešena?',
      'Ваша проблема решена?',
    ),
  },
  {
    id: 'reasons',
    type: 'multi_choice',
    metric: 'reasons',
    required: false,
    showIf: unhappy,
    text: t(
      'What went wrong?',
      'Шта није било добро?',
      'Što nije bilo dobro?',
      'Kaj ni bilo v redu?',
      'Что пошло не так?',
    ),
    options: [
      {
        code: 'took_too_long',
        label: t(
          'It took too long',
          'Трајало је предуго',
          'Trajalo je predugo',
          'Trajalo je predolgo',
          'Это заняло слишком много времени',
        ),
      },
      {
        code: 'not_resolved',
        label: t(
          'My problem was not resolved',
          'Проблем није решен',
          'Problem nije riješen',
          'Težava ni bila rešena',
          'Проблема не решена',
        ),
      },
      {
        code: 'not_understood',
        label: t(
          'I was not understood',
          'Нису ме разумели',
          'Nisu me razumjeli',
          'Niso me razumeli',
          'Меня не поняли',
        ),
      },
      {
        code: 'wrong_information',
        label: t(
          'Wrong or unclear information',
          'Погрешне или нејасне информације',
          'Pogrešne ili nejasne informacije',
          'Napačne ali nejasne informacije',
          'Неверная или непонятная информация',
        ),
      },
      {
        code: 'unfriendly',
        label: t('Unfriendly', 'Нељубазност', 'Neljubaznost', 'Neprijaznost', 'Недружелюбное отношение'),
      },
      {
        code: 'repeated_myself',
        label: t(
          'I had to repeat myself',
          'Исто је требало објашњавати више пута',
          'Isto je trebalo objašnjavati više puta',
          'Isto je bilo treba razlagati večkrat',
          'Пришлось повторять одно и то же',
        ),
      },
      {
        code: 'not_informed',
        label: t(
          'I was not kept informed',
          'Нису ме обавештавали о току',
          'Nisu me obavještavali o tijeku',
          'Niso me obveščali o poteku',
          'Меня не держали в курсе',
        ),
      },
      { code: 'other', label: t('Other', 'Друго', 'Drugo', 'Drugo', 'Другое') },
    ],
  },
  {
    id: 'callback',
    type: 'yes_no',
    metric: 'callback',
    required: false,
    showIf: unhappy,
    text: t(
      'Would you like us to contact you?',
      'Да ли желите да вас контактирамо?',
      'Želite li da vas kontaktiramo?',
      'Ali želite, da vas kontaktiramo?',
      'Хотите, чтобы мы с вами связались?',
    ),
  },
  {
    id: 'comment',
    type: 'text',
    metric: 'comment',
    required: false,
    text: t(
      'Anything else you would like to tell us?',
      'Да ли желите још нешто да нам поручите?',
      'Želite li nam još nešto poručiti?',
      'Bi nam radi sporočili še kaj?',
      'Хотите что-нибудь добавить?',
    ),
  },
];

/**
 * The post-ticket CSAT survey every organisation starts with: rating, resolved, and — when the
 * customer is unhappy or the problem is not solved — what went wrong and whether to call back.
 */
export const DEFAULT_SURVEY_NAME = 'Post-ticket satisfaction';
export const DEFAULT_SURVEY_DEFINITION: SurveyDefinition = {
  defaultLocale: 'en',
  locales: ['en', 'sr', 'hr', 'sl', 'ru'],
  questions,
};

const ALL_LOCALES: SurveyDefinition['locales'] = ['en', 'sr', 'hr', 'sl', 'ru'];

/** Finds a question of the default survey, so templates reuse its wording word for word. */
function defaultQuestion(id: string): Question {
  const q = questions.find((x) => x.id === id);
  if (!q) throw new Error(`the default survey has no question ${id}`);
  return q;
}

/** The five points of agreement with a statement, worst to best. */
const agreement = [
  t(
    'Strongly disagree',
    'Уопште се не слажем',
    'Uopće se ne slažem',
    'Sploh se ne strinjam',
    'Совершенно не согласен',
  ),
  t('Disagree', 'Не слажем се', 'Ne slažem se', 'Ne strinjam se', 'Не согласен'),
  t(
    'Neither agree nor disagree',
    'Нити се слажем, нити се не слажем',
    'Niti se slažem, niti se ne slažem',
    'Niti se strinjam, niti se ne strinjam',
    'Нейтрально',
  ),
  t('Agree', 'Слажем се', 'Slažem se', 'Strinjam se', 'Согласен'),
  t(
    'Strongly agree',
    'Потпуно се слажем',
    'Potpuno se slažem',
    'Popolnoma se strinjam',
    'Полностью согласен',
  ),
];
const [stronglyDisagree, , , , stronglyAgree] = agreement as [
  LocalizedText,
  LocalizedText,
  LocalizedText,
  LocalizedText,
  LocalizedText,
];

const ces: SurveyDefinition = {
  defaultLocale: 'en',
  locales: ALL_LOCALES,
  questions: [
    {
      id: 'effort',
      type: 'ces',
      metric: 'ces',
      required: true,
      text: t(
        'The company made it easy for me to handle my issue.',
        'Компанија ми је олакшала решавање мог проблема.',
        'Tvrtka mi je olakšala rješavanje mog problema.',
        'Podjetje mi je olajšalo reševanje moje težave.',
        'Компания упростила для меня решение моего вопроса.',
      ),
      scaleLabels: [stronglyDisagree, stronglyAgree],
    },
    {
      id: 'comment',
      type: 'text',
      metric: 'comment',
      required: false,
      text: t(
        'What could we have made easier for you?',
        'Шта смо могли да вам олакшамо?',
        'Što smo vam mogli olakšati?',
        'Kaj bi vam lahko olajšali?',
        'Что мы могли бы сделать для вас проще?',
      ),
    },
  ],
};

const nps: SurveyDefinition = {
  defaultLocale: 'en',
  locales: ALL_LOCALES,
  questions: [
    {
      id: 'recommend',
      type: 'nps',
      metric: 'nps',
      required: true,
      text: t(
        'How likely are you to recommend us to a friend or colleague?',
        'Колико је вероватно да бисте нас препоручили пријатељу или колеги?',
        'Koliko je vjerojatno da biste nas preporučili prijatelju ili kolegi?',
        'Kako verjetno je, da bi nas priporočili prijatelju ali sodelavcu?',
        'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
      ),
      scaleLabels: [
        t(
          'Not at all likely',
          'Нимало вероватно',
          'Nimalo vjerojatno',
          'Sploh ni verjetno',
          'Крайне маловероятно',
        ),
        t('Extremely likely', 'Врло вероватно', 'Vrlo vjerojatno', 'Zelo verjetno', 'Очень вероятно'),
      ],
    },
    {
      id: 'why',
      type: 'text',
      metric: 'comment',
      required: false,
      text: t(
        'What is the main reason for your score?',
        'Који је главни разлог за вашу оцену?',
        'Koji je glavni razlog vaše ocjene?',
        'Kaj je glavni razlog za vašo oceno?',
        'Какова главная причина вашей оценки?',
      ),
    },
  ],
};

/**
 * One statement per service principle, answered 1–5 from "strongly disagree" to "strongly agree".
 * They carry no metric (only one question may feed csat): they are the key drivers that reports
 * correlate with the overall rating.
 */
const principles: { id: string; text: LocalizedText }[] = [
  {
    id: 'courteous',
    text: t(
      'The support team was courteous.',
      'Тим подршке је био љубазан.',
      'Tim podrške bio je ljubazan.',
      'Ekipa podpore je bila vljudna.',
      'Сотрудники поддержки были вежливы.',
    ),
  },
  {
    id: 'listened',
    text: t(
      'The support team listened and understood my problem.',
      'Тим подршке ме је саслушао и разумео мој проблем.',
      'Tim podrške saslušao me i razumio moj problem.',
      'Ekipa podpore mi je prisluhnila in razumela mojo težavo.',
      'Сотрудники поддержки выслушали меня и поняли мою проблему.',
    ),
  },
  {
    id: 'accurate',
    text: t(
      'The support team gave me accurate information.',
      'Тим подршке ми је дао тачне информације.',
      'Tim podrške dao mi je točne informacije.',
      'Ekipa podpore mi je dala točne informacije.',
      'Сотрудники поддержки дали мне точную информацию.',
    ),
  },
  {
    id: 'expectations',
    text: t(
      'The support team set realistic expectations for the timeline.',
      'Тим подршке ми је реално рекао колико ће решавање трајати.',
      'Tim podrške realno mi je rekao koliko će rješavanje trajati.',
      'Ekipa podpore mi je realno povedala, koliko časa bo trajalo reševanje.',
      'Сотрудники поддержки назвали реалистичные сроки решения.',
    ),
  },
  {
    id: 'informed',
    text: t(
      'The support team kept me informed.',
      'Тим подршке ме је обавештавао о току решавања.',
      'Tim podrške obavještavao me o tijeku rješavanja.',
      'Ekipa podpore me je sproti obveščala o poteku reševanja.',
      'Сотрудники поддержки держали меня в курсе.',
    ),
  },
  {
    id: 'solved',
    text: t(
      'The support team made sure my problem was actually solved.',
      'Тим подршке се уверио да је мој проблем заиста решен.',
      'Tim podrške uvjerio se da je moj problem zaista riješen.',
      'Ekipa podpore se je prepričala, da je moja težava res rešena.',
      'Сотрудники поддержки убедились, что моя проблема действительно решена.',
    ),
  },
  {
    id: 'ownership',
    text: t(
      'The support team took ownership instead of passing me around.',
      'Тим подршке је преузео одговорност уместо да ме шаље од једног до другог.',
      'Tim podrške preuzeo je odgovornost umjesto da me šalje od jednoga do drugoga.',
      'Ekipa podpore je prevzela odgovornost, namesto da bi me pošiljala od enega do drugega.',
      'Сотрудники поддержки взяли решение на себя, а не отправляли меня от одного к другому.',
    ),
  },
  {
    id: 'prevention',
    text: t(
      'The support team offered alternatives or tips to prevent the problem.',
      'Тим подршке ми је понудио алтернативе или савете како да се проблем не понови.',
      'Tim podrške ponudio mi je alternative ili savjete kako da se problem ne ponovi.',
      'Ekipa podpore mi je ponudila druge možnosti ali nasvete, kako preprečiti ponovitev težave.',
      'Сотрудники поддержки предложили альтернативы или советы, как избежать проблемы в будущем.',
    ),
  },
];

/**
 * Overall satisfaction comes first: the email's one-click links answer it, so the headline metric
 * gets the one-click response rate, and it is asked before the details, so the statements do not
 * colour it (which would flatter the key-driver correlation). The statements are optional: eight
 * required ratings after a one-click answer would cost more answers than they add.
 */
const servicePrinciples: SurveyDefinition = {
  defaultLocale: 'en',
  locales: ALL_LOCALES,
  questions: [
    defaultQuestion('rating'),
    defaultQuestion('resolved'),
    ...principles.map((p): Question => ({
      id: p.id,
      type: 'rating',
      required: false,
      text: p.text,
      scaleLabels: agreement,
    })),
    defaultQuestion('comment'),
  ],
};

/** A survey needs a question; the default survey's rating is the one a new survey most likely keeps. */
const blank: SurveyDefinition = {
  defaultLocale: 'en',
  locales: ALL_LOCALES,
  questions: [defaultQuestion('rating')],
};

/**
 * What a new survey's draft starts as, per template, every text in all five languages. Treat as
 * read-only: copy before changing (the API stores a copy).
 */
export const SURVEY_TEMPLATE_DEFINITIONS: Record<SurveyTemplate, SurveyDefinition> = {
  csat: DEFAULT_SURVEY_DEFINITION,
  ces,
  nps,
  service_principles: servicePrinciples,
  blank,
};

/** The builder's names for the templates (admin text, English). */
export const SURVEY_TEMPLATE_INFO: Record<SurveyTemplate, { name: string; description: string }> = {
  csat: {
    name: 'Post-ticket satisfaction (CSAT)',
    description:
      'A 1–5 rating, whether the problem was resolved, and — for unhappy customers — what went wrong and a callback offer.',
  },
  ces: {
    name: 'Customer effort (CES)',
    description:
      '“The company made it easy for me to handle my issue”, 1–7 agreement, and an optional comment.',
  },
  nps: {
    name: 'Net Promoter Score (NPS)',
    description: 'How likely the customer is to recommend you, 0–10, and why.',
  },
  service_principles: {
    name: 'Service principles',
    description:
      'Overall satisfaction, resolved, then 1–5 agreement with eight service principles (courteous, listened, accurate, realistic timeline, kept informed, solved, ownership, prevention) and a comment.',
  },
  blank: {
    name: 'Blank',
    description: 'A single satisfaction rating to build on.',
  },
};
