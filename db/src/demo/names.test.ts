import { describe, expect, it } from 'vitest';
import { agentName, customerName, feminineSurname, LOCALES } from './names';
import { createRandom } from './random';
import { asciiName } from './transliterate';

describe('feminineSurname', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Никитин', 'Никитина'],
    ['Ковальский', 'Ковальская'],
    ['Высоцкий', 'Высоцкая'],
    ['Толстой', 'Толстая'],
    ['Шевченко', 'Шевченко'],
  ])('%s → %s', (male, female) => {
    expect(feminineSurname(male)).toBe(female);
  });
});

describe('asciiName', () => {
  it.each([
    ['Đorđe', 'hr', 'djordje'],
    ['Krešimir', 'hr', 'kresimir'],
    ['Žiga', 'sl', 'ziga'],
    ['Љиљана', 'sr', 'ljiljana'],
    ['Ђорђе', 'sr', 'djordje'],
    ['Џаковић', 'sr', 'dzakovic'],
    ['Шевченко', 'ru', 'shevchenko'],
    ['Фёдоров', 'ru', 'fedorov'],
    ['Юлия', 'ru', 'yuliya'],
    ['Щукин', 'ru', 'shchukin'],
    ["O'Brien", 'en', 'obrien'],
  ] as const)('%s (%s) → %s', (name, locale, expected) => {
    expect(asciiName(name, locale)).toBe(expected);
  });
});

describe('customerName and agentName', () => {
  it('writes sr and ru in Cyrillic, en, hr and sl in Latin, and Russian women with feminine surnames', () => {
    const random = createRandom(3);
    for (const locale of LOCALES) {
      for (let i = 0; i < 200; i++) {
        const name = customerName(locale, random);
        expect(name.full).toBe(`${name.first} ${name.last}`);
        const script =
          locale === 'sr' || locale === 'ru' ? /^\p{Script=Cyrillic}+$/u : /^[\p{Script=Latin}']+$/u;
        expect(name.first).toMatch(script);
        expect(name.last).toMatch(script);
        expect(asciiName(name.first, locale)).toMatch(/^[a-z]+$/);
      }
    }
    const russians = Array.from({ length: 400 }, () => customerName('ru', random));
    const masculine = /(ов|ев|ёв|ин|ын|ий|ой)$/u;
    expect(russians.filter((name) => name.female && masculine.test(name.last))).toEqual([]);
    expect(russians.filter((name) => !name.female && /(ова|ева|ёва|ина|ына|ая)$/u.test(name.last))).toEqual(
      [],
    );
    expect(
      russians.filter((name) => name.female && /(ова|ева|ина)$/u.test(name.last)).length,
    ).toBeGreaterThan(100);
  });

  it('gives agents Latin names', () => {
    const random = createRandom(4);
    for (let i = 0; i < 100; i++)
      expect(agentName(random).full).toMatch(/^\p{Script=Latin}+ \p{Script=Latin}+$/u);
  });
});
