import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: the api serves build/ and answers every non-/api path with index.html.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', precompress: false }),
  },
  vitePlugin: {
    // Runes everywhere in our own code; libraries compile as they were written.
    dynamicCompileOptions: ({ filename }) =>
      filename.includes('node_modules') ? undefined : { runes: true },
  },
};

export default config;
