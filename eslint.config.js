// Flat config: typescript-eslint's recommended rules plus the layering rules of ARCHITECTURE.md,
// so an import that breaks a boundary fails `npm test` instead of relying on review.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layerRule = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'miniapp/node_modules/**', 'miniapp/www/**', 'db/migrations/**', '.data/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment only in bot/config.ts and pass config down.',
        },
      ],
    },
  },
  {
    // The config module, bootstrap scripts and test set-up are where the environment is read.
    files: ['bot/config.ts', 'scripts/**', 'test/**', '*.config.*'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['bot/**'],
    rules: {
      'no-restricted-imports': layerRule([{ group: ['**/workers/**'], message: 'Imports go db ← bot ← workers.' }]),
    },
  },
  {
    files: ['bot/domain/**'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: ['fastify', 'fastify/*', 'bullmq', 'ioredis', 'zca-js'], message: 'The domain stays free of transports.' },
        { group: ['**/zalo/**', '**/http/**', '**/jobs/**', '**/workers/**'], message: 'The domain imports only db/ and its own types.' },
      ]),
    },
  },
  {
    files: ['bot/chat/**'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: ['fastify', 'bullmq', 'ioredis', 'zca-js'], message: 'Conversation code is channel-agnostic.' },
        { group: ['**/zalo/**', '**/http/**', '**/workers/**'], message: 'Conversation code does not know Zalo wire formats.' },
      ]),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': layerRule([{ group: ['**/bot/**', '**/workers/**'], message: 'db/ depends on nothing of ours.' }]),
    },
  },
  {
    // The local simulator's page: plain browser modules served as they are, no build step.
    files: ['scripts/local/simulator/public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
  },
  {
    // The Mini App runs in a browser (Zalo's WebView) and speaks to the bot over HTTP only.
    files: ['miniapp/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-imports': layerRule([{ group: ['**/bot/**', '**/db/**', '**/workers/**'], message: 'The Mini App speaks to the bot over HTTP only.' }]),
    },
  },
);
