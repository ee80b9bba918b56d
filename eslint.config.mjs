// ESLint for the service, its tests, the bench and scripts: the rule set NestJS projects start from (eslint
// recommended + typescript-eslint recommended, type-checked). Formatting is Prettier's (`npm run format`).
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-web', 'dist-bench', 'coverage', 'reports', 'test-artifacts', 'web', '.stryker-tmp', 'node_modules'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { version: _version, ...rest } = dto` leaves a field out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Response bodies read through supertest are `any` by design; the assertions give them their shape.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Stand-ins for async interfaces (a DNS lookup, a view) answer at once.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  // Browser tests hand functions to the page (page.evaluate), where document and DataTransfer exist.
  { files: ['test/browser/**/*.mjs'], languageOptions: { globals: { ...globals.browser } } },
);
