import { LOCALES } from './common';
import type {
  AuditScale,
  AuditTemplateDefinition,
  AuditTemplateItem,
  AuditTemplateKind,
} from './audit-templates';
import type { LocalizedText } from './surveys';

/** The templates Rapport ships, installed on first start; `key` ties an installed template to its origin. */
export interface BuiltInAuditTemplate {
  key: 'quarterly_service' | 'ticket_review';
  kind: AuditTemplateKind;
  name: LocalizedText;
  definition: AuditTemplateDefinition;
}

const t = (en: string, sr: string, hr: string, sl: string, ru: string): LocalizedText => ({
  en,
  sr,
  hr,
  sl,
  ru,
});

const FIVE_POINTS: AuditScale = { points: 5 };

type ItemOptions = Partial<Pick<AuditTemplateItem, 'weight' | 'naAllowed' | 'critical' | 'measure'>>;

/** An item of weight 1, N/A not allowed, not critical, unless `options` says otherwise. */
function item(
  id: string,
  scale: AuditScale,
  text: LocalizedText,
  guidance: LocalizedText,
  options: ItemOptions = {},
): AuditTemplateItem {
  return { id, text, guidance, scale, weight: 1, naAllowed: false, critical: false, ...options };
}

/**
 * How a team is set up to serve, audited once a quarter. The items that show a figure from Rapport's data
 * and the critical one weigh 2: they are judged on evidence and matter most to customers. A late follow-up
 * on negative feedback fails the audit (`flag`) but keeps the score, so the team still sees how the rest
 * stands.
 */
