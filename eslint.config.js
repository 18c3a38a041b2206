import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import boundaries from STYLE.md §1: arrows point one way, engine ← store ← views ← app. */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const outsideEngine = ['**/store/**', '**/views/**', '**/viz/**', '**/app/**', '**/playback/**', '**/i18n/**', 'react', 'react-dom', 'zustand', 'd3', 'd3-*'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', '.perf'] }, // .perf: local, untracked profiling scripts
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/engine/**'], rules: restrict([{ group: outsideEngine, message: 'src/engine is pure: it imports nothing outside engine/ (STYLE.md §1).' }]) },
  {
    files: ['src/data/**'],
    rules: restrict([
      { group: ['**/store/**', '**/views/**', '**/viz/**', '**/app/**', '**/playback/**', 'react', 'react-dom', 'zustand'], message: 'src/data is pure: data sets and CSV parsing over the engine.' },
      { group: ['**/engine/*', '!**/engine/index*'], message: 'Import the engine through src/engine/index.ts.' },
    ]),
  },
  {
    files: ['src/store/**'],
    ignores: ['src/store/hooks.ts'],
    rules: restrict([
      { group: ['**/views/**', '**/viz/**', '**/app/**', '**/playback/**', 'react', 'react-dom', 'd3', 'd3-*'], message: 'The store imports the engine and zustand only (React only in hooks.ts).' },
      { group: ['**/engine/*', '!**/engine/index*'], message: 'Import the engine through src/engine/index.ts.' },
    ]),
  },
  {
    files: ['src/worker/**'],
    rules: restrict([
      { group: ['**/views/**', '**/viz/**', '**/app/**', '**/playback/**', 'react', 'react-dom', 'zustand', 'd3'], message: 'The worker runs the engine: engine and store/training only.' },
    ]),
  },
  {
    files: ['src/viz/**'],
    rules: restrict([
      { group: ['**/store/**', '**/views/**', '**/app/**', '**/playback/**', 'zustand'], message: 'viz/ draws; it knows no store (STYLE.md §1).' },
    ]),
  },
  {
    files: ['src/views/**', 'src/playback/**', 'src/i18n/**'],
    rules: restrict([
      { group: ['**/app/**'], message: 'Views never import app/.' },
      { group: ['**/engine/*', '!**/engine/index*'], message: 'Import the engine through src/engine/index.ts.' },
    ]),
  },
);
