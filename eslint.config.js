// ESLint flat config: TypeScript rules for server, client, tests and scripts; React hooks rules for the page.
// `npm run lint` runs it with a cache under node_modules/.cache, so a second run only reads changed files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    // generated output, data, local state and screenshots: never source
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/demo/**',
      'data/samples/**',
      '.data/**',
      'test-results/**',
      'test/fixtures/**',
      'coverage/**',
      'docs/**',
      'scratch/**',
      'bench/load-last-run.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // tests poke at untyped JSON answers; `any` there is a convenience, not a contract
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // the two rules the page's `eslint-disable` comments name; warnings would pass the gate silently, so both are errors
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
