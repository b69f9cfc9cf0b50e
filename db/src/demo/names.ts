import type { Random } from './random';

/** The locales Rapport speaks, and so the locales of demo customers. */
export const LOCALES = ['en', 'sr', 'hr', 'sl', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Intended share of customers per locale. */
export const LOCALE_SHARES: Readonly<Record<Locale, number>> = {
  en: 0.4,
  sr: 0.15,
  hr: 0.15,
  sl: 0.15,
  ru: 0.15,
};

/** Splits a block of names on white space: name lists stay compact and diff well. */
function words(block: string): string[] {
  return block.split(/\s+/u).filter((word) => word.length > 0);
}

interface NameList {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

// Serbian customers write their names in Cyrillic, as most Serbian forms and helpdesks show them;
// Russian likewise. Croatian and Slovenian use the Latin alphabet with their own letters.
const NAMES: Readonly<Record<Locale, NameList>> = {
  en: {
    female: words(`
      Olivia Emma Ava Sophia Isabella Mia Charlotte Amelia Harper Evelyn Emily Grace Chloe
      Hannah Sarah Lily Ella Zoe Ruby Alice
    `),
    male: words(`
      James Liam Noah Oliver Elijah William Henry Lucas Benjamin Jack Daniel Thomas Samuel
      David Michael Ethan George Ryan Nathan Adam
    `),
    surnames: words(`
      Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas Moore
      Martin Jackson Thompson White Harris Clarke Lewis Walker Hall Allen Young King Wright
      Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans
      Turner Parker Collins O'Brien Murphy Cook Morgan Bell Cooper Reed Ward Hughes Patel
    `),
  },
  sr: {
    female: words(`
      Јелена Милица Ана Марија Ивана Драгана Тијана Сања Јована Катарина Невена Теодора
      Снежана Бојана Мина Александра Зорица Љиљана Софија Наташа
    `),
    male: words(`
      Марко Никола Стефан Лука Милош Душан Немања Александар Јован Вук Милан Драган Горан
      Зоран Небојша Урош Филип Огњен Петар Ђорђе
    `),
    surnames: words(`
      Јовановић Петровић Николић Марковић Ђорђевић Стојановић Илић Станковић Павловић
      Милошевић Поповић Ђокић Живковић Томић Лазић Костић Радовановић Митровић Обрадовић Симић
      Пешић Васић Савић Вуковић Ристић Антић Стевановић Бошковић Јанковић Михајловић Чолић
      Шарић Џаковић Љубичић
    `),
  },
  hr: {
    female: words(`
      Ana Marija Ivana Petra Lucija Katarina Mia Ema Martina Maja Nikolina Mateja Tena Dora
      Lana Željka Snježana Kristina Barbara Jelena
    `),
    male: words(`
      Luka Ivan Marko Josip Petar Matej Tomislav Ante Filip Karlo Dario Hrvoje Mario Stjepan
      Nikola Davor Krešimir Zvonimir Domagoj Juraj
    `),
    surnames: words(`
      Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović
      Matić Tomić Pavlović Kovač Božić Blažević Grgić Pavić Radić Perić Filipović Šarić Lovrić
      Vidović Perković Popović Bošnjak Jukić Barišić Đurić Čović
    `),
  },
  sl: {
    female: words(`
      Nina Eva Maja Sara Špela Nika Tjaša Urška Petra Mojca Katja Ana Tina Lea Živa Pia Mateja
      Barbara Neža Ajda
    `),
    male: words(`
      Luka Jan Žiga Nejc Matic Rok Anže Gregor Jure Miha Aleš Matej Tilen Blaž Primož Janez
      Andrej Marko Jaka Urban
    `),
    surnames: words(`
      Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk Božič
      Kralj Korošec Zupan Bizjak Hribar Kotnik Kavčič Rozman Kastelic Oblak Petek Žagar
      Hočevar Kolar Košir Koren Klemenčič
    `),
  },
  ru: {
    female: words(`
      Анастасия Мария Анна Екатерина Дарья Ольга Елена Наталья Татьяна Ирина Светлана Юлия
      Полина Ксения Виктория Алина Вера Софья Людмила Марина
    `),
    male: words(`
      Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Иван Егор
      Роман Павел Владимир Денис Евгений Николай Тимур
    `),
    // Masculine forms; feminineSurname() derives the women's forms.
    surnames: words(`
      Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
      Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев
      Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Белов Тарасов
      Ковальский Высоцкий Толстой Шевченко
    `),
  },
};

// Agents work for a company in the region and appear in its directory in Latin script.
const AGENT_NAMES: NameList = {
  female: words(`
    Ana Jelena Maja Ivana Petra Nina Sara Tijana Katarina Mojca Emma Olga Milica Lucija
    Špela Hannah Dora Teodora
  `),
  male: words(`
    Marko Luka Nikola Stefan Ivan Jan Matej Filip Miloš Rok Daniel Sergej Tomislav Gregor
    Vuk Andrej Thomas Dušan
  `),
  surnames: words(`
    Horvat Novak Jovanović Petrović Kovačević Babić Zupančič Marković Kralj Ilić Jurić
    Mlakar Nikolić Vidmar Tomić Golob Knežević Popov Walker Lazić Hribar Perić Kos Stanković
    Božić Turk Savić Orlov Grgić Koren
  `),
};

/** A person's name as the demo shows it, with the parts an email address is made from. */
export interface PersonName {
  first: string;
  last: string;
  full: string;
  female: boolean;
}

/**
 * Russian surnames agree with gender: Иванов → Иванова, Ковальский → Ковальская, Толстой → Толстая;
 * surnames of other shapes (Шевченко) stay as they are.
 *
 * @example
 * feminineSurname('Соловьёв'); // 'Соловьёва'
 */
export function feminineSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/u.test(surname)) return `${surname}а`;
  if (/(ский|цкий)$/u.test(surname)) return `${surname.slice(0, -2)}ая`;
  if (/ой$/u.test(surname)) return `${surname.slice(0, -2)}ая`;
  return surname;
}

function nameFrom(list: NameList, random: Random, russian: boolean): PersonName {
  const female = random.chance(0.5);
  const first = random.pick(female ? list.female : list.male);
  const surname = random.pick(list.surnames);
  const last = female && russian ? feminineSurname(surname) : surname;
  return { first, last, full: `${first} ${last}`, female };
}

/**
 * A customer name that fits the locale (Cyrillic for sr and ru, Latin for en, hr and sl).
 *
 * @example
 * customerName('sr', createRandom(7)).full; // e.g. 'Милица Јовановић'
 */
export function customerName(locale: Locale, random: Random): PersonName {
  return nameFrom(NAMES[locale], random, locale === 'ru');
}

/**
 * An agent's name, in Latin script as in the company directory.
 *
 * @example
 * agentName(createRandom(7)).full; // e.g. 'Maja Kovačević'
 */
export function agentName(random: Random): PersonName {
  return nameFrom(AGENT_NAMES, random, false);
}
