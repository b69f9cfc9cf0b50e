import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** The arrows of DESIGN.md: each package may import only what sits below it. */
const boundary = (forbidden, where) =>
  forbidden.map((name) => ({ group: [name, `${name}/*`], message: `${where}` }));

export default ts.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '**/coverage/**',
      'db/migrations/**',
      '.rapport/**',
      'test/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['packages/scoring/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: boundary(
            [
              '@rapport/contracts',
              '@rapport/db',
              '@rapport/api',
              '@rapport/admin',
              'drizzle-orm',
              'hono',
              'valibot',
            ],
            'packages/scoring is pure math with no dependencies: pass the numbers in instead.',
          ),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'scoring does no I/O.' },
        { name: 'process', message: 'scoring reads no environment: pass values in.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `now` in.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass a seeded generator in.',
        },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Pass `now` in.' },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: boundary(
            ['@rapport/db', '@rapport/api', '@rapport/admin', 'drizzle-orm', 'hono'],
            'packages/contracts holds shared schemas only; it may import @rapport/scoring types and valibot.',
          ),
        },
      ],
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: boundary(
            ['@rapport/api', '@rapport/admin', 'hono'],
            'db sits below the api: move HTTP concerns to apps/api.',
          ),
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**'],
    ignores: [
      'apps/api/src/services/**',
      'apps/api/src/server.ts',
      'apps/api/src/app.ts',
      'apps/api/src/**/*.test.ts',
      'apps/api/src/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@rapport/db', 'drizzle-orm', 'drizzle-orm/*'],
              allowTypeImports: true,
              message: 'Only apps/api/src/services touches the database: call a service function instead.',
            },
            ...boundary(['@rapport/admin'], 'The api does not import the admin.'),
          ],
        },
      ],
    },
  },
  {
    files: ['apps/admin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@rapport/api', '@rapport/api/*'],
              allowTypeImports: true,
              message:
                "The admin may import only the api's types (AppType); talk to it over HTTP with hc<AppType>.",
            },
            ...boundary(
              ['@rapport/db', 'drizzle-orm', 'postgres', '@electric-sql/pglite'],
              'The admin reaches data only through the API.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['test/**'],
    // Benchmarks measure the parts themselves (the demo generator, the database), so they may import them.
    ignores: ['test/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: boundary(
            ['@rapport/api', '@rapport/db', '@rapport/admin'],
            'test/ drives the running system over HTTP and the browser, like a user: no imports of our packages.',
          ),
        },
      ],
    },
  },
);
