import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The renderer reaches the app only through the API contract.
const rendererLayer = {
  group: ['**/electron/**', 'electron', 'node:*', 'better-sqlite3', 'exceljs'],
  message: 'The renderer reaches the app only through the API contract.',
};
// A feature is used through its index.ts, so its other files can change without breaking the rest.
const throughIndex = 'Import another feature from its index (features/<name>), not from its files.';
const features = readdirSync(new URL('renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The layers are kept apart here: shared/ stands alone, the renderer never reaches into electron/.
export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/electron/**',
                '**/renderer/**',
                'electron',
                'node:*',
                'better-sqlite3',
                'exceljs',
                'react',
              ],
              message: 'shared/ holds pure code used by both sides; it imports from neither.',
            },
          ],
        },
      ],
    },
  },
  // The main side in layers: data holds all SQL and knows nothing above it; workbooks read and
  // write files only; core holds the behaviour and never touches Electron, so it runs under Node.
  {
    files: ['electron/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**', '**/core', '**/workbooks/**', 'electron'],
              message: 'data/ may not import core, workbooks or Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/workbooks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/data/**', '**/core/**', 'better-sqlite3', 'electron'],
              message: 'workbooks/ read and write files only: no data file, no core, no Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/pdf/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/data/**', '**/core/**', 'better-sqlite3', 'electron'],
              message: 'pdf/ lays out documents only: no data file, no core, no Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'better-sqlite3'],
              message: 'core/ runs under plain Node: no Electron, and SQL lives in data/.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec|pragma)$/]',
          message: 'SQL lives in electron/data/: call a function there instead.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This app does not use the React Compiler, so its memoisation warnings do not apply.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [rendererLayer, { group: ['**/features/*/*'], message: throughIndex }] },
      ],
    },
  },
  // Inside a feature its own files are imported freely; another feature only through its index.
  ...features.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rendererLayer,
            {
              group: features.filter((other) => other !== feature).map((other) => `**/${other}/*`),
              message: throughIndex,
            },
          ],
        },
      ],
    },
  })),
);
