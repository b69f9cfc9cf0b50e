/**
 * The demo data's only source of randomness: a seeded sfc32 generator and the few distributions the
 * generator needs. Nothing here reads the clock or `Math.random`, so a seed replays exactly.
 */

const TWO_32 = 0x1_0000_0000;

/** A seeded stream of random numbers. Every method advances the same stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** A normal variate (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A lognormal variate given its median and the sd of its logarithm: a long right tail. */
  lognormal(median: number, sigma: number): number;
  /** A random (version 4) UUID drawn from this stream. */
  uuid(): string;
  /** `words` × 32 random bits as lower-case hex (8 characters per word). */
  hex(words: number): string;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand,
 * and needs nothing but 32-bit integer arithmetic, which keeps it fast in plain JavaScript.
 */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** splitmix32 spreads a small or patterned seed over sfc32's whole state. */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Seeds sfc32 from any number of safe integers (negative or beyond 32 bits included): each one's low
 * and high 32-bit halves go through splitmix32 in turn, so every bit of every input counts.
 */
function seededSfc32(...inputs: number[]): () => number {
  let mixed = 0;
  for (const input of inputs) {
    const low = input >>> 0;
    const high = Math.floor(input / TWO_32) >>> 0;
    mixed = splitmix32(mixed ^ low)();
    mixed = splitmix32(mixed ^ high)();
  }
  const mix = splitmix32(mixed);
  const next = sfc32(mix(), mix(), mix(), mix());
  // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
  for (let i = 0; i < 12; i++) next();
  return next;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return (
    (HEX[word >>> 24] ?? '') +
    (HEX[(word >>> 16) & 0xff] ?? '') +
    (HEX[(word >>> 8) & 0xff] ?? '') +
    (HEX[word & 0xff] ?? '')
  );
}

/** Formats 128 random bits as an RFC 9562 version-4 UUID (version nibble 4, variant bits 10). */
function uuidFromWords(w0: number, w1: number, w2: number, w3: number): string {
  const a = hex32(w0);
  const b = hex32(((w1 & 0xffff0fff) | 0x00004000) >>> 0);
  const c = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
  const d = hex32(w3);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/**
 * Creates a seeded random stream. The same seed gives the same sequence on every machine. Extra
 * `streams` labels give independent streams for the same seed, so one part of the data set can draw
 * without shifting what another part draws.
 *
 * @example
 * const random = createRandom(42);
 * random.int(1, 6); // the same die roll on every run
 * random.lognormal(3, 0.9); // minutes, median 3, long tail
 * createRandom(42, 1).next() !== createRandom(42).next(); // an independent stream
 */
export function createRandom(seed: number, ...streams: number[]): Random {
  const nextWord = seededSfc32(seed, ...streams);
  // Box–Muller yields normals in pairs; the spare is kept so no draw is wasted (and order stays fixed).
  let spare: number | undefined;
  const next = (): number => nextWord() / TWO_32;
  const random: Random = {
    next,
    uint32: nextWord,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal(mean = 0, sd = 1) {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return mean + sd * z;
      }
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      return mean + sd * radius * Math.cos(angle);
    },
    lognormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    uuid: () => uuidFromWords(nextWord(), nextWord(), nextWord(), nextWord()),
    hex(words) {
      let out = '';
      for (let i = 0; i < words; i++) out += hex32(nextWord());
      return out;
    },
  };
  return random;
}

/**
 * A UUID that depends only on the seed, a stream label and an index, not on how far the main stream
 * has run. The generator uses it for customers, so a returning customer's id can be recomputed from
 * its number instead of keeping every id in memory.
 *
 * @example
 * deriveUuid(42, 2, 17) === deriveUuid(42, 2, 17); // true
 * deriveUuid(42, 2, 17) === deriveUuid(42, 2, 18); // false
 */
export function deriveUuid(seed: number, stream: number, index: number): string {
  const next = seededSfc32(seed, stream, index);
  return uuidFromWords(next(), next(), next(), next());
}

/**
 * Chooses among weighted options in proportion to their weights (which need not sum to 1).
 *
 * @example
 * const channel = weightedPicker([['email', 45], ['chat', 30], ['phone', 25]]);
 * channel(createRandom(1)); // 'email' about 45% of the time
 */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`bad weight ${weight}`);
    if (weight === 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  const last = values[values.length - 1];
  if (last === undefined) throw new RangeError('weightedPicker() needs a positive weight');
  return (random) => {
    const target = random.next() * total;
    for (let i = 0; i < cumulative.length; i++) {
      if (target < (cumulative[i] ?? 0)) return values[i] ?? last;
    }
    // Only reachable through rounding at the very top of the range.
    return last;
  };
}
