// ESLint with typescript-eslint's type-aware rules over src/, test/ and scripts/; Prettier owns the formatting
// (eslint-config-prettier turns off the rules that would fight it). `npm run lint` runs it; `npm test` too.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'schemas/**',
      'dags-out/**',
      'pipelines/**',
      'tests/**',
      'test/fixtures*/**',
      'test/lint-corpus/pipelines/**',
      '.tmp/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Real bugs: a promise nobody awaits, a promise where a callback's result is ignored, a switch over the kind
      // union (or any union) that forgets a member.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/only-throw-error': 'error',
      // Heavy modules (the AWS SDK, ts-morph, the compiler proper) are loaded with require() when first used, typed
      // with `as typeof import(...)`: start-up time is a product feature here (docs/benchmarks.md).
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's property assertions (`expect(x).to.be.true`) are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
  },
  prettier,
);
