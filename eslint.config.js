import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The direction of imports, enforced. Each folder of src/ names the folders and the view
 * packages it may import; anything else is an upward (or sideways) import and fails the lint.
 * The layers, top down (README, Architecture):
 *   main.tsx, App.tsx -> ui -> editor -> store -> sandbox, persist, share -> workspace -> core
 * packages (npm packages: registry, tarballs, integrity) uses core only; store and ui use it.
 * perf (timing marks for the benchmark) is a leaf that store, editor and ui may use.
 * cli (the headless test runner, Node) is a top layer beside the app: it uses the engine and
 * the workspace's rules, never the browser code.
 */
const MAY_IMPORT = {
  core: [],
  workspace: ['core'],
  sandbox: ['core'],
  packages: ['core'],
  persist: ['core', 'workspace'],
  share: ['core', 'workspace'],
  perf: [],
  store: ['core', 'workspace', 'sandbox', 'persist', 'share', 'packages', 'perf'],
  editor: ['core', 'workspace', 'store', 'perf'],
  ui: ['core', 'workspace', 'share', 'packages', 'perf', 'store', 'editor'],
  cli: ['core', 'workspace'],
};
const PACKAGES = {
  react: {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    for: ['perf', 'store', 'editor', 'ui'],
  },
  zustand: { group: ['zustand', 'zustand/*'], for: ['store', 'editor', 'ui'] },
  monaco: { group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'], for: ['editor'] },
  // Schemas take `z` from src/core/schemaKit.ts (zod/mini with English messages): one import
  // of zod classic would bring ~15 KB gzip back before Monaco.
  'zod except through core/schemaKit': { group: ['zod', 'zod/*'], for: [] },
};
/** The one module that imports zod itself. */
const SCHEMA_KIT = 'src/core/schemaKit.ts';

function fence(folder) {
  const allowed = MAY_IMPORT[folder];
  const banned = Object.keys(MAY_IMPORT).filter(
    (other) => other !== folder && !allowed.includes(other),
  );
  const message = `${folder}/ may import only ${allowed.join(', ') || 'its own files'} (README, Architecture).`;
  const patterns = [
    // Relative paths: `../store`, `../../store/selectors`, … (inside a folder, imports are `./…`).
    { group: banned.flatMap((other) => [`**/${other}`, `**/${other}/**`]), message },
    ...Object.entries(PACKAGES)
      .filter(([, rule]) => !rule.for.includes(folder))
      .map(([name, rule]) => ({ group: rule.group, message: `${folder}/ does not use ${name}.` })),
  ];
  // The same for `import(…)`; esquery's regex literals cannot hold a slash: \x2F stands for one.
  const dynamic = `/^(\\.\\.\\x2F)+(.*\\x2F)?(${banned.join('|')})(\\x2F|$)/`;
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: folder === 'core' ? [SCHEMA_KIT] : [],
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=${dynamic}]`, message },
      ],
    },
  };
}

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
  ...Object.keys(MAY_IMPORT).map(fence),
  {
    files: ['src/cli/**/*.{ts,mjs}', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['e2e/**/*.{ts,mjs,js}', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
