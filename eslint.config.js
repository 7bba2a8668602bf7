// ESLint flat config: the recommended rules for JavaScript, TypeScript and Astro components.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The features each feature may import (besides src/lib/ and src/config/). Features form layers:
 * a feature imports only those below it, so no two import each other. The composition points
 * (the markdown pipeline, the post model in content/, the /media/ route, the feed) sit on top.
 * docs/architecture.md explains the layers.
 */
const FEATURE_IMPORTS = {
  code: [],
  figures: [],
  math: [],
  media: [],
  'milestone-kit': [],
  security: [],
  sharing: [],
  stylesheets: [],
  animations: ['figures', 'media'],
  cover: ['media'],
  wallpaper: ['media'],
  content: ['cover', 'sharing'],
  feed: ['content', 'cover', 'media', 'sharing', 'wallpaper'],
  'media-route': ['animations', 'media', 'wallpaper'],
  // The search page's script and the build's index; its words come from the post model via a page.
  search: [],
  'media-pull': ['content', 'media'],
  markdown: [
    'animations',
    'code',
    'content',
    'cover',
    'figures',
    'math',
    'media',
    'security',
    'sharing',
    'wallpaper',
  ],
};

// The table itself must have no cycle, or two features could still import each other.
const reaches = (from, to, seen = new Set()) =>
  (FEATURE_IMPORTS[from] ?? []).some(
    (next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))),
  );
for (const feature of Object.keys(FEATURE_IMPORTS))
  if (reaches(feature, feature))
    throw new Error(`eslint.config.js: FEATURE_IMPORTS has a cycle through "${feature}"`);

const element = (type, captured) => ({ to: { element: captured ? { type, captured } : { type } } });
const allowTo = (...types) => types.map((type) => element(type));

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'test-results/', '.cache/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    files: ['src/**/*.{ts,js,astro}'],
    // Tests may combine anything: a pipeline test runs the whole pipeline.
    ignores: ['**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.astro'] } },
      'boundaries/elements': [
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'lib', pattern: 'src/lib' },
        { type: 'config', pattern: 'src/config' },
        { type: 'components', pattern: 'src/components' },
        { type: 'layouts', pattern: 'src/layouts' },
        { type: 'pages', pattern: 'src/pages' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'lib' } }, allow: allowTo('lib', 'config') },
            { from: { element: { type: 'config' } }, allow: allowTo('config') },
            // Every feature, a new one too, may import lib/ and config/; other features per the table.
            { from: { element: { type: 'feature' } }, allow: allowTo('lib', 'config') },
            ...Object.entries(FEATURE_IMPORTS).map(([feature, below]) => ({
              from: { element: { type: 'feature', captured: { feature } } },
              allow: below.map((name) => element('feature', { feature: name })),
            })),
            {
              from: { element: { type: 'components' } },
              allow: allowTo('components', 'feature', 'lib', 'config'),
            },
            {
              from: { element: { types: { anyOf: ['layouts', 'pages'] } } },
              allow: allowTo('layouts', 'components', 'feature', 'lib', 'config'),
            },
          ],
        },
      ],
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
