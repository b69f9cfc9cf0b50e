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
