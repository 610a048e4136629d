import { builtinModules } from 'node:module';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Each folder imports only downwards: domain ← db ← app ← api, worker, scripts
// (workflows import the domain and activities by type; activities, the domain,
// db and app, which never imports them). What a folder may
// not import, by folder; tests import anything.
const FORBIDDEN_IMPORTS = {
  domain: ['db', 'app', 'api', 'worker', 'scripts', 'workflows', 'activities'],
  db: ['app', 'api', 'worker', 'scripts', 'workflows', 'activities'],
  activities: ['api', 'worker', 'scripts', 'workflows'],
  app: ['api', 'worker', 'scripts', 'activities'],
  api: ['worker', 'scripts', 'activities'],
  worker: ['api', 'scripts'],
};

const downwardsOnly = (folder, forbidden) => ({
  group: forbidden.map((f) => `**/${f}/**`),
  message: `${folder}/ imports only from the layers below it (domain ← db ← app ← api, worker, scripts).`,
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'coverage/**', 'dist/**', 'web/dist/**', 'web/**/*.js', 'web/src/api/schema.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web UI: accessibility rules on every element, and React's rules of hooks.
    files: ['web/src/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Migrations are typed Kysely<any> on purpose (they must not depend on today's
    // table types); test clients read arbitrary JSON answers.
    files: ['db/migrations/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...Object.entries(FORBIDDEN_IMPORTS).map(([folder, forbidden]) => ({
    files: [`${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [downwardsOnly(folder, forbidden)] }] },
  })),
  {
    // Temporal's rule for workflow code: it runs in a deterministic sandbox, so no
    // Node built-ins and no I/O modules may be imported there (activities only by type).
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinModules.flatMap((m) => [m, `node:${m}`]),
            'pg',
            'kysely',
            'nodemailer',
            '@temporalio/client',
            '@temporalio/worker',
            '@temporalio/activity',
          ],
          patterns: [
            { group: ['**/db/**', '**/app/**', '**/api/**', '**/worker/**', '**/scripts/**'], message: 'Workflows do no I/O.' },
            { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities only as types.' },
          ],
        },
      ],
    },
  },
);
