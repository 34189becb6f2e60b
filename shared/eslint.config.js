// Lint for every workspace. The dependency rules of the architecture are enforced here:
// core is pure and host-free; ui never reaches for vscode or the Graph adapter.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const hostModules = [
  'vscode',
  'react',
  'react-dom',
  '@microsoft/teams-js',
  '@microsoft/office-js',
  '@microsoft/microsoft-graph-client',
  '@azure/*',
  '@fluentui/*',
];
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'stream/*',
  'events',
  'worker_threads',
  'zlib',
  'buffer',
  'process',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out/**',
      '**/build/**',
      '.tandem/**',
      '.cache/**',
      '.test-results/**',
      'bench/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.mocha } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Config files of tools that require a default export.
    files: ['**/webpack.config.*', '**/*.config.js', '**/*.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: hostModules,
              message: '@tandem/core is host-free: no vscode, react, teams-js, office.js, Graph SDK or MSAL.',
            },
            { group: nodeBuiltins, message: '@tandem/core does no I/O: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/ui/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', '@tandem/graph', '@tandem/graph/*'],
              message: '@tandem/ui never imports vscode or @tandem/graph.',
            },
          ],
        },
      ],
    },
  },
);
