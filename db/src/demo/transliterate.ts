import type { Locale } from './names';

/** Reads "а a б b … ъ -" pairs; "-" maps a letter to nothing (the Russian hard and soft signs). */
function table(pairs: string): ReadonlyMap<string, string> {
  const words = pairs.split(/\s+/u).filter((word) => word.length > 0);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) {
    const latin = words[i + 1] ?? '';
    map.set(words[i] ?? '', latin === '-' ? '' : latin);
  }
  return map;
}

// People in the region write addresses without diacritics the way they type them: č, ć → c, š → s,
// ž → z, đ → dj. Serbian Cyrillic follows the same letters; Russian uses its usual romanisation.
const SERBIAN = table(`
  а a  б b  в v  г g  д d  ђ dj е e  ж z  з z  и i  ј j  к k  л l  љ lj м m
  н n  њ nj о o  п p  р r  с s  т t  ћ c  у u  ф f  х h  ц c  ч c  џ dz ш s
`);

const RUSSIAN = table(`
  а a  б b  в v  г g  д d  е e  ё e  ж zh з z  и i  й y  к k  л l  м m  н n  о o
  п p  р r  с s  т t  у u  ф f  х kh ц ts ч ch ш sh щ shch ъ -  ы y  ь -  э e  ю yu я ya
`);

/**
 * Turns a name into the lower-case ASCII an email address would use: `Đorđe` → `djordje`,
 * `Љиљана` (sr) → `ljiljana`, `Фёдоров` (ru) → `fedorov`, `O'Brien` → `obrien`.
 *
 * @example
 * asciiName('Шевченко', 'ru'); // 'shevchenko'
 */
export function asciiName(name: string, locale: Locale): string {
  const key = `${locale}:${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const ascii = transliterate(name, locale);
  cache.set(key, ascii);
  return ascii;
}

// Names come from short fixed lists, so a few hundred entries cover every call; Unicode
// normalisation is the generator's costliest step without it.
const cache = new Map<string, string>();

function transliterate(name: string, locale: Locale): string {
  const letters = locale === 'ru' ? RUSSIAN : SERBIAN;
  let out = '';
  for (const char of name.toLowerCase()) {
    const mapped = char === 'đ' ? 'dj' : letters.get(char);
    out += mapped ?? char;
  }
  // NFD splits č into c + a combining caron, which the filter then drops.
  return out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}
