import { createHash } from 'node:crypto';

/**
 * Picks `n` of `ticketIds` at random, reproducibly: each ticket is ranked by SHA-256 of
 * `seed:ticketId` and the `n` lowest ranks win. The result depends only on the seed and the set of
 * ids (not their order), so anyone with the recorded seed can draw the same sample again, and no one
 * can steer it without changing the seed. Fewer ids than `n`: all of them, in draw order. The API
 * draws review samples with it, and the demo draws its history's samples with it too, so the
 * product's redraw check holds for demo cycles.
 *
 * @example
 * drawSample('9f2c…', ['b', 'a', 'c'], 2); // e.g. ['c', 'a'], the same every time for this seed
 */
export function drawSample(seed: string, ticketIds: readonly string[], n: number): string[] {
  const ranked = [...new Set(ticketIds)]
    .sort()
    .map((id) => ({ id, rank: createHash('sha256').update(`${seed}:${id}`).digest('hex') }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1));
  return ranked.slice(0, Math.max(0, n)).map((r) => r.id);
}
