import { builtinModules } from 'node:module';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
            { group: ['**/db/**', '**/api/**', '**/worker/**'], message: 'Workflows do no I/O.' },
            { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities only as types.' },
          ],
        },
      ],
    },
  },
);
