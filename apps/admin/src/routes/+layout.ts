// A single-page app: the api serves build/index.html for every path and the browser renders it.
export const ssr = false;
export const prerender = false;
