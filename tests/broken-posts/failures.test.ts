import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/project-copy.mjs';
import { builtSite, postsNamedIn } from '../support/sites';

/**
 * Every broken post is synced beside the seed (tests/setup/sites.ts), then again without the posts
 * each failure names: every post must be named, with where and why.
 */
/** `stage`: the sync that names the post: 1 before anything is loaded (names, YAML), 2 while loading. */
const cases: Array<{ file: string; stage: 1 | 2; mentions: RegExp[]; post?: string }> = [
  { file: 'no-title.md', stage: 2, mentions: [/title/, /required/i] },
  { file: 'bad-date.md', stage: 2, mentions: [/date/, /next Tuesday/, /not a date/] },
  { file: 'bad-cover.md', stage: 2, mentions: [/cover/, /not a url at all/, /not a URL/] },
  { file: 'bad-canonical.md', stage: 2, mentions: [/canonicalUrl/, /javascript:/] },
  {
    file: 'javascript-cover.md',
    stage: 2,
    mentions: [/cover/, /javascript:alert\(1\)/, /http\(s\)/],
  },
  { file: 'missing-image.md', stage: 2, mentions: [/not-there\.png/] },
  { file: 'broken-yaml.md', stage: 1, mentions: [/YAML|frontmatter/i] },
  { file: 'impossible-date.md', stage: 2, mentions: [/date/, /2024-11-31/, /not a date/] },
  {
    file: 'missing-raw-image.md',
    stage: 2,
    mentions: [/nowhere-to-be-found\.png/, /does not exist/],
  },
  { file: '100%.md', stage: 1, mentions: [/"%"/, /Invalid URL encoding/, /Rename/] },
  { file: 'c#sharp.md', stage: 1, mentions: [/"#"/, /fragment/, /Rename/] },
  // Sets of posts written together (see tests/setup/sites.ts): names a checkout could not hold.
  { file: 'question-mark-name.json', stage: 1, post: 'what?.md', mentions: [/"\?"/, /query/] },
  {
    file: 'md-and-mdx-twins.json',
    stage: 1,
    post: 'twin.md',
    mentions: [/twin\.mdx/, /same page/],
  },
  {
    file: 'case-twins.json',
    stage: 1,
    post: 'Launch-Day.md',
    mentions: [/launch-day\.md/, /differ only in case/],
  },
  // Names that collide with a route, or with each other after Unicode normalisation.
  { file: '2.md', stage: 1, mentions: [/\/blog\/2\//, /page 2 of the post list/, /Rename/] },
  {
    file: 'index.html.md',
    stage: 1,
    mentions: [/\/blog\/index\.html\//, /same file as the page \/blog\//],
  },
  {
    file: 'unicode-twins.json',
    stage: 1,
    post: 'caf\u00e9.md',
    mentions: [/cafe\u0301\.md/, /two Unicode forms/, /\/blog\/caf\u00e9\//],
  },
  // Files that are not what a post is: another encoding, too large, too deep, outside the project.
  { file: 'utf-16.json', stage: 1, post: 'utf-16.md', mentions: [/not UTF-8/, /UTF-16 LE/] },
  {
    file: 'huge-post.json',
    stage: 1,
    post: 'huge-post.md',
    mentions: [/is 1\.\d MB, over the limit of 1 MB/],
  },
  { file: 'nested-lists.md', stage: 1, mentions: [/nests lists/, /more than 50 levels/] },
  {
    file: 'symlink-out.json',
    stage: 1,
    post: 'leak.md',
    mentions: [/symbolic link/, /outside the project/],
  },
  // What a post brings beside it, and its date fields.
  {
    file: 'svg-image.json',
    stage: 2,
    post: 'svg-image.md',
    mentions: [/svg-image\/logo\.svg" is an SVG/, /carry script/],
  },
  {
    file: 'raw-svg-image.json',
    stage: 2,
    post: 'raw-svg-image.md',
    mentions: [/raw-svg-image\/raw\.svg" is an SVG/],
  },
  {
    file: 'not-an-image.md',
    stage: 2,
    mentions: [/\.\.\/\.\.\/config\/site\.ts/, /is not an image/],
  },
  {
    file: 'updated-rollover.md',
    stage: 2,
    mentions: [/updated/, /2024-02-30/, /does not exist/],
  },
  { file: 'two-digit-year.md', stage: 2, mentions: [/date/, /year 99/, /1000 to 9999/] },
];

/** Fixtures that must not fail the build, only be reported. */
const reported = ['hidden-post.json'];

const broken = await builtSite('broken');
const rounds = broken.output.split(/^=== round \d+: exit (\S+) ===$/m).slice(1);
/** Each sync's exit code and the problems its failure lists, one block per problem. */
const syncs = Array.from({ length: rounds.length / 2 }, (_, i) => {
  const output = rounds[2 * i + 1]!;
  const listed = output
    .split('cannot be built:\n')
    .at(-1)!
    .split(/^\s+Stack trace:/m)[0]!;
  return {
    code: rounds[2 * i],
    problems: listed
      .split(/^(?=src\/content\/blog\/|Error rendering )/m)
      .filter((block) => block.trim()),
  };
});

test('every broken fixture has a case', () => {
  expect([...cases.map((c) => c.file), ...reported].sort()).toEqual(
    readdirSync(join(ROOT, 'tests/fixtures/broken')).sort(),
  );
});

test('one sync names every problem of its stage: names and YAML first, then schema and rendering; the seed then passes', () => {
  expect(broken.code, broken.output).not.toBe(0);
  expect(syncs.map((sync) => sync.code)).toEqual(['1', '1', '0']);
  for (const stage of [1, 2]) {
    const named = new Set(
      syncs[stage - 1]!.problems.flatMap((block) =>
        postsNamedIn(block).map((post) => post.toLowerCase()),
      ),
    );
    const expected = cases
      .filter((c) => c.stage === stage)
      .map(({ file, post = file }) => post.toLowerCase());
    expect(
      [...expected].every((post) => named.has(post)),
      [...named].join(', '),
    ).toBe(true);
  }
});

describe('a post with broken frontmatter, a missing image or an unusable name fails the build, naming file and field or cause', () => {
  test.each(cases)('$file', ({ mentions, file, stage, post = file }) => {
    const problem = syncs[stage - 1]!.problems.filter((block) => block.includes(post)).join('\n');
    expect(problem, broken.output).not.toBe('');
    for (const mention of mentions) expect(problem).toMatch(mention);
  });
});

test('no failure prints a line of a file outside the project, though its YAML is broken', () => {
  expect(broken.output).toContain('src/content/blog/leak.md: is a symbolic link');
  expect(broken.output).not.toContain('SECRET-LINE');
});

test('a post file the loader skips (a name starting with ".") is reported once', () => {
  // The first sync names it (the setup then removes it with the failed posts).
  expect(rounds[1]!.match(/src\/content\/blog\/\.hidden\.md: skipped/g)).toHaveLength(1);
});
