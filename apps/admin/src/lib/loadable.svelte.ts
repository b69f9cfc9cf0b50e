import { handleApiError } from './api';

/**
 * Data a page loads from the API, with its loading and error state. A failed first load keeps the
 * message for the page to show in place of the data; a failed reload leaves the data as it was and
 * shows the message in the notification region. Only the latest call's result lands.
 *
 * @example
 * const teams = new Loadable(() => send(api.teams.$get()).then((r) => r.items));
 * onMount(() => teams.load());
 */
export class Loadable<T> {
  data = $state<T | undefined>(undefined);
  error = $state<string | null>(null);
  loading = $state(false);
  #fetcher: () => Promise<T>;
  #latest = 0;

  constructor(fetcher: () => Promise<T>) {
    this.#fetcher = fetcher;
  }

  async load(): Promise<void> {
    const call = ++this.#latest;
    this.loading = true;
    try {
      const data = await this.#fetcher();
      if (call !== this.#latest) return;
      this.data = data;
      this.error = null;
    } catch (err) {
      if (call !== this.#latest) return;
      const firstLoad = this.data === undefined;
      const shown = handleApiError(err, { inline: firstLoad });
      if (firstLoad) this.error = shown.message;
    } finally {
      if (call === this.#latest) this.loading = false;
    }
  }
}
