import type { Locale } from './names';

/**
 * Comments customers leave with their rating, in each demo locale (Serbian in Cyrillic, as the
 * survey shows it). Positive ones go with ratings of 4–5, negative ones with 1–3.
 */
export const COMMENTS: Readonly<
  Record<Locale, { positive: readonly string[]; negative: readonly string[] }>
> = {
  en: {
    positive: [
      'Quick and friendly, thank you!',
      'Solved on the first reply. Great job.',
      'Very clear explanation, everything works now.',
      'Thanks for the patience with all my questions.',
      'Faster than I expected, much appreciated.',
      'The agent went the extra mile for us.',
      'Easy to follow instructions, problem gone.',
      'Excellent service as always.',
    ],
    negative: [
      'It took almost a week to get an answer.',
      'I had to explain the same thing three times.',
      'The problem is still there.',
      'Nobody told me the ticket was closed.',
      'The answer did not match my question.',
      'Felt like a copy-paste reply.',
      'I was promised a call back that never came.',
      'Still waiting for the refund.',
    ],
  },
  sr: {
    positive: [
      'Брзо и љубазно, хвала!',
      'Проблем решен из првог одговора.',
      'Врло јасно објашњење, сада све ради.',
      'Хвала на стрпљењу са мојим питањима.',
      'Брже него што сам очекивао.',
      'Агент се заиста потрудио.',
      'Упутства су била лака за праћење.',
      'Одлична услуга као и увек.',
    ],
    negative: [
      'На одговор сам чекао скоро недељу дана.',
      'Морао сам исто да објашњавам три пута.',
      'Проблем и даље постоји.',
      'Нико ми није јавио да је захтев затворен.',
      'Одговор није имао везе са мојим питањем.',
      'Деловало је као шаблонски одговор.',
      'Обећали су да ће ме позвати, али нису.',
      'Још увек чекам повраћај новца.',
    ],
  },
  hr: {
    positive: [
      'Brzo i ljubazno, hvala!',
      'Riješeno već u prvom odgovoru.',
      'Jasno objašnjenje, sad sve radi.',
      'Hvala na strpljenju s mojim pitanjima.',
      'Brže nego što sam očekivala.',
      'Agent se stvarno potrudio.',
      'Upute su bile jednostavne za pratiti.',
      'Odlična usluga kao i uvijek.',
    ],
    negative: [
      'Na odgovor sam čekao gotovo tjedan dana.',
      'Isto sam morao objašnjavati tri puta.',
      'Problem još uvijek postoji.',
      'Nitko mi nije javio da je zahtjev zatvoren.',
      'Odgovor nije imao veze s mojim pitanjem.',
      'Djelovalo je kao automatski odgovor.',
      'Obećali su da će me nazvati, ali nisu.',
      'Još uvijek čekam povrat novca.',
    ],
  },
  sl: {
    positive: [
      'Hitro in prijazno, hvala!',
      'Rešeno že v prvem odgovoru.',
      'Zelo jasna razlaga, zdaj vse deluje.',
      'Hvala za potrpežljivost z mojimi vprašanji.',
      'Hitreje, kot sem pričakoval.',
      'Agentka se je res potrudila.',
      'Navodila so bila preprosta.',
      'Odlična storitev kot vedno.',
    ],
    negative: [
      'Na odgovor sem čakal skoraj teden dni.',
      'Isto stvar sem moral razložiti trikrat.',
      'Težava je še vedno prisotna.',
      'Nihče mi ni sporočil, da je zahtevek zaprt.',
      'Odgovor se ni nanašal na moje vprašanje.',
      'Zdelo se je kot vnaprej pripravljen odgovor.',
      'Obljubili so klic, ki ga ni bilo.',
      'Še vedno čakam na vračilo denarja.',
    ],
  },
  ru: {
    positive: [
      'Быстро и вежливо, спасибо!',
      'Решили с первого ответа.',
      'Очень понятное объяснение, всё работает.',
      'Спасибо за терпение к моим вопросам.',
      'Быстрее, чем я ожидал.',
      'Сотрудник действительно постарался.',
      'Инструкции были простыми и понятными.',
      'Отличный сервис, как всегда.',
    ],
    negative: [
      'Ответа ждал почти неделю.',
      'Пришлось объяснять одно и то же три раза.',
      'Проблема так и не решена.',
      'Никто не сообщил, что заявку закрыли.',
      'Ответ не имел отношения к моему вопросу.',
      'Похоже на шаблонную отписку.',
      'Обещали перезвонить, но так и не позвонили.',
      'До сих пор жду возврат денег.',
    ],
  },
};

/** What a team lead writes when closing a follow-up. */
export const FOLLOW_UP_NOTES: readonly string[] = [
  'Called the customer, apologised and explained the delay.',
  'Reopened the ticket and fixed the remaining issue.',
  'Refund issued; customer confirmed by email.',
  'Coached the agent on the reply; customer satisfied now.',
  'Customer could not be reached after two attempts; left a voicemail.',
  'Explained the workaround again; customer happy with it.',
  'Escalated to engineering, customer informed of the timeline.',
  'Misunderstanding about the plan; clarified on a call.',
];
