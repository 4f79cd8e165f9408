// Flat config: typescript-eslint, react-hooks for the renderer, Prettier last.
// Import zones keep the layers honest: the domain (src/main/core, src/shared) runs
// anywhere, so it may import neither Electron nor React; the renderer reaches main only
// through the API contract.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'worker_threads',
].flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'coverage',
      'test-results',
      'playwright-report',
      'e2e/artifacts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The domain must run without Electron: put Electron glue in src/main/app.',
            },
            { name: 'react', message: 'The domain must not depend on React.' },
          ],
          patterns: [
            { group: ['**/app/**', '**/renderer/**'], message: 'The domain must not import upward.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'better-sqlite3', ...NODE_BUILTINS],
          patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'] }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', ...NODE_BUILTINS],
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'Reach main through the API client.' },
          ],
        },
      ],
    },
  },
  prettier,
);
