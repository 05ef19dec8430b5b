import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.cache/', 'coverage/', 'public/vendor/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config.ts only.' },
      ],
    },
  },
  {
    files: ['src/config.ts', 'test/**', 'scripts/**', '*.config.js', '*.config.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The unit project starts no database: its tests may not reach for one.
    files: ['test/unit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'mongoose', message: 'Unit tests run without a database: put this test outside test/unit.' }],
          patterns: [
            {
              group: ['**/helpers/database', '**/helpers/service', '**/helpers/serviceProcess', '**/helpers/tools', '**/data/database', '**/data/embeddedDatabase'],
              message: 'Unit tests run without a database: put this test outside test/unit.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