const quarterlyService: AuditTemplateDefinition = {
  locales: [...LOCALES],
  defaultLocale: 'en',
  passThreshold: 80,
  criticalPolicy: 'flag',
  sections: [
    {
      id: 'reachability',
      weight: 1,
      title: t(
        'Reachability and expectations',
        'Доступност и очекивања',
        'Dostupnost i očekivanja',
        'Dosegljivost in pričakovanja',
        'Доступность и ожидания',
      ),
      items: [
        item(
          'contact_channels',
          'pass_fail',
          t(
            'Contact channels are easy to find',
            'Канале за контакт је лако пронаћи',
            'Kanale za kontakt lako je pronaći',
            'Kontaktne kanale je lahko najti',
            'Каналы связи легко найти',
          ),
          t(
            'A customer finds how to reach support within two clicks from the home page or from inside the product, for example through a “Contact us” link in the footer and in the help menu that lists email, phone and chat.',
            'Корисник за највише два клика са почетне стране или из самог производа сазна како да контактира подршку, на пример преко линка „Контакт“ у подножју странице и у менију помоћи, уз имејл, телефон и чет.',
            'Korisnik u najviše dva klika s početne stranice ili iz samog proizvoda dozna kako kontaktirati podršku, primjerice putem poveznice „Kontakt” u podnožju stranice i u izborniku pomoći, uz e-poštu, telefon i chat.',
            'Stranka v največ dveh klikih z domače strani ali iz samega izdelka izve, kako doseči podporo, na primer prek povezave „Kontakt“ v nogi strani in v meniju za pomoč, kjer so navedeni e-pošta, telefon in klepet.',
            'Клиент находит способ связаться с поддержкой не более чем за два клика с главной страницы или из самого продукта — например, по ссылке «Контакты» в подвале сайта и в меню справки, где указаны почта, телефон и чат.',
          ),
        ),
        item(
          'hours_published',
          'pass_fail',
          t(
            'Support hours and time zone are published',
            'Радно време подршке и временска зона су објављени',
            'Radno vrijeme podrške i vremenska zona su objavljeni',
            'Delovni čas podpore in časovni pas sta objavljena',
            'Часы работы поддержки и часовой пояс опубликованы',
          ),
          t(
            'Hours are shown wherever a channel is listed, with the time zone and holidays, for example “Mon–Fri 8:00–20:00 CET, closed on public holidays”; an auto-reply outside those hours says when the team will answer.',
            'Радно време стоји уз сваки наведени канал, заједно са временском зоном и нерадним данима, на пример „пон–пет 8–20 ч (CET), државним празницима не радимо“; аутоматски одговор ван радног времена каже када ће тим одговорити.',
            'Radno vrijeme navedeno je uz svaki kanal, zajedno s vremenskom zonom i neradnim danima, primjerice „pon–pet 8–20 h (CET), blagdanima ne radimo”; automatski odgovor izvan radnog vremena kaže kada će tim odgovoriti.',
            'Delovni čas je naveden ob vsakem kanalu, skupaj s časovnim pasom in dela prostimi dnevi, na primer „pon.–pet. 8.00–20.00 (CET), ob praznikih zaprto“; samodejni odgovor zunaj delovnega časa pove, kdaj bo ekipa odgovorila.',
            'Часы работы указаны рядом с каждым каналом вместе с часовым поясом и выходными, например «пн–пт 8:00–20:00 (CET), в праздничные дни не работаем»; автоответ в нерабочее время сообщает, когда команда ответит.',
          ),
        ),
        item(
          'response_targets',
          FIVE_POINTS,
          t(
            'Response-time targets are defined per channel and were met this quarter',
            'Циљна времена одговора дефинисана су за сваки канал и испуњена у овом тромесечју',
            'Ciljana vremena odgovora definirana su za svaki kanal i ispunjena u ovom tromjesečju',
            'Ciljni odzivni časi so določeni za vsak kanal in so bili v tem četrtletju doseženi',
            'Целевое время ответа задано для каждого канала и выдержано в этом квартале',
          ),
          t(
            'Each channel has a written first-response target (for example chat 2 minutes, email 4 business hours, phone answered within 60 seconds) and the figure shown meets it for at least 90% of tickets. Score 5 when every target was met, 1 when none is defined.',
            'Сваки канал има писани циљ за први одговор (на пример чет 2 минута, имејл 4 радна сата, телефон јављање у року од 60 секунди), а приказани податак показује да је испуњен код најмање 90% захтева. Оцена 5 ако су сви циљеви испуњени, 1 ако циљеви нису ни дефинисани.',
            'Svaki kanal ima pisani cilj za prvi odgovor (primjerice chat 2 minute, e-pošta 4 radna sata, telefon javljanje unutar 60 sekundi), a prikazani podatak pokazuje da je ispunjen kod najmanje 90 % zahtjeva. Ocjena 5 ako su svi ciljevi ispunjeni, 1 ako ciljevi nisu ni definirani.',
            'Vsak kanal ima zapisan cilj za prvi odziv (na primer klepet 2 minuti, e-pošta 4 delovne ure, telefon odgovor v 60 sekundah), prikazani podatek pa kaže, da je bil dosežen pri vsaj 90 % zahtevkov. Ocena 5, če so bili doseženi vsi cilji, 1, če cilji sploh niso določeni.',
            'Для каждого канала зафиксирован целевой срок первого ответа (например, чат — 2 минуты, почта — 4 рабочих часа, телефон — ответ в течение 60 секунд), и приведённые данные подтверждают, что он соблюдён минимум в 90% обращений. Оценка 5 — выполнены все цели, 1 — цели даже не заданы.',
          ),
          { weight: 2, measure: 'first_response_time' },
        ),
        item(
          'wait_time_told',
          'pass_fail',
          t(
            'Customers are told how long they will wait',
            'Корисник сазнаје колико ће чекати на одговор',
            'Korisnik doznaje koliko će čekati na odgovor',
            'Stranka izve, koliko časa bo čakala na odgovor',
            'Клиенту сообщают, сколько придётся ждать ответа',
          ),
          t(
            'Every channel sets expectations at the first contact, for example an email auto-reply saying “We will answer within 4 business hours” or a phone queue announcing the expected wait.',
            'Сваки канал од првог контакта поставља очекивања, на пример аутоматски одговор на имејл „Одговорићемо вам у року од 4 радна сата“ или најава очекиваног времена чекања у телефонском реду.',
            'Svaki kanal od prvog kontakta postavlja očekivanja, primjerice automatski odgovor na e-poštu „Odgovorit ćemo vam u roku od 4 radna sata” ili najava očekivanog vremena čekanja u telefonskom redu.',
            'Vsak kanal že ob prvem stiku postavi pričakovanja, na primer samodejni odgovor na e-pošto „Odgovorili vam bomo v 4 delovnih urah“ ali obvestilo o pričakovanem času čakanja v telefonski čakalni vrsti.',
            'Каждый канал обозначает ожидания уже при первом контакте: например, автоответ на письмо «Мы ответим в течение 4 рабочих часов» или объявление в телефонной очереди о примерном времени ожидания.',
          ),
        ),
      ],
    },
    {
      id: 'knowledge',
      weight: 1,
      title: t(
        'Knowledge and self-service',
        'Знање и самопомоћ',
        'Znanje i samopomoć',
        'Znanje in samopomoč',
        'Знания и самообслуживание',
      ),
      items: [
        item(
          'faq_reviewed',
          'pass_fail',
          t(
            'FAQ and canned answers were reviewed this quarter',
            'Честа питања и шаблонски одговори прегледани су у овом тромесечју',
            'Česta pitanja i predlošci odgovora pregledani su u ovom tromjesečju',
            'Pogosta vprašanja in pripravljeni odgovori so bili v tem četrtletju pregledani',
            'Раздел частых вопросов и шаблоны ответов пересмотрены в этом квартале',
          ),
          t(
            'Someone owns the review, and outdated entries were fixed or retired, for example the refund macro was updated the week the refund policy changed. Every article shows a last-reviewed date from this quarter.',
            'Преглед има свог власника, а застареле ставке су исправљене или уклоњене, на пример шаблон о повраћају новца ажуриран је исте недеље када су се променила правила повраћаја. Сваки чланак има датум последњег прегледа из овог тромесечја.',
            'Pregled ima svog vlasnika, a zastarjeli sadržaji ispravljeni su ili uklonjeni, primjerice predložak o povratu novca ažuriran je istog tjedna kad su se promijenila pravila povrata. Svaki članak ima datum zadnjeg pregleda iz ovog tromjesečja.',
            'Za pregled je nekdo odgovoren, zastareli vnosi pa so popravljeni ali umaknjeni, na primer predloga o vračilu kupnine je bila posodobljena isti teden, ko so se spremenili pogoji vračila. Vsak članek ima datum zadnjega pregleda iz tega četrtletja.',
            'За пересмотр отвечает конкретный человек, устаревшие материалы исправлены или удалены: например, шаблон о возврате средств обновлён в ту же неделю, когда изменились правила возврата. У каждой статьи указана дата последней проверки в этом квартале.',
          ),
        ),
        item(
          'product_training',
          'pass_fail',
          t(
            'Product knowledge training was held',
            'Одржана је обука о производу',
            'Održana je edukacija o proizvodu',
            'Izvedeno je bilo usposabljanje o izdelku',
            'Проведено обучение по продукту',
          ),
          t(
            'Agents learned what changed this quarter before customers asked about it, for example a session on the new billing page in the week it launched, with attendance recorded. Mark N/A only if nothing in the product changed.',
            'Агенти су научили шта је ново у овом тромесечју пре него што су корисници почели да питају, на пример обука о новој страници за плаћање исте недеље када је покренута, уз евиденцију присутних. Означите „није применљиво“ само ако се у производу ништа није променило.',
            'Agenti su naučili što je novo u ovom tromjesečju prije nego što su korisnici počeli pitati, primjerice edukacija o novoj stranici za naplatu istog tjedna kad je pokrenuta, uz evidenciju prisutnih. Označite „nije primjenjivo” samo ako se u proizvodu ništa nije promijenilo.',
            'Svetovalci so spoznali novosti tega četrtletja, preden so stranke začele spraševati o njih, na primer na usposabljanju o novi strani za plačila isti teden, ko je bila objavljena, z evidenco udeležbe. „Ne velja“ označite le, če se v izdelku ni nič spremenilo.',
            'Сотрудники поддержки узнали о нововведениях квартала раньше, чем клиенты начали о них спрашивать: например, обучение по новой странице оплаты прошло в неделю её запуска, посещаемость отмечена. Отметьте «неприменимо», только если в продукте ничего не изменилось.',
          ),
          { naAllowed: true },
        ),
        item(
          'escalation_paths',
          'pass_fail',
          t(
            'Escalation paths are documented',
            'Путеви ескалације су документовани',
            'Putovi eskalacije su dokumentirani',
            'Postopki eskalacije so dokumentirani',
            'Порядок эскалации задокументирован',
          ),
          t(
            'Every agent can tell who takes over what and how fast, for example “billing disputes go to the finance desk within one business day, outages go to the on-call engineer at once”, written down where agents work.',
            'Сваки агент зна ко преузима који проблем и у ком року, на пример „спорови око наплате иду финансијској служби у року од једног радног дана, прекиди рада одмах дежурном инжењеру“, и то је записано тамо где агенти раде.',
            'Svaki agent zna tko preuzima koji problem i u kojem roku, primjerice „sporovi oko naplate idu financijskoj službi u roku od jednog radnog dana, prekidi rada odmah dežurnom inženjeru”, i to je zapisano ondje gdje agenti rade.',
            'Vsak svetovalec ve, kdo prevzame katero težavo in v kakšnem roku, na primer „spori glede obračuna gredo v finančno službo v enem delovnem dnevu, izpadi pa takoj k dežurnemu inženirju“, in to je zapisano tam, kjer svetovalci delajo.',
            'Каждый сотрудник поддержки знает, кому и в какой срок передаётся проблема, например «споры по счетам — в финансовый отдел в течение рабочего дня, сбои — сразу дежурному инженеру», и это записано там, где сотрудники работают.',
          ),
        ),
      ],
    },
    {
      id: 'recovery',
      weight: 1,
      title: t(
        'Listening and recovery',
        'Слушање корисника и реаговање на незадовољство',
        'Slušanje korisnika i reagiranje na nezadovoljstvo',
        'Poslušanje strank in odziv na nezadovoljstvo',
        'Обратная связь и работа с недовольством клиентов',
      ),
      items: [
        item(
          'negative_follow_up',
          FIVE_POINTS,
          t(
            'Every negative survey was followed up within target',
            'На сваки негативан одговор на анкету реаговано је у циљном року',
            'Na svaki negativan odgovor u anketi reagirano je u ciljanom roku',
            'Vsak negativen odgovor na anketo je bil obravnavan v ciljnem roku',
            'Каждый негативный ответ на опрос отработан в целевой срок',
          ),
          t(
            'A manager contacted each unhappy customer within the target, for example by a call within one business day of a low rating, and closed the follow-up with a note of what was done. Score 5 when the figure shown is at or near 100%; a score of 1 or 2 fails the audit.',
            'Руководилац је у циљном року контактирао сваког незадовољног корисника, на пример позивом у року од једног радног дана од ниске оцене, и затворио праћење белешком о томе шта је урађено. Оцена 5 када је приказани податак 100% или близу тога; оцена 1 или 2 аутоматски значи негативан исход провере.',
            'Voditelj je u ciljanom roku kontaktirao svakog nezadovoljnog korisnika, primjerice pozivom unutar jednog radnog dana od niske ocjene, i zatvorio praćenje bilješkom o tome što je učinjeno. Ocjena 5 kad je prikazani podatak 100 % ili blizu toga; ocjena 1 ili 2 automatski znači negativan ishod audita.',
            'Vodja je v ciljnem roku stopil v stik z vsako nezadovoljno stranko, na primer s klicem v enem delovnem dnevu po nizki oceni, in obravnavo zaključil z zapisom, kaj je bilo storjeno. Ocena 5, ko je prikazani podatek 100 % ali blizu; ocena 1 ali 2 samodejno pomeni, da presoja ni uspešna.',
            'Руководитель связался с каждым недовольным клиентом в целевой срок — например, позвонил в течение рабочего дня после низкой оценки — и закрыл задачу с описанием принятых мер. Оценка 5 — если показатель около 100%; оценка 1 или 2 автоматически означает, что аудит не пройден.',
          ),
          { weight: 2, critical: true, measure: 'follow_up_timeliness' },
        ),
        item(
          'top_reasons_reviewed',
          'pass_fail',
          t(
            'The most frequent causes of dissatisfaction were reviewed',
            'Анализирани су најчешћи узроци незадовољства',
            'Analizirani su najčešći uzroci nezadovoljstva',
            'Najpogostejši vzroki nezadovoljstva so bili pregledani',
            'Разобраны самые частые причины недовольства',
          ),
          t(
            'The team went through the top reasons shown and agreed an action on the biggest one, for example “slow refunds, 34% of complaints: from next month agents approve refunds up to €50 themselves”.',
            'Тим је прегледао приказане најчешће разлоге и договорио меру за највећи, на пример „спор повраћај новца, 34% притужби: од следећег месеца агенти сами одобравају повраћаје до 50 €“.',
            'Tim je pregledao prikazane najčešće razloge i dogovorio mjeru za najveći, primjerice „spor povrat novca, 34 % pritužbi: od idućeg mjeseca agenti sami odobravaju povrate do 50 €”.',
            'Ekipa je pregledala prikazane najpogostejše razloge in se dogovorila za ukrep pri največjem, na primer „počasno vračilo kupnine, 34 % pritožb: od prihodnjega meseca svetovalci sami odobrijo vračila do 50 €“.',
            'Команда изучила показанные основные причины и договорилась о мерах по самой крупной, например «медленный возврат средств — 34% жалоб: со следующего месяца специалисты сами одобряют возвраты до 50 €».',
          ),
          { weight: 2, measure: 'top_reasons' },
        ),
        item(
          'callbacks_made',
          'pass_fail',
          t(
            'Promised callbacks were made',
            'Обећани повратни позиви су обављени',
            'Obećani povratni pozivi su obavljeni',
            'Obljubljeni povratni klici so bili opravljeni',
            'Обещанные обратные звонки сделаны',
          ),
          t(
            'Every callback promised to a customer was made at the agreed time or rescheduled with them, for example a callback booked for “Tuesday morning” shows a call logged on Tuesday morning. Mark N/A if no callback was promised this quarter.',
            'Сваки повратни позив обећан кориснику обављен је у договорено време или је са њим договорен нови термин, на пример за позив заказан за „уторак пре подне“ у евиденцији постоји позив из уторка ујутру. Означите „није применљиво“ ако у овом тромесечју није обећан ниједан повратни позив.',
            'Svaki povratni poziv obećan korisniku obavljen je u dogovoreno vrijeme ili je s njim dogovoren novi termin, primjerice za poziv zakazan za „utorak prije podne” u evidenciji postoji poziv iz utorka ujutro. Označite „nije primjenjivo” ako u ovom tromjesečju nije obećan nijedan povratni poziv.',
            'Vsak povratni klic, obljubljen stranki, je bil opravljen ob dogovorjenem času ali pa je bil z njo dogovorjen nov termin, na primer za klic, dogovorjen za „torek dopoldne“, je v evidenci klic iz torka zjutraj. „Ne velja“ označite, če v tem četrtletju ni bil obljubljen noben povratni klic.',
            'Каждый обещанный клиенту обратный звонок сделан в оговорённое время или перенесён по согласованию с ним: например, для звонка, назначенного на «вторник до обеда», в журнале есть звонок во вторник утром. Отметьте «неприменимо», если в этом квартале обратных звонков не обещали.',
          ),
          { naAllowed: true },
        ),
        item(
          'social_media',
          'pass_fail',
          t(
            'Social-media mentions are monitored and answered by policy, never argued with',
            'Помињања на друштвеним мрежама се прате и на њих се одговара по правилима, без расправе',
            'Spominjanja na društvenim mrežama prate se i na njih se odgovara prema pravilima, bez prepirke',
            'Omembe na družbenih omrežjih se spremljajo in se nanje odgovarja po pravilih, brez prepiranja',
            'Упоминания в соцсетях отслеживаются, ответы даются по регламенту, без споров',
          ),
          t(
            'Mentions are checked at least daily and answered within the published time, calmly and by policy, moving the details to a private channel, for example “Sorry to hear that — we have sent you a direct message to sort it out.” Mark N/A if the company has no social-media presence.',
            'Помињања се проверавају бар једном дневно и на њих се одговара у објављеном року, смирено и по правилима, уз прелазак на приватни канал, на пример „Жао нам је због тога — послали смо вам поруку да то решимо.“ Означите „није применљиво“ ако компанија није присутна на друштвеним мрежама.',
            'Spominjanja se provjeravaju barem jednom dnevno i na njih se odgovara u objavljenom roku, smireno i prema pravilima, uz prelazak na privatni kanal, primjerice „Žao nam je zbog toga — poslali smo vam poruku da to riješimo.” Označite „nije primjenjivo” ako tvrtka nije prisutna na društvenim mrežama.',
            'Omembe se preverjajo vsaj enkrat na dan in se nanje odgovori v objavljenem roku, mirno in po pravilih, podrobnosti pa se preselijo v zasebno sporočilo, na primer „Žal nam je — poslali smo vam zasebno sporočilo, da to uredimo.“ „Ne velja“ označite, če podjetje ni prisotno na družbenih omrežjih.',
            'Упоминания проверяются минимум раз в день, ответ даётся в опубликованный срок — спокойно и по регламенту, с переводом подробностей в личные сообщения, например: «Очень жаль, что так вышло, — мы написали вам в личные сообщения, чтобы всё решить». Отметьте «неприменимо», если компания не ведёт соцсети.',
          ),
          { naAllowed: true },
        ),
      ],
    },
    {
      id: 'goals',
      weight: 1,
      title: t('Goals', 'Циљеви', 'Ciljevi', 'Cilji', 'Цели'),
      items: [
        item(
          'okrs_reviewed',
          'pass_fail',
          t(
            "Last quarter's OKRs were reviewed",
            'Прегледани су OKR циљеви из прошлог тромесечја',
            'Pregledani su OKR-ovi iz prošlog tromjesečja',
            'OKR-ji preteklega četrtletja so bili pregledani',
            'Подведены итоги OKR прошлого квартала',
          ),
          t(
            'Each key result was scored against its target with a short note on why, for example “CSAT 88% against a target of 90%: missed, slow refunds in October”. Mark N/A for a team’s first quarter.',
            'Сваки кључни резултат упоређен је са циљном вредношћу, уз кратко објашњење, на пример „CSAT 88% уз циљ од 90%: није постигнуто, спори повраћаји новца у октобру“. Означите „није применљиво“ за прво тромесечје тима.',
            'Svaki ključni rezultat uspoređen je s ciljanom vrijednošću, uz kratko objašnjenje, primjerice „CSAT 88 % uz cilj od 90 %: nije postignuto, spori povrati novca u listopadu”. Označite „nije primjenjivo” za prvo tromjesečje tima.',
            'Vsak ključni rezultat je bil ocenjen glede na ciljno vrednost s kratko obrazložitvijo, na primer „CSAT 88 % ob cilju 90 %: ni doseženo, počasna vračila kupnine v oktobru“. „Ne velja“ označite za prvo četrtletje ekipe.',
            'Каждый ключевой результат сопоставлен с целевым значением с кратким пояснением, например «CSAT 88% при цели 90%: не достигнуто, медленные возвраты в октябре». Отметьте «неприменимо», если это первый квартал команды.',
          ),
          { naAllowed: true },
        ),
        item(
          'okrs_set',
          'pass_fail',
          t(
            "This quarter's OKRs are set",
            'Постављени су OKR циљеви за ово тромесечје',
            'Postavljeni su OKR-ovi za ovo tromjesečje',
            'OKR-ji za to četrtletje so postavljeni',
            'OKR на этот квартал поставлены',
          ),
          t(
            'The team has one to three objectives with measurable key results, baselines and targets, for example “Customers get answers fast: first email response within 4 hours for 90% of tickets, up from 75%”.',
            'Тим има један до три циља са мерљивим кључним резултатима, почетним и циљним вредностима, на пример „Корисници брзо добијају одговор: први одговор на имејл за мање од 4 сата код 90% захтева, уместо досадашњих 75%“.',
            'Tim ima jedan do tri cilja s mjerljivim ključnim rezultatima, početnim i ciljanim vrijednostima, primjerice „Korisnici brzo dobivaju odgovor: prvi odgovor na e-poštu za manje od 4 sata kod 90 % zahtjeva, umjesto dosadašnjih 75 %”.',
            'Ekipa ima enega do tri cilje z merljivimi ključnimi rezultati, izhodiščnimi in ciljnimi vrednostmi, na primer „Stranke hitro dobijo odgovor: prvi odgovor na e-pošto v manj kot 4 urah pri 90 % zahtevkov, namesto dosedanjih 75 %“.',
            'У команды от одной до трёх целей с измеримыми ключевыми результатами, базовыми и целевыми значениями, например «Клиенты быстро получают ответ: первый ответ на письмо менее чем за 4 часа в 90% обращений вместо нынешних 75%».',
          ),
        ),
      ],
    },
  ],
};

