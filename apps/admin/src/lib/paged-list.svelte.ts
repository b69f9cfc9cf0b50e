import { tick } from 'svelte';
import { handleApiError } from './api';

/** One page of a keyset-paged list, as every list endpoint of the API answers. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedListOptions<T, Q> {
  /** Fetches the page of `query` after `cursor` (the first page without one). */
  fetchPage: (query: Q, cursor: string | undefined) => Promise<PageOf<T>>;
  /**
   * Called once the last page has come in through "Load more": the button that had the focus is
   * gone, so the page moves the focus somewhere useful (usually the list's count line).
   */
  onLastPage?: () => void;
}

/**
 * A keyset-paged list as a page shows it: the first page of a query, "Load more", and the loading
 * and error states. Only the latest query's replies land: a slow reply to an earlier query (or a
 * "Load more" of it) is dropped, so the list never mixes two searches.
 *
 * A failed first load keeps its message in `error` for the page to show in place of the list; a
 * failed "Load more" leaves the list as it was and goes to the notification region.
 *
 * @example
 * const list = new PagedList({
 *   fetchPage: (q: string, cursor) => send(api.customers.$get({ query: { q, ...(cursor ? { cursor } : {}) } })),
 *   onLastPage: () => countLine?.focus(),
 * });
 * $effect(() => void list.load(q));
 */
export class PagedList<T, Q = void> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  /** True from the start until the first load settles, and again while a new query loads. */
  loading = $state(true);
  loadingMore = $state(false);
  error = $state<string | null>(null);
  /** The query the listed items answer (differs from the latest while that one loads). */
  shown = $state<{ query: Q } | null>(null);

  #options: PagedListOptions<T, Q>;
  #latest = 0;
  #query: { query: Q } | null = null;

  constructor(options: PagedListOptions<T, Q>) {
    this.#options = options;
  }

  /** Whether more pages can be loaded. */
  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  /** Loads the first page of `query`, replacing the list once it arrives. */
  async load(query: Q): Promise<void> {
    const call = ++this.#latest;
    this.#query = { query };
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#options.fetchPage(query, undefined);
      if (call !== this.#latest) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.shown = { query };
    } catch (err) {
      if (call !== this.#latest) return;
      this.error = handleApiError(err, { inline: true }).message;
    } finally {
      if (call === this.#latest) this.loading = false;
    }
  }

  /** Loads the first page of the latest query again. */
  async reload(): Promise<void> {
    if (this.#query) await this.load(this.#query.query);
  }

  /** Appends the next page of the shown query. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    const shown = this.shown;
    if (!cursor || !shown || this.loadingMore) return;
    const call = this.#latest;
    this.loadingMore = true;
    try {
      const page = await this.#options.fetchPage(shown.query, cursor);
      if (call !== this.#latest) return;
      this.items = [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      if (!page.nextCursor && this.#options.onLastPage) {
        await tick();
        this.#options.onLastPage();
      }
    } catch (err) {
      if (call === this.#latest) handleApiError(err);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Replaces one listed item in place (after a change made on this page). */
  replace(match: (item: T) => boolean, next: T): void {
    this.items = this.items.map((item) => (match(item) ? next : item));
  }

  /** Takes items off the list (e.g. one that no longer belongs to the shown tab). */
  remove(match: (item: T) => boolean): void {
    this.items = this.items.filter((item) => !match(item));
  }
}
