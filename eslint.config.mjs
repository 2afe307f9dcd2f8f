import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * Who may import whom. Two axes on every project (see ARCHITECTURE.md, "Boundaries"):
 * `type:` says what a project is, `scope:` which front end owns it. An import that no row allows
 * fails lint.
 */
const depConstraints = [
  // Apps compose: they build a Connector from storage, providers and core.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:core',
      'type:provider',
      'type:storage',
      'type:ui',
      'type:util',
    ],
  },
  // The core defines the ports; it imports nothing of ours.
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:provider', onlyDependOnLibsWithTags: ['type:core', 'type:util'] },
  { sourceTag: 'type:storage', onlyDependOnLibsWithTags: ['type:core', 'type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:core', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:core', 'type:util', 'type:testing'],
  },
  // Emulators are written from the real services' contracts, never from our types.
  { sourceTag: 'type:emulator', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: [
      'type:core',
      'type:emulator',
      'type:provider',
      'type:storage',
      'type:testing',
      'type:util',
    ],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
  { sourceTag: 'scope:desktop', onlyDependOnLibsWithTags: ['scope:shared', 'scope:desktop'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
];

// One public door per lib: reach another project only through its alias, never its files.
const publicEntryPatterns = [
  { group: ['@bwdc/*/src/**'], message: 'Import the library through its public entry.' },
  { group: ['**/libs/*/src/**'], message: 'Import the library through its @bwdc alias.' },
];

const rendererOnly =
  'The renderer runs sandboxed in Chromium and reaches main only through window.connector.';

export default [
  { ignores: ['**/node_modules', '**/dist', '**/coverage', '**/tmp', '.nx', '.angular'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints },
      ],
      'no-restricted-imports': ['error', { patterns: publicEntryPatterns }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/explicit-member-accessibility': ['error', { accessibility: 'no-public' }],
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // The desktop renderer's own code: no Node, no Electron, and @bwdc/core for its types alone
    // (its entry loads the Node-only Bitwarden client). Its tsconfig still carries Node's types,
    // because the bridge's types reach into libs/core's sources; this block keeps Node out.
    files: ['apps/desktop/src/app/**/*.ts'],
    ignores: ['**/*.spec.ts', 'apps/desktop/src/app/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@bwdc/core', allowTypeImports: true, message: rendererOnly },
            { name: 'electron', message: rendererOnly },
            ...builtinModules.map((name) => ({ name, message: rendererOnly })),
          ],
          patterns: [...publicEntryPatterns, { group: ['node:*'], message: rendererOnly }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'global', '__dirname', '__filename'].map((name) => ({
          name,
          message: rendererOnly,
        })),
      ],
    },
  },
  {
    // Integration tests drive the code against the local emulators and fixtures in tools/; the
    // code under test still may not import them.
    files: ['**/*.integration.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: depConstraints.map((constraint) =>
            constraint.sourceTag.startsWith('type:')
              ? {
                  ...constraint,
                  onlyDependOnLibsWithTags: [
                    ...constraint.onlyDependOnLibsWithTags,
                    'type:emulator',
                    'type:testing',
                  ],
                }
              : {
                  ...constraint,
                  onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:tools'],
                },
          ),
        },
      ],
    },
  },
  {
    // Tools and tests talk to a terminal on purpose; apps print only through their output layer.
    files: ['tools/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
