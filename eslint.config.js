import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Dependency direction of DESIGN.md: which project folders and packages each layer may import. */
const layer = (files, forbiddenFolders, forbiddenPackages, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbiddenFolders.map((folder) => ({ group: [`**/${folder}`, `**/${folder}/**`], message: why })),
          ...forbiddenPackages.map((pkg) => ({ group: [pkg, `${pkg}/**`], message: why })),
        ],
      },
    ],
  },
});

const RUNTIMES = ['react', 'react-dom', '@duckdb/*', 'apache-arrow', 'echarts', '@tanstack/*', 'papaparse', 'i18next', 'react-i18next'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/bench/results/**', 'data-samples/large/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/ui/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  layer(['src/domain/**'], ['ui', 'db', 'sql', 'ingest', 'state', 'services'], RUNTIMES, 'src/domain is pure: it imports nothing of the project and no runtime library.'),
  layer(['src/sql/**', 'src/ingest/**', 'src/state/**'], ['ui', 'db', 'services'], ['react', 'react-dom', '@duckdb/*', 'echarts'], 'sql, ingest and state depend on domain only.'),
  layer(['src/db/**'], ['ui', 'sql', 'ingest', 'state', 'services'], ['react', 'react-dom', 'echarts'], 'db depends on domain only.'),
  layer(['src/services/**'], ['ui', 'state'], ['react', 'react-dom', 'echarts'], 'services combine db, sql and ingest; the UI calls them, not the other way round.'),
  layer(['etl/**'], ['ui'], ['react', 'react-dom', 'echarts'], 'The ETL shell shares the core, never the browser UI.'),
);
