import type { KeyResultStatus, Locale, TILE_METRICS } from '@rapport/contracts';

type TileMetric = (typeof TILE_METRICS)[number];

/**
 * Every text of the weekly digest email. One record per language, typed, so a missing key in any
 * language fails the type check. Plain text: the renderer escapes it for HTML. Figures and dates
 * arrive already formatted for the language (mail/digest-format.ts); counts stand in parentheses
 * or after a colon, so no sentence needs a plural form.
 */
export interface DigestStrings {
  /** The BCP 47 tag numbers and dates are formatted with (Serbian in Cyrillic). */
  intl: string;
  dir: 'ltr' | 'rtl';
  /** The digest's name, at the top of the email and at the start of the subject (while the organisation has no name). */
  title: string;
  /** The digest's name with the organisation's, starting with `title`: `Rapport weekly for Acme Support`. */
  titleFor: (organisation: string) => string;
  /** After `title` or `titleFor(…)`: `Rapport weekly for Acme Support: CSAT 91.2% (+1.4 pts) — week of 23 Nov`. */
  subject: (title: string, headline: string | null, weekOf: string) => string;
  /** The inbox preview line (hidden in the body). */
  preheader: string;
  greeting: (name: string) => string;
  /** The period reported on and the one it is compared with, both already formatted. */
  intro: (period: string, previous: string) => string;
  headlineHeading: string;
  metrics: Record<TileMetric, string>;
  columnMetric: string;
  columnValue: string;
  columnInterval: string;
  columnChange: string;
  /** Percentage points, after a formatted number: `+1.4 pts`. */
  points: (value: string) => string;
  significant: string;
  notSignificant: string;
  /** The metric has no significance test (CES, audit score). */
  notTested: string;
  /** No data in one of the two weeks. */
  noComparison: string;
  noData: string;
  smallSample: string;
  /** Explains the marks under the headline table. */
  legend: string;
  moversHeading: string;
  moversIntro: string;
  team: string;
  agent: string;
  columnWho: string;
  columnBefore: string;
  noMovers: string;
  objectivesHeading: (quarter: string) => string;
  /** A quarter, e.g. `Q4 2026`. */
  quarter: (quarter: number, year: number) => string;
  columnObjective: string;
  columnProgress: string;
  columnStatus: string;
  status: Record<KeyResultStatus, string>;
  noStatus: string;
  wholeOrganisation: string;
  noObjectives: string;
  followUpsHeading: (count: string) => string;
  actionsHeading: (count: string) => string;
  longestOverdueFirst: string;
  columnTicket: string;
  columnAction: string;
  columnTeam: string;
  columnOwner: string;
  columnDue: string;
  unassigned: string;
  noOverdueFollowUps: string;
  noOverdueActions: string;
  openDashboard: string;
  openObjectives: string;
  openFollowUps: string;
  openActions: string;
  whyReceived: string;
}