/**
 * How one resolved ticket was handled, reviewed on a sample of each agent's tickets. Accuracy and respect
 * are critical and weigh 2; under `zero` a wrong answer given as fact (rated 1–2) or any rudeness makes the
 * review score 0, because no amount of courtesy elsewhere makes such a ticket a good one.
 */
const ticketReview: AuditTemplateDefinition = {
  locales: [...LOCALES],
  defaultLocale: 'en',
  passThreshold: 80,
  criticalPolicy: 'zero',
  sections: [
    {
      id: 'conversation',
      weight: 1,
      title: t('Conversation', 'Разговор', 'Razgovor', 'Pogovor', 'Общение с клиентом'),
      items: [
        item(
          'greeting',
          FIVE_POINTS,
          t(
            'Greeted the customer courteously',
            'Љубазан поздрав',
            'Ljubazan pozdrav',
            'Vljuden pozdrav',
            'Вежливое приветствие',
          ),
          t(
            'Opens warmly and personally, with the customer’s name and the agent’s own, for example “Hi Ana, this is Marko from support — thanks for getting in touch.” A curt or missing greeting scores 1–2.',
            'Почетак је топао и личан, са именом корисника и агента, на пример „Здраво, Ана, овде Марко из подршке — хвала што сте нам се јавили.“ Сув поздрав или његово изостајање носи оцену 1–2.',
            'Početak je topao i osoban, s imenom korisnika i agenta, primjerice „Pozdrav, Ana, ovdje Marko iz podrške — hvala što ste nam se javili.” Hladan pozdrav ili izostanak pozdrava donosi ocjenu 1–2.',
            'Začetek je topel in oseben, z imenom stranke in svetovalca, na primer „Pozdravljeni, Ana, tukaj Marko iz podpore — hvala, ker ste se obrnili na nas.“ Hladen ali manjkajoč pozdrav pomeni oceno 1–2.',
            'Начало тёплое и личное, с именем клиента и своим именем, например: «Здравствуйте, Анна! Меня зовут Марк, я из службы поддержки, спасибо, что обратились». Сухое приветствие или его отсутствие — оценка 1–2.',
          ),
        ),
        item(
          'listened_restated',
          FIVE_POINTS,
          t(
            'Listened and restated the problem',
            'Пажљиво слушање и понављање проблема својим речима',
            'Pažljivo slušanje i ponavljanje problema svojim riječima',
            'Pozorno poslušanje in povzetek težave s svojimi besedami',
            'Умение выслушать и пересказать проблему своими словами',
          ),
          t(
            'Lets the customer finish, then restates the problem in their own words before solving it, for example “So since Monday’s update, invoices download as blank pages — is that right?” Fixing the wrong problem scores 1.',
            'Агент пушта корисника да заврши, а затим понавља проблем својим речима пре него што крене да га решава, на пример „Значи, од понедељковог ажурирања фактуре се преузимају као празне стране — је ли тако?“ Решавање погрешног проблема носи оцену 1.',
            'Agent pušta korisnika da završi, a zatim ponavlja problem svojim riječima prije nego što ga krene rješavati, primjerice „Znači, od ponedjeljkova ažuriranja računi se preuzimaju kao prazne stranice — je li tako?” Rješavanje pogrešnog problema donosi ocjenu 1.',
            'Svetovalec pusti stranko, da pove do konca, nato pa težavo povzame s svojimi besedami, preden jo začne reševati, na primer „Torej se od ponedeljkove posodobitve računi prenesejo kot prazne strani — je tako?“ Reševanje napačne težave pomeni oceno 1.',
            'Специалист даёт клиенту договорить и, прежде чем решать, пересказывает проблему своими словами, например: «То есть после обновления в понедельник счета скачиваются пустыми страницами — верно?» Решение не той проблемы — оценка 1.',
          ),
        ),
        item(
          'expectations_set',
          FIVE_POINTS,
          t(
            'Set realistic expectations and a timeline',
            'Реална очекивања и рок',
            'Realna očekivanja i rok',
            'Realna pričakovanja in rok',
            'Реалистичные ожидания и сроки',
          ),
          t(
            'Says what will happen next and when, and promises only what the team can keep, for example “The engineers will have a fix by Thursday; either way I will update you by Thursday noon.” “Soon” or a promise that cannot be kept scores 1–2.',
            'Агент каже шта следи и када, и обећава само оно што тим може да испуни, на пример „Инжењери ће исправку имати до четвртка; у сваком случају јавићу вам се до четвртка у подне.“ „Ускоро“ или обећање које се не може испунити носи оцену 1–2.',
            'Agent kaže što slijedi i kada te obećava samo ono što tim može ispuniti, primjerice „Inženjeri će ispravak imati do četvrtka; u svakom slučaju javit ću vam se do četvrtka u podne.” „Uskoro” ili obećanje koje se ne može ispuniti donosi ocjenu 1–2.',
            'Svetovalec pove, kaj sledi in kdaj, ter obljubi le tisto, kar ekipa lahko izpolni, na primer „Inženirji bodo popravek pripravili do četrtka; v vsakem primeru se vam oglasim do četrtka opoldne.“ „Kmalu“ ali obljuba, ki je ni mogoče izpolniti, pomeni oceno 1–2.',
            'Специалист говорит, что будет дальше и когда, и обещает только то, что команда может выполнить, например: «Инженеры подготовят исправление к четвергу; в любом случае я напишу вам до полудня четверга». «Скоро» или невыполнимое обещание — оценка 1–2.',
          ),
        ),
        item(
          'kept_informed',
          FIVE_POINTS,
          t(
            'Kept the customer informed',
            'Редовно обавештавање корисника',
            'Redovito obavještavanje korisnika',
            'Sprotno obveščanje stranke',
            'Информирование клиента о ходе работы',
          ),
          t(
            'Updates arrive at the promised times, before the customer has to chase, even when there is no news yet, for example “Still with the engineers — next update tomorrow at 10.” A customer asking “Any news?” twice scores 1–2.',
            'Новости стижу у обећано време, пре него што корисник мора да пита, чак и када још нема помака, на пример „Још је код инжењера — следеће обавештење сутра у 10.“ Ако корисник двапут пита „Има ли нешто ново?“, оцена је 1–2.',
            'Novosti stižu u obećano vrijeme, prije nego što korisnik mora pitati, čak i kad još nema pomaka, primjerice „Još je kod inženjera — sljedeća obavijest sutra u 10.” Ako korisnik dvaput pita „Ima li što novo?”, ocjena je 1–2.',
            'Novice pridejo ob obljubljenem času, preden mora stranka vprašati, tudi ko še ni napredka, na primer „Še vedno je pri inženirjih — naslednje obvestilo jutri ob 10.“ Če stranka dvakrat vpraša „Je kaj novega?“, je ocena 1–2.',
            'Новости приходят в обещанное время, раньше, чем клиенту придётся спрашивать, даже если продвижения пока нет, например: «Вопрос всё ещё у инженеров, следующее обновление — завтра в 10:00». Если клиент дважды спрашивает «Есть новости?», оценка 1–2.',
          ),
        ),
        item(
          'calm_respectful',
          'pass_fail',
          t(
            'Stayed calm and respectful',
            'Смиреност и поштовање према кориснику',
            'Smirenost i poštovanje prema korisniku',
            'Mirnost in spoštljivost do stranke',
            'Спокойствие и уважение к клиенту',
          ),
          t(
            'Stays polite and patient even with an upset customer, acknowledging the frustration without arguing, for example “I understand this cost you a whole morning — let’s fix it now.” Any rudeness, sarcasm or arguing is a fail, and a fail sets the review score to 0.',
            'Агент остаје љубазан и стрпљив и са узнемиреним корисником, уважава његово незадовољство и не расправља се, на пример „Разумем да вас је ово коштало целог јутра — хајде да то одмах решимо.“ Свака непристојност, сарказам или расправа значи „није испуњено“, што резултат прегледа своди на нулу.',
            'Agent ostaje ljubazan i strpljiv i s uzrujanim korisnikom, uvažava njegovo nezadovoljstvo i ne prepire se, primjerice „Razumijem da vas je ovo stajalo cijelo jutro — hajdemo to odmah riješiti.” Svaka nepristojnost, sarkazam ili prepirka znači „nije ispunjeno”, što rezultat pregleda svodi na nulu.',
            'Svetovalec ostane vljuden in potrpežljiv tudi z razburjeno stranko, prizna njeno nezadovoljstvo in se ne prepira, na primer „Razumem, da vas je to stalo celo dopoldne — uredimo to takoj.“ Vsaka nevljudnost, sarkazem ali prepiranje pomeni „ni izpolnjeno“, s tem pa je rezultat pregleda nič.',
            'Специалист остаётся вежливым и терпеливым даже с раздражённым клиентом, признаёт его недовольство и не спорит, например: «Понимаю, вы потратили на это всё утро, — давайте решим вопрос прямо сейчас». Любая грубость, сарказм или спор — «не выполнено», и результат проверки обнуляется.',
          ),
          { weight: 2, critical: true },
        ),
      ],
    },
    {
      id: 'resolution',
      weight: 1,
      title: t('Resolution', 'Решавање', 'Rješavanje', 'Rešitev', 'Решение вопроса'),
      items: [
        item(
          'accurate_info',
          FIVE_POINTS,
          t(
            'Used resources and gave accurate information',
            'Коришћење доступних извора и тачне информације',
            'Korištenje dostupnih izvora i točne informacije',
            'Uporaba virov in točne informacije',
            'Использование ресурсов и точность информации',
          ),
          t(
            'Checks the knowledge base, the account or a colleague instead of guessing, and everything told to the customer is correct, for example confirming the refund rule before quoting “5 business days”. A wrong answer or a guess given as fact (1–2) sets the review score to 0.',
            'Агент уместо нагађања проверава базу знања, налог корисника или пита колегу, и све што каже кориснику је тачно, на пример пре него што наведе „5 радних дана“ проверава правило о повраћају новца. Нетачан одговор или нагађање представљено као чињеница (оцена 1–2) своди резултат прегледа на нулу.',
            'Agent umjesto nagađanja provjerava bazu znanja, korisnički račun ili pita kolegu, i sve što kaže korisniku je točno, primjerice prije nego što navede „5 radnih dana” provjerava pravilo o povratu novca. Netočan odgovor ili nagađanje izneseno kao činjenica (ocjena 1–2) svodi rezultat pregleda na nulu.',
            'Svetovalec namesto ugibanja preveri bazo znanja, uporabniški račun stranke ali vpraša sodelavca, in vse, kar pove stranki, je točno, na primer pred navedbo „5 delovnih dni“ preveri pravilo o vračilu kupnine. Napačen odgovor ali ugibanje, predstavljeno kot dejstvo (ocena 1–2), izniči rezultat pregleda.',
            'Специалист не гадает, а сверяется с базой знаний, данными аккаунта или коллегой, и всё сказанное клиенту верно: например, прежде чем назвать срок «5 рабочих дней», проверяет правило возврата. Неверный ответ или догадка, выданная за факт (оценка 1–2), обнуляет результат проверки.',
          ),
          { weight: 2, critical: true },
        ),
        item(
          'ownership',
          FIVE_POINTS,
          t(
            'Took ownership, no blame on others',
            'Преузимање одговорности, без пребацивања кривице на друге',
            'Preuzimanje odgovornosti, bez prebacivanja krivnje na druge',
            'Prevzem odgovornosti, brez valjenja krivde na druge',
            'Ответственность за решение, без перекладывания вины',
          ),
          t(
            'Speaks for the company and sees the ticket through, even when another team has to act, for example “I have passed this to our billing team and will make sure it gets done” rather than “Billing messed up, talk to them.” Blaming a colleague or department scores 1.',
            'Агент говори у име компаније и води захтев до краја, чак и када мора да реагује други тим, на пример „Проследио сам ово служби наплате и постараћу се да буде решено“ уместо „Наплата је погрешила, обратите се њима.“ Окривљавање колеге или службе носи оцену 1.',
            'Agent govori u ime tvrtke i vodi zahtjev do kraja, čak i kad mora reagirati drugi tim, primjerice „Proslijedio sam ovo službi naplate i pobrinut ću se da se riješi” umjesto „Naplata je pogriješila, obratite se njima.” Okrivljavanje kolege ili službe donosi ocjenu 1.',
            'Svetovalec govori v imenu podjetja in zahtevek pripelje do konca, tudi ko mora ukrepati druga ekipa, na primer „To sem predal oddelku za obračun in poskrbel bom, da bo urejeno“ namesto „Pri obračunu so se zmotili, obrnite se nanje.“ Obtoževanje sodelavca ali oddelka pomeni oceno 1.',
            'Специалист говорит от имени компании и доводит обращение до конца, даже если действовать должна другая команда, например: «Я передал вопрос в отдел расчётов и прослежу, чтобы его решили», а не «Это отдел расчётов напутал, обращайтесь к ним». Обвинение коллег или другого отдела — оценка 1.',
          ),
        ),
        item(
          'confirmed_solved',
          FIVE_POINTS,
          t(
            'Confirmed the problem was solved',
            'Потврда да је проблем решен',
            'Potvrda da je problem riješen',
            'Potrditev, da je težava rešena',
            'Подтверждение, что проблема решена',
          ),
          t(
            'Before closing, checks with the customer that the fix works for them, for example “Could you try the download again and tell me whether the invoice looks right now?” Closing on an assumption scores 1–2.',
            'Пре затварања агент са корисником проверава да ли решење ради, на пример „Можете ли поново да преузмете фактуру и кажете ми да ли је сада у реду?“ Затварање на основу претпоставке носи оцену 1–2.',
            'Prije zatvaranja agent s korisnikom provjerava radi li rješenje, primjerice „Možete li ponovno preuzeti račun i reći mi je li sada u redu?” Zatvaranje na temelju pretpostavke donosi ocjenu 1–2.',
            'Pred zaprtjem svetovalec s stranko preveri, ali rešitev deluje, na primer „Lahko račun še enkrat prenesete in mi poveste, ali je zdaj v redu?“ Zaprtje na podlagi domneve pomeni oceno 1–2.',
            'Перед закрытием специалист уточняет у клиента, сработало ли решение, например: «Попробуйте, пожалуйста, скачать счёт ещё раз — теперь всё в порядке?» Закрытие по предположению, без проверки, — оценка 1–2.',
          ),
        ),
        item(
          'above_beyond',
          FIVE_POINTS,
          t(
            'Went above and beyond: explained the cause, offered alternatives, shared prevention tips',
            'Више од очекиваног: објашњен узрок, понуђене алтернативе, савети како да се проблем не понови',
            'Više od očekivanog: objašnjen uzrok, ponuđene alternative, savjeti kako se problem ne bi ponovio',
            'Več od pričakovanega: pojasnjen vzrok, ponujene druge možnosti, nasveti za preprečevanje',
            'Сверх ожиданий: объяснена причина, предложены альтернативы, даны советы по профилактике',
          ),
          t(
            'Leaves the customer better prepared than before, for example by explaining that the blank invoices came from an outdated browser and how to keep it up to date. Mark N/A when the request left no room for more, such as a simple address change.',
            'Корисник после разговора зна више него пре, на пример агент објасни да су празне фактуре последица застарелог прегледача и како да га ажурира. Означите „није применљиво“ када захтев није остављао простора за више, на пример обична промена адресе.',
            'Korisnik nakon razgovora zna više nego prije, primjerice agent objasni da su prazni računi posljedica zastarjelog preglednika i kako ga ažurirati. Označite „nije primjenjivo” kad zahtjev nije ostavljao prostora za više, primjerice obična promjena adrese.',
            'Stranka po pogovoru ve več kot prej, na primer svetovalec pojasni, da so bili prazni računi posledica zastarelega brskalnika, in kako ga posodobiti. „Ne velja“ označite, ko zahtevek ni dopuščal več, na primer pri preprosti spremembi naslova.',
            'После разговора клиент знает больше, чем до него: например, специалист объяснил, что пустые счета появлялись из-за устаревшего браузера, и подсказал, как его обновить. Отметьте «неприменимо», если обращение не оставляло для этого места, например простая смена адреса.',
          ),
          { naAllowed: true },
        ),
      ],
    },
  ],
};

export const AUDIT_TEMPLATE_LIBRARY: readonly BuiltInAuditTemplate[] = [
  {
    key: 'quarterly_service',
    kind: 'checklist',
    name: t(
      'Quarterly customer-service audit',
      'Тромесечна провера корисничке подршке',
      'Tromjesečni audit korisničke podrške',
      'Četrtletna presoja podpore strankam',
      'Ежеквартальный аудит клиентской поддержки',
    ),
    definition: quarterlyService,
  },
  {
    key: 'ticket_review',
    kind: 'scorecard',
    name: t(
      'Ticket review scorecard',
      'Образац за оцену обраде захтева',
      'Obrazac za ocjenu obrade zahtjeva',
      'Ocenjevalni obrazec za pregled zahtevka',
      'Оценочный лист для проверки обращений',
    ),
    definition: ticketReview,
  },
];
