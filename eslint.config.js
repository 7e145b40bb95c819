// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'playwright-report/', 'bench/baseline/', 'bench/tmp/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser, ...globals.worker },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Lesson starter files are exercises: the variables a learner is meant to use are declared
    // but not used yet. They are type-checked in the learner's world by starter-files.test.ts.
    files: ['content/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
