import { describe, expect, it } from 'vitest';
import { drawSample } from './review-sample';

const ids = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('drawSample', () => {
  it('draws the same tickets for the same seed, whatever order they come in', () => {
    const first = drawSample('seed-a', ids, 5);
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
    expect(drawSample('seed-a', [...ids].reverse(), 5)).toEqual(first);
    for (const id of first) expect(ids).toContain(id);
  });

  it('draws different tickets for a different seed', () => {
    expect(drawSample('seed-b', ids, 5)).not.toEqual(drawSample('seed-a', ids, 5));
  });

  it('ranks by SHA-256 of seed:id, lowest first', async () => {
    const { createHash } = await import('node:crypto');
    const rank = (id: string) => createHash('sha256').update(`seed-a:${id}`).digest('hex');
    const expected = [...ids].sort((a, b) => (rank(a) < rank(b) ? -1 : 1)).slice(0, 3);
    expect(drawSample('seed-a', ids, 3)).toEqual(expected);
  });

  it('takes every ticket when there are fewer than n, and none for n = 0', () => {
    expect([...drawSample('s', ids.slice(0, 3), 5)].sort()).toEqual(ids.slice(0, 3));
    expect(drawSample('s', ids, 0)).toEqual([]);
    expect(drawSample('s', [], 5)).toEqual([]);
  });

  it('grows a sample without reshuffling it: a larger n keeps the smaller draw as its start', () => {
    expect(drawSample('s', ids, 8).slice(0, 4)).toEqual(drawSample('s', ids, 4));
  });

  it('draws fixed tickets for a fixed seed: the recorded seeds of past cycles keep their samples', () => {
    const few = ['t1', 't2', 't3', 't4', 't5', 't6'];
    expect(drawSample('demo-seed', few, 3)).toEqual(['t5', 't6', 't2']);
    expect(drawSample('other-seed', few, 3)).toEqual(['t5', 't1', 't4']);
  });
});
