import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Layering rules: the contract stays environment-free, the core never sees Electron,
// and renderer and main never import each other (they meet only in common/).
const electronOnlyFiles = ['main/index.ts', 'main/electron/**/*.ts'];

// Bare builtin names (`fs`, `child_process`, `fs/promises`): common/ and the renderer run where Node does not.
const bareBuiltins = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));
const noBuiltins = (message) => bareBuiltins.map((name) => ({ name, message }));

// Commands are argument arrays run without a shell: a shell would read quotes, `;` and `$()` in a path or an
// address. `exec`/`execSync` always use one, and any `shell` option but `false` asks for one (a string names
// which). The session's `shell` field (which front door: 'electron' | 'browser' | 'cli') is not an option.
const PROCESS_STARTERS = '/^(spawn|spawnSync|spawnChild|execFile|execFileSync|fork)$/';
const COMMAND_SYNTAX = [
  {
    selector:
      'ImportDeclaration[source.value=/^(node:)?child_process$/] ImportSpecifier[imported.name=/^(exec|execSync)$/]',
    message: 'exec and execSync run a shell: use spawn or execFile with an argument array.',
  },
  {
    selector:
      'ImportDeclaration[source.value=/^(node:)?child_process$/] > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)',
    message: 'Import child_process functions by name (spawn, execFile), so exec and execSync stay visible to lint.',
  },
  {
    selector:
      "Property[key.name='shell']:matches([value.type='Literal'], [value.type='TemplateLiteral']):not([value.value=false]):not([value.value=/^(electron|browser|cli)$/])",
    message: 'Commands run without a shell: no shell option (a command is an argument array).',
  },
  {
    selector: `CallExpression:matches([callee.name=${PROCESS_STARTERS}], [callee.property.name=${PROCESS_STARTERS}]) Property[key.name='shell']:not([value.value=false])`,
    message: 'Commands run without a shell: no shell option (a command is an argument array).',
  },
];
const NO_DEFAULT_EXPORT = [
  {
    selector: 'ExportDefaultDeclaration',
    message: 'Named exports only: a name that travels with the value is easier to find.',
  },
  {
    selector: "ExportSpecifier[exported.name='default']",
    message: 'Named exports only: a name that travels with the value is easier to find.',
  },
];
// Every word a person reads in the wizard comes from the catalogs in renderer/i18n/ (English and Korean, both
// complete): a literal in a component would show in one language only. Punctuation and spaces are fine.
const WORDS = '/[A-Za-z\u3131-\u318E\uAC00-\uD7A3]/';
const UI_TEXT_MESSAGE = 'Text a person reads goes in the catalogs (renderer/i18n/), not in a component: use t().';
const NO_UI_LITERALS = [
  { selector: `JSXText[value=${WORDS}]`, message: UI_TEXT_MESSAGE },
  {
    selector: `JSXElement > JSXExpressionContainer > :matches(Literal[value=${WORDS}], TemplateLiteral[quasis.0.value.raw=${WORDS}])`,
    message: UI_TEXT_MESSAGE,
  },
  {
    selector: `JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${WORDS}]`,
    message: UI_TEXT_MESSAGE,
  },
  {
    selector: `JSXAttribute[name.name=/^(aria-label|aria-description|aria-valuetext|title|placeholder|alt|label)$/] > Literal[value=${WORDS}]`,
    message: UI_TEXT_MESSAGE,
  },
];
// Tools that require their configuration as a default export.
const TOOL_CONFIG_FILES = [
  'eslint.config.mjs',
  'vitest.config.mts',
  'renderer/vite.config.mts',
  'playwright.config.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...COMMAND_SYNTAX, ...NO_DEFAULT_EXPORT],
    },
  },
  {
    files: TOOL_CONFIG_FILES,
    rules: { 'no-restricted-syntax': ['error', ...COMMAND_SYNTAX] },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noBuiltins('common/ is environment-free: no Node builtins.'),
          patterns: [
            {
              regex: '^(node:|electron$|react|\\.\\./(main|renderer))',
              message: 'common/ is environment-free: no Node, Electron, React or main/renderer imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: electronOnlyFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/index.ts and main/electron/ import electron; core services get ports.',
            },
          ],
          patterns: [{ regex: '(^|/)renderer/', message: 'main never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: electronOnlyFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)renderer/', message: 'main never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', ...COMMAND_SYNTAX, ...NO_DEFAULT_EXPORT, ...NO_UI_LITERALS],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the core only through renderer/api/client.ts.' },
            ...noBuiltins('The renderer runs in a browser: no Node builtins.'),
          ],
          patterns: [{ regex: '^(node:)|(^|/)main/', message: 'The renderer never imports main or Node modules.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
