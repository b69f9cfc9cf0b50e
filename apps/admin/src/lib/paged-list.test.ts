import { beforeEach, describe, expect, it, vi } from 'vitest';

const handleApiError = vi.fn((err: unknown) => ({
  message: err instanceof Error ? err.message : String(err),
}));
// The real module imports SvelteKit's $app modules, which only exist inside the app.
vi.mock('./api', () => ({ handleApiError }));

const { PagedList } = await import('./paged-list.svelte');

/** A fetch whose replies the test hands out, in any order. */
function controlledFetch() {
  const calls: {
    query: string;
    cursor: string | undefined;
    resolve: (page: { items: string[]; nextCursor: string | null }) => void;
    reject: (err: Error) => void;
  }[] = [];
  const fetchPage = (query: string, cursor: string | undefined) =>
    new Promise<{ items: string[]; nextCursor: string | null }>((resolve, reject) =>
      calls.push({ query, cursor, resolve, reject }),
    );
  return { calls, fetchPage };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => handleApiError.mockClear());

describe('PagedList', () => {
  it('loads the first page, then appends pages until the last, and says so', async () => {
    const { calls, fetchPage } = controlledFetch();
    const onLastPage = vi.fn();
    const list = new PagedList({ fetchPage, onLastPage });
    expect(list.loading).toBe(true);

    const first = list.load('billing');
    calls[0]?.resolve({ items: ['a', 'b'], nextCursor: 'c1' });
    await first;
    expect([list.items, list.nextCursor, list.loading, list.hasMore]).toEqual([
      ['a', 'b'],
      'c1',
      false,
      true,
    ]);
    expect(list.shown).toEqual({ query: 'billing' });

    const more = list.loadMore();
    expect(list.loadingMore).toBe(true);
    expect(calls[1]).toMatchObject({ query: 'billing', cursor: 'c1' });
    calls[1]?.resolve({ items: ['c'], nextCursor: 'c2' });
    await more;
    expect(onLastPage).not.toHaveBeenCalled();

    const last = list.loadMore();
    calls[2]?.resolve({ items: ['d'], nextCursor: null });
    await last;
    expect(list.items).toEqual(['a', 'b', 'c', 'd']);
    expect([list.hasMore, list.loadingMore]).toEqual([false, false]);
    expect(onLastPage).toHaveBeenCalledTimes(1);

    await list.loadMore();
    expect(calls).toHaveLength(3);
  });

  it('drops a slow reply to an earlier query', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new PagedList({ fetchPage });
    const slow = list.load('a');
    const fast = list.load('ab');
    calls[1]?.resolve({ items: ['ab-1'], nextCursor: null });
    await fast;
    calls[0]?.resolve({ items: ['a-1', 'a-2'], nextCursor: 'x' });
    await slow;
    expect(list.items).toEqual(['ab-1']);
    expect(list.shown).toEqual({ query: 'ab' });
    expect([list.loading, list.nextCursor]).toEqual([false, null]);
  });

  it('stays loading while the latest query is out, even when an earlier one settles', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new PagedList({ fetchPage });
    void list.load('a');
    void list.load('ab');
    calls[0]?.resolve({ items: ['a-1'], nextCursor: null });
    await settle();
    expect(list.loading).toBe(true);
    expect(list.items).toEqual([]);
  });

  it('drops a "Load more" reply that arrives after a new query started', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new PagedList({ fetchPage });
    const first = list.load('a');
    calls[0]?.resolve({ items: ['a-1'], nextCursor: 'c1' });
    await first;
    const more = list.loadMore();
    const next = list.load('b');
    calls[2]?.resolve({ items: ['b-1'], nextCursor: null });
    await next;
    calls[1]?.resolve({ items: ['a-2'], nextCursor: null });
    await more;
    expect(list.items).toEqual(['b-1']);
    expect(list.loadingMore).toBe(false);
  });

  it('keeps a failed first load’s message for the page, and a failed "Load more" out of the list', async () => {
    const { calls, fetchPage } = controlledFetch();
    const list = new PagedList({ fetchPage });
    const failing = list.load('a');
    calls[0]?.reject(new Error('The server could not answer.'));
    await failing;
    expect(list.error).toBe('The server could not answer.');
    expect(handleApiError).toHaveBeenLastCalledWith(expect.any(Error), { inline: true });

    const retry = list.reload();
    expect(list.error).toBeNull();
    calls[1]?.resolve({ items: ['a-1'], nextCursor: 'c1' });
    await retry;
    const more = list.loadMore();
    calls[2]?.reject(new Error('Network down.'));
    await more;
    expect(list.items).toEqual(['a-1']);
    expect(list.error).toBeNull();
    expect(list.nextCursor).toBe('c1');
    expect(handleApiError).toHaveBeenLastCalledWith(expect.any(Error));
  });

  it('replaces and removes items in place', async () => {
    const list = new PagedList({
      fetchPage: async () => ({
        items: [
          { id: 1, v: 'a' },
          { id: 2, v: 'b' },
        ],
        nextCursor: null,
      }),
    });
    await list.load(undefined);
    list.replace((x) => x.id === 2, { id: 2, v: 'B' });
    expect(list.items).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'B' },
    ]);
    list.remove((x) => x.id === 1);
    expect(list.items).toEqual([{ id: 2, v: 'B' }]);
  });
});