const en: DigestStrings = {
  intl: 'en-GB',
  dir: 'ltr',
  title: 'Rapport weekly',
  titleFor: (organisation) => `Rapport weekly for ${organisation}`,
  subject: (title, headline, weekOf) =>
    headline ? `${title}: ${headline} — week of ${weekOf}` : `${title} — week of ${weekOf}`,
  preheader: 'Your customers’ satisfaction this week, what moved, goals and what is overdue.',
  greeting: (name) => `Hello ${name},`,
  intro: (period, previous) =>
    `Here is how ${period} went for your customers, compared with the seven days before (${previous}).`,
  headlineHeading: 'Headline figures',
  metrics: {
    csat: 'CSAT',
    nps: 'NPS',
    ces: 'Customer effort (CES)',
    resolution_rate: 'Resolution rate',
    response_rate: 'Response rate',
    follow_ups_in_time: 'Follow-ups closed in time',
    audit_score: 'Latest audit score',
  },
  columnMetric: 'Metric',
  columnValue: 'Value',
  columnInterval: '95% interval',
  columnChange: 'Change',
  points: (value) => `${value} pts`,
  significant: 'significant',
  notSignificant: 'not significant',
  notTested: 'not tested',
  noComparison: 'nothing to compare',
  noData: 'no data',
  smallSample: 'small sample',
  legend:
    'n is the number of answers behind a figure. Only significant changes (95%) are coloured; a small sample (n < 30) is marked and never ranked.',
  moversHeading: 'Biggest movers in CSAT',
  moversIntro: 'Teams, and agents with at least 30 answers in both weeks; significant changes first.',
  team: 'Team',
  agent: 'Agent',
  columnWho: 'Team or agent',
  columnBefore: 'Week before',
  noMovers: 'No team or agent has answers in both weeks to compare.',
  objectivesHeading: (quarter) => `Objectives for ${quarter}`,
  quarter: (q, year) => `Q${q} ${year}`,
  columnObjective: 'Objective',
  columnProgress: 'Progress',
  columnStatus: 'Status',
  status: { achieved: 'Achieved', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
  noStatus: 'No data yet',
  wholeOrganisation: 'Whole organisation',
  noObjectives: 'No objectives have been set for this quarter.',
  followUpsHeading: (count) => `Overdue follow-ups: ${count}`,
  actionsHeading: (count) => `Overdue corrective actions: ${count}`,
  longestOverdueFirst: 'Longest overdue first:',
  columnTicket: 'Ticket',
  columnAction: 'Action',
  columnTeam: 'Team',
  columnOwner: 'Owner',
  columnDue: 'Due',
  unassigned: 'Unassigned',
  noOverdueFollowUps: 'No follow-up is overdue.',
  noOverdueActions: 'No corrective action is overdue.',
  openDashboard: 'Open the dashboard',
  openObjectives: 'Open the objectives',
  openFollowUps: 'Open the follow-ups',
  openActions: 'Open the action board',
  whyReceived:
    'You receive this weekly digest as one of its recipients in Rapport. An admin can change who receives it, and when, under Settings → Weekly digest.',
};

const sr: DigestStrings = {
  intl: 'sr-Cyrl-RS',
  dir: 'ltr',
  title: 'Rapport – недељни преглед',
  titleFor: (organisation) => `Rapport – недељни преглед за ${organisation}`,
  subject: (title, headline, weekOf) =>
    headline ? `${title}: ${headline} — недеља од ${weekOf}` : `${title} — недеља од ${weekOf}`,
  preheader: 'Задовољство ваших корисника ове недеље, шта се променило, циљеви и шта касни.',
  greeting: (name) => `Добар дан, ${name},`,
  intro: (period, previous) =>
    `Ево како је било вашим корисницима у периоду ${period}, у поређењу са седам дана пре тога (${previous}).`,
  headlineHeading: 'Главни показатељи',
  metrics: {
    csat: 'CSAT (задовољство)',
    nps: 'NPS',
    ces: 'Уложени труд (CES)',
    resolution_rate: 'Удео решених захтева',
    response_rate: 'Удео одговора на анкету',
    follow_ups_in_time: 'Повратни контакти затворени на време',
    audit_score: 'Последња оцена провере квалитета',
  },
  columnMetric: 'Показатељ',
  columnValue: 'Вредност',
  columnInterval: 'Интервал од 95%',
  columnChange: 'Промена',
  points: (value) => `${value} п. п.`,
  significant: 'значајна',
  notSignificant: 'није значајна',
  notTested: 'није тестирана',
  noComparison: 'нема поређења',
  noData: 'нема података',
  smallSample: 'мали узорак',
  legend:
    'n је број одговора на којима се вредност заснива. Обојене су само значајне промене (95%); мали узорак (n < 30) је означен и не рангира се.',
  moversHeading: 'Највеће промене CSAT-а',
  moversIntro: 'Тимови, и агенти са најмање 30 одговора у обе недеље; прво значајне промене.',
  team: 'Тим',
  agent: 'Агент',
  columnWho: 'Тим или агент',
  columnBefore: 'Недеља пре',
  noMovers: 'Ниједан тим ни агент нема одговоре у обе недеље за поређење.',
  objectivesHeading: (quarter) => `Циљеви за ${quarter}`,
  quarter: (q, year) => `${q}. тромесечје ${year}.`,
  columnObjective: 'Циљ',
  columnProgress: 'Напредак',
  columnStatus: 'Стање',
  status: { achieved: 'Остварен', on_track: 'По плану', at_risk: 'Угрожен', off_track: 'Заостаје' },
  noStatus: 'Још нема података',
  wholeOrganisation: 'Цела организација',
  noObjectives: 'За ово тромесечје нису постављени циљеви.',
  followUpsHeading: (count) => `Повратни контакти који касне: ${count}`,
  actionsHeading: (count) => `Корективне мере које касне: ${count}`,
  longestOverdueFirst: 'Прво они који најдуже касне:',
  columnTicket: 'Захтев',
  columnAction: 'Мера',
  columnTeam: 'Тим',
  columnOwner: 'Одговорна особа',
  columnDue: 'Рок',
  unassigned: 'Није додељено',
  noOverdueFollowUps: 'Ниједан повратни контакт не касни.',
  noOverdueActions: 'Ниједна корективна мера не касни.',
  openDashboard: 'Отворите контролну таблу',
  openObjectives: 'Отворите циљеве',
  openFollowUps: 'Отворите повратне контакте',
  openActions: 'Отворите корективне мере',
  whyReceived:
    'Овај недељни преглед добијате као један од његових прималаца у Rapport-у. Администратор може да промени ко га добија и када, у одељку Settings → Weekly digest.',
};

const hr: DigestStrings = {
  intl: 'hr-HR',
  dir: 'ltr',
  title: 'Rapport – tjedni pregled',
  titleFor: (organisation) => `Rapport – tjedni pregled za ${organisation}`,
  subject: (title, headline, weekOf) =>
    headline ? `${title}: ${headline} — tjedan od ${weekOf}` : `${title} — tjedan od ${weekOf}`,
  preheader: 'Zadovoljstvo vaših korisnika ovaj tjedan, što se promijenilo, ciljevi i što kasni.',
  greeting: (name) => `Dobar dan, ${name},`,
  intro: (period, previous) =>
    `Evo kako je bilo vašim korisnicima u razdoblju ${period}, u usporedbi sa sedam dana prije toga (${previous}).`,
  headlineHeading: 'Glavni pokazatelji',
  metrics: {
    csat: 'CSAT (zadovoljstvo)',
    nps: 'NPS',
    ces: 'Uloženi trud (CES)',
    resolution_rate: 'Udio riješenih zahtjeva',
    response_rate: 'Udio odgovora na anketu',
    follow_ups_in_time: 'Povratni kontakti zatvoreni na vrijeme',
    audit_score: 'Posljednja ocjena provjere kvalitete',
  },
  columnMetric: 'Pokazatelj',
  columnValue: 'Vrijednost',
  columnInterval: 'Interval od 95 %',
  columnChange: 'Promjena',
  points: (value) => `${value} p. b.`,
  significant: 'značajna',
  notSignificant: 'nije značajna',
  notTested: 'nije testirana',
  noComparison: 'nema usporedbe',
  noData: 'nema podataka',
  smallSample: 'mali uzorak',
  legend:
    'n je broj odgovora na kojima se vrijednost temelji. Obojene su samo značajne promjene (95 %); mali uzorak (n < 30) je označen i ne rangira se.',
  moversHeading: 'Najveće promjene CSAT-a',
  moversIntro: 'Timovi, i agenti s najmanje 30 odgovora u oba tjedna; najprije značajne promjene.',
  team: 'Tim',
  agent: 'Agent',
  columnWho: 'Tim ili agent',
  columnBefore: 'Tjedan prije',
  noMovers: 'Nijedan tim ni agent nema odgovore u oba tjedna za usporedbu.',
  objectivesHeading: (quarter) => `Ciljevi za ${quarter}`,
  quarter: (q, year) => `${q}. tromjesečje ${year}.`,
  columnObjective: 'Cilj',
  columnProgress: 'Napredak',
  columnStatus: 'Stanje',
  status: { achieved: 'Ostvaren', on_track: 'Prema planu', at_risk: 'Ugrožen', off_track: 'Zaostaje' },
  noStatus: 'Još nema podataka',
  wholeOrganisation: 'Cijela organizacija',
  noObjectives: 'Za ovo tromjesečje nisu postavljeni ciljevi.',
  followUpsHeading: (count) => `Povratni kontakti koji kasne: ${count}`,
  actionsHeading: (count) => `Korektivne mjere koje kasne: ${count}`,
  longestOverdueFirst: 'Najprije oni koji najdulje kasne:',
  columnTicket: 'Zahtjev',
  columnAction: 'Mjera',
  columnTeam: 'Tim',
  columnOwner: 'Odgovorna osoba',
  columnDue: 'Rok',
  unassigned: 'Nije dodijeljeno',
  noOverdueFollowUps: 'Nijedan povratni kontakt ne kasni.',
  noOverdueActions: 'Nijedna korektivna mjera ne kasni.',
  openDashboard: 'Otvorite nadzornu ploču',
  openObjectives: 'Otvorite ciljeve',
  openFollowUps: 'Otvorite povratne kontakte',
  openActions: 'Otvorite korektivne mjere',
  whyReceived:
    'Ovaj tjedni pregled primate kao jedan od njegovih primatelja u Rapportu. Administrator može promijeniti tko ga prima i kada, u odjeljku Settings → Weekly digest.',
};

const sl: DigestStrings = {
  intl: 'sl-SI',
  dir: 'ltr',
  title: 'Rapport – tedenski pregled',
  titleFor: (organisation) => `Rapport – tedenski pregled za ${organisation}`,
  subject: (title, headline, weekOf) =>
    headline ? `${title}: ${headline} — teden od ${weekOf}` : `${title} — teden od ${weekOf}`,
  preheader: 'Zadovoljstvo vaših strank ta teden, kaj se je spremenilo, cilji in kaj zamuja.',
  greeting: (name) => `Dober dan, ${name},`,
  intro: (period, previous) =>
    `Tako je bilo z vašimi strankami v obdobju ${period}, v primerjavi s sedmimi dnevi pred tem (${previous}).`,
  headlineHeading: 'Glavni kazalniki',
  metrics: {
    csat: 'CSAT (zadovoljstvo)',
    nps: 'NPS',
    ces: 'Vloženi trud (CES)',
    resolution_rate: 'Delež rešenih zahtev',
    response_rate: 'Delež odgovorov na anketo',
    follow_ups_in_time: 'Povratni stiki, zaključeni pravočasno',
    audit_score: 'Zadnja ocena presoje kakovosti',
  },
  columnMetric: 'Kazalnik',
  columnValue: 'Vrednost',
  columnInterval: '95-odstotni interval',
  columnChange: 'Sprememba',
  points: (value) => `${value} o. t.`,
  significant: 'značilna',
  notSignificant: 'ni značilna',
  notTested: 'ni preizkušena',
  noComparison: 'ni primerjave',
  noData: 'ni podatkov',
  smallSample: 'majhen vzorec',
  legend:
    'n je število odgovorov, na katerih temelji vrednost. Obarvane so le značilne spremembe (95 %); majhen vzorec (n < 30) je označen in ni razvrščen.',
  moversHeading: 'Največje spremembe CSAT',
  moversIntro: 'Ekipe ter agenti z vsaj 30 odgovori v obeh tednih; najprej značilne spremembe.',
  team: 'Ekipa',
  agent: 'Agent',
  columnWho: 'Ekipa ali agent',
  columnBefore: 'Teden prej',
  noMovers: 'Nobena ekipa in noben agent nima odgovorov v obeh tednih za primerjavo.',
  objectivesHeading: (quarter) => `Cilji za ${quarter}`,
  quarter: (q, year) => `${q}. četrtletje ${year}`,
  columnObjective: 'Cilj',
  columnProgress: 'Napredek',
  columnStatus: 'Stanje',
  status: { achieved: 'Dosežen', on_track: 'Po načrtu', at_risk: 'Ogrožen', off_track: 'Zaostaja' },
  noStatus: 'Še ni podatkov',
  wholeOrganisation: 'Vsa organizacija',
  noObjectives: 'Za to četrtletje ni postavljenih ciljev.',
  followUpsHeading: (count) => `Povratni stiki, ki zamujajo: ${count}`,
  actionsHeading: (count) => `Korektivni ukrepi, ki zamujajo: ${count}`,
  longestOverdueFirst: 'Najprej tisti, ki najdlje zamujajo:',
  columnTicket: 'Zahteva',
  columnAction: 'Ukrep',
  columnTeam: 'Ekipa',
  columnOwner: 'Odgovorna oseba',
  columnDue: 'Rok',
  unassigned: 'Ni dodeljeno',
  noOverdueFollowUps: 'Noben povratni stik ne zamuja.',
  noOverdueActions: 'Noben korektivni ukrep ne zamuja.',
  openDashboard: 'Odprite nadzorno ploščo',
  openObjectives: 'Odprite cilje',
  openFollowUps: 'Odprite povratne stike',
  openActions: 'Odprite korektivne ukrepe',
  whyReceived:
    'Ta tedenski pregled prejemate kot eden od njegovih prejemnikov v Rapportu. Skrbnik lahko spremeni, kdo ga prejema in kdaj, v razdelku Settings → Weekly digest.',
};

const ru: DigestStrings = {
  intl: 'ru-RU',
  dir: 'ltr',
  title: 'Rapport — обзор за неделю',
  titleFor: (organisation) => `Rapport — обзор за неделю для ${organisation}`,
  subject: (title, headline, weekOf) =>
    headline ? `${title}: ${headline} — неделя с ${weekOf}` : `${title} — неделя с ${weekOf}`,
  preheader: 'Удовлетворённость ваших клиентов за неделю, что изменилось, цели и что просрочено.',
  greeting: (name) => `Здравствуйте, ${name}!`,
  intro: (period, previous) =>
    `Вот как прошёл для ваших клиентов период ${period} по сравнению с семью днями до него (${previous}).`,
  headlineHeading: 'Главные показатели',
  metrics: {
    csat: 'CSAT (удовлетворённость)',
    nps: 'NPS',
    ces: 'Усилия клиента (CES)',
    resolution_rate: 'Доля решённых обращений',
    response_rate: 'Доля ответов на опрос',
    follow_ups_in_time: 'Повторные контакты, закрытые вовремя',
    audit_score: 'Последняя оценка аудита качества',
  },
  columnMetric: 'Показатель',
  columnValue: 'Значение',
  columnInterval: 'Интервал 95 %',
  columnChange: 'Изменение',
  points: (value) => `${value} п. п.`,
  significant: 'значимое',
  notSignificant: 'незначимое',
  notTested: 'не проверялось',
  noComparison: 'не с чем сравнить',
  noData: 'нет данных',
  smallSample: 'малая выборка',
  legend:
    'n — число ответов, на которых основано значение. Цветом выделены только значимые изменения (95 %); малая выборка (n < 30) отмечена и не участвует в рейтинге.',
  moversHeading: 'Самые большие изменения CSAT',
  moversIntro:
    'Команды, а также агенты с не менее чем 30 ответами в обеих неделях; сначала значимые изменения.',
  team: 'Команда',
  agent: 'Агент',
  columnWho: 'Команда или агент',
  columnBefore: 'Неделей ранее',
  noMovers: 'Ни у одной команды и ни у одного агента нет ответов в обеих неделях для сравнения.',
  objectivesHeading: (quarter) => `Цели на ${quarter}`,
  quarter: (q, year) => `${q}-й квартал ${year} г.`,
  columnObjective: 'Цель',
  columnProgress: 'Прогресс',
  columnStatus: 'Статус',
  status: { achieved: 'Достигнута', on_track: 'По плану', at_risk: 'Под угрозой', off_track: 'Отстаёт' },
  noStatus: 'Пока нет данных',
  wholeOrganisation: 'Вся организация',
  noObjectives: 'На этот квартал цели не поставлены.',
  followUpsHeading: (count) => `Просроченные повторные контакты: ${count}`,
  actionsHeading: (count) => `Просроченные корректирующие меры: ${count}`,
  longestOverdueFirst: 'Сначала самые давние:',
  columnTicket: 'Обращение',
  columnAction: 'Мера',
  columnTeam: 'Команда',
  columnOwner: 'Ответственный',
  columnDue: 'Срок',
  unassigned: 'Не назначен',
  noOverdueFollowUps: 'Просроченных повторных контактов нет.',
  noOverdueActions: 'Просроченных корректирующих мер нет.',
  openDashboard: 'Открыть панель показателей',
  openObjectives: 'Открыть цели',
  openFollowUps: 'Открыть повторные контакты',
  openActions: 'Открыть корректирующие меры',
  whyReceived:
    'Вы получаете этот еженедельный обзор как один из его получателей в Rapport. Администратор может изменить, кто и когда его получает, в разделе Settings → Weekly digest.',
};

/**
 * The weekly digest's texts in every supported language.
 *
 * @example
 * DIGEST_STRINGS.sr.headlineHeading // 'Главни показатељи'
 */
export const DIGEST_STRINGS: Record<Locale, DigestStrings> = { en, sr, hr, sl, ru };
