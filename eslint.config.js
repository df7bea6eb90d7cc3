import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The engine is pure: it runs in Node (tests), in the sandbox worker and in the UI.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*'],
              message: 'core/ is DOM-free and React-free.',
            },
            { group: ['zustand', 'zustand/*'], message: 'core/ does not know the store.' },
            {
              group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
              message: 'core/ does not know the editor.',
            },
            {
              group: ['**/sandbox/**', '**/store/**', '**/ui/**', '**/editor/**', '**/share/**'],
              message: 'core/ imports only core files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.{ts,mjs,js}', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
