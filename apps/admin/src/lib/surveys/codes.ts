/**
 * Stable codes for options and question ids. A code is made once, from the label a manager typed
 * (in any of the survey's scripts), and then kept: answers are stored by code, so renaming a label
 * later must not change it.
 */

/** Serbian and Russian Cyrillic in the Latin letters people would type for them. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'j',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'ch',
  џ: 'dz',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin letters that do not decompose into a base letter and a mark. */
const LATIN: Record<string, string> = { đ: 'dj', ß: 'ss', æ: 'ae', ø: 'o', ł: 'l', œ: 'oe' };

/** The rule of `Code` in @rapport/contracts: a lower-case letter, then letters, digits and _, 40 at most. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_LENGTH = 40;

function trimUnderscores(text: string): string {
  return text.replace(/^_+|_+$/g, '');
}

/**
 * A label as a code: transliterated, lower-case, words joined by `_`, cut at 40 characters. Empty
 * when the label has no letters or digits.
 *
 * @example
 * slugOf('It took too long') // 'it_took_too_long'
 * slugOf('Љубазан агент')    // 'ljubazan_agent'
 * slugOf('Učinkovito')       // 'ucinkovito'
 */
export function slugOf(label: string): string {
  const latin = [...label.toLowerCase()].map((ch) => CYRILLIC[ch] ?? LATIN[ch] ?? ch).join('');
  const plain = latin.normalize('NFD').replace(/\p{M}/gu, '');
  return trimUnderscores(trimUnderscores(plain.replace(/[^a-z0-9]+/g, '_')).slice(0, MAX_LENGTH));
}

/**
 * `base`, or `base_2`, `base_3`… — the first one not taken, always within 40 characters.
 *
 * @example
 * uniqueCode('other', ['other']) // 'other_2'
 */
export function uniqueCode(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${trimUnderscores(base.slice(0, MAX_LENGTH - suffix.length))}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The code for a new option with this label: its slug (prefixed with `fallback` when it would not
 * start with a letter, or be empty), made unique among `taken`.
 *
 * @example
 * codeFromLabel('Slow reply', ['slow_reply']) // 'slow_reply_2'
 * codeFromLabel('24 hours', [])               // 'option_24_hours'
 * codeFromLabel('???', [])                    // 'option'
 */
export function codeFromLabel(label: string, taken: Iterable<string>, fallback = 'option'): string {
  const slug = slugOf(label);
  const base = slug === '' ? fallback : /^[a-z]/.test(slug) ? slug : slugOf(`${fallback}_${slug}`);
  return uniqueCode(base, taken);
}
