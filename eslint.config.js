// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, with and without the `node:` prefix. */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

/**
 * Folders say which runtime (STYLE.md §1): importing across runtimes is a lint error, not a review
 * comment. `allowTypeImports` lets main name Electron's types without loading Electron.
 */
const restrict = (groups, message, allowTypeImports = false) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message, allowTypeImports }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is checked with the project of its runtime; shared/ tests run under Node, so
      // electron/tsconfig.json (which includes them) comes after shared's own.
      parserOptions: {
        project: ['./shared/tsconfig.json', './electron/tsconfig.json', './electron/preload/tsconfig.json', './renderer/tsconfig.json', './e2e/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md §16).' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [...nodeBuiltins, 'electron', 'react', 'react-*', 'better-sqlite3', 'pino', '**/electron/**', '**/renderer/**'],
        'shared/ is pure: no Node, no DOM, no Electron, no other runtime folder.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'pino', '**/electron/**'],
        'The page reaches main only through lib/api.ts; it never loads Node or Electron modules.',
      ),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md §16).' },
        { selector: "MemberExpression[object.name='window'][property.name='quai']", message: 'Use lib/api.ts, the only door to main.' },
      ],
    },
  },
  {
    // Read by Node tests and e2e, never bundled into the page.
    files: ['renderer/i18n/files.ts', 'renderer/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/lib/api.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, 'better-sqlite3', 'pino', '**/electron/main/**', '**/renderer/**'], 'A sandboxed preload may load only electron and bundled shared code.'),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/host/**/*.ts', 'electron/demo-central/**/*.ts'],
    ignores: ['electron/main/index.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['electron', '**/renderer/**'], 'Only electron/main/index.ts loads Electron: the core runs under plain Node (DESIGN §2).', true),
  },
  {
    files: ['electron/main/index.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tools, tests, benchmarks and e2e talk to a terminal.
    files: ['electron/tools/**', 'bench/**', 'e2e/**', '**/*.test.ts', '*.config.ts', 'eslint.config.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    // Vitest's asymmetric matchers (expect.any, objectContaining) are typed `any`.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  {
    files: ['**/*.mjs', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
