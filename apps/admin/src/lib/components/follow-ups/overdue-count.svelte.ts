import { api, send } from '$lib/api';

let overdue = $state<number | null>(null);
let latest = 0;

/**
 * The number of overdue follow-ups, for the badge next to "Follow-ups" in the navigation. The
 * navigation refreshes it on every page change; the board and the response detail after each
 * change they make. A failed refresh hides the badge rather than show a stale number; the page
 * the user is on reports the failure (a badge must not raise errors of its own on every page).
 */
export const overdueFollowUps = {
  get count(): number | null {
    return overdue;
  },
  /** Sets the number from counts the caller already has. */
  set(count: number): void {
    latest += 1;
    overdue = count;
  },
  async refresh(): Promise<void> {
    const call = ++latest;
    try {
      const counts = await send(api['follow-ups'].counts.$get());
      if (call === latest) overdue = counts.overdue;
    } catch {
      if (call === latest) overdue = null;
    }
  },
};
