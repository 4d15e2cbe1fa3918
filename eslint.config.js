// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Engine and shared code must load in plain Node (CLI, headless server, tests), so `electron` is banned there. */
const noElectronInPureCode = {
  files: ['electron/engine/**/*.ts', 'electron/shared/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'electron', message: 'electron/engine and electron/shared run in plain Node: never import electron here.' }],
        patterns: [{ group: ['electron/*'], message: 'electron/engine and electron/shared run in plain Node: never import electron here.' }],
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
        message: 'electron/engine and electron/shared run in plain Node: never require electron here.',
      },
      {
        selector: "ImportExpression[source.value='electron']",
        message: 'electron/engine and electron/shared run in plain Node: never import electron here.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  noElectronInPureCode,
);
