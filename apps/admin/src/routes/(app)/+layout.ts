import { error, redirect } from '@sveltejs/kit';
import { api, send } from '$lib/api';
import { toApiError } from '$lib/api-error';
import type { LayoutLoad } from './$types';

/** Everything under (app) needs a session: without one, the login page, then back here. */
export const load: LayoutLoad = async ({ url, depends, untrack }) => {
  depends('app:session');
  try {
    const { user } = await send(api.auth.me.$get());
    return { user };
  } catch (err) {
    const shown = toApiError(err);
    if (shown.status === 401) {
      const here = untrack(() => `${url.pathname}${url.search}`);
      redirect(307, here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`);
    }
    error(shown.status >= 400 ? shown.status : 503, { message: shown.message, code: shown.code });
  }
};
