// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve } from 'node:path';

/** Node's built-in modules, with and without the `node:` prefix. */
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];

/**
 * Folders say which runtime (docs/style.md §1): importing across runtimes is a lint error, not a review
 * comment. `allowTypeImports` lets main name Electron's types without loading Electron.
 */
const restrict = (groups, message, allowTypeImports = false) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message, allowTypeImports }] }],
});

/**
 * The layers of the tree and what each may import (docs/adr/0005-layers.md), as VS Code's
 * `local/code-layering` rule does it: every relative import is resolved and its layer checked.
 * Packages (electron, better-sqlite3 …) are restricted per folder by `no-restricted-imports`.
 */
const root = import.meta.dirname;

/** Longest prefix first. */
const layerOf = (/** @type {string} */ path) => {
  if (path === 'electron/demo-central/launch.ts' || path === 'electron/demo-central/launch') return 'centre-launch';
  for (const [prefix, layer] of [
    ['shared/', 'shared'],
    ['electron/platform/', 'platform'],
    ['electron/main/', 'core'],
    ['electron/demo-central/', 'centre'],
    ['electron/shell/', 'shell'],
    ['electron/host/', 'host'],
    ['electron/preload/', 'preload'],
    ['electron/tools/', 'tools'],
    ['renderer/', 'renderer'],
    ['e2e/', 'e2e'],
    ['bench/', 'bench'],
    ['resources/', 'resources'],
  ]) {
    if (path.startsWith(/** @type {string} */ (prefix))) return /** @type {string} */ (layer);
  }
  return 'root';
};

/** @type {Record<string, readonly string[]>} */
const allowed = {
  shared: ['shared'],
  platform: ['platform', 'shared'],
  core: ['core', 'platform', 'shared'],
  centre: ['centre', 'centre-launch', 'platform', 'shared'],
  'centre-launch': [],
  shell: ['shell', 'core', 'platform', 'shared', 'centre-launch'],
  host: ['host', 'core', 'platform', 'shared', 'centre-launch'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared', 'resources'],
};

/** Tests and test helpers of the core may start a demo centre in-process; nothing they build ships. */
const isCoreTest = (/** @type {string} */ path) => /^electron\/main\/(.*\.test\.ts|(.*\/)?testing\/.*)$/.test(path);

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { wrongWay: "{{from}} may not import {{to}} ('{{source}}'): layers import one way (docs/adr/0005-layers.md)." },
  },
  create(context) {
    const file = relative(root, context.filename).split('\\').join('/');
    const from = layerOf(file);
    const may = allowed[from];
    if (!may) return {};
    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source.value))
        .split('\\')
        .join('/');
      const to = layerOf(target) === 'root' ? layerOf(`${target}/`) : layerOf(target);
      if (may.includes(to) || (to === 'centre' && isCoreTest(file))) return;
      context.report({ node: source, messageId: 'wrongWay', data: { from, to, source: source.value } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '**/*.generated.ts'] },
  js.configs.recommended,
  {
    // Which folder may import which (docs/adr/0005-layers.md): a wrong-way import is a lint error.
    files: ['**/*.{ts,tsx}'],
    plugins: { quai: { rules: { layers } } },
    rules: { 'quai/layers': 'error' },
  },
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
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (docs/style.md §16).' }],
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
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (docs/style.md §16).' },
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
    rules: restrict(
      [...nodeBuiltins, 'better-sqlite3', 'pino', '**/electron/main/**', '**/renderer/**'],
      'A sandboxed preload may load only electron and bundled shared code.',
    ),
  },
  {
    files: ['electron/platform/**/*.ts', 'electron/main/**/*.ts', 'electron/host/**/*.ts', 'electron/demo-central/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(['electron'], 'Only electron/shell loads Electron: the core, the web host and the demo centre run under plain Node (docs/design.md §2).'),
  },
  {
    files: ['electron/shell/**/*.ts'],
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
