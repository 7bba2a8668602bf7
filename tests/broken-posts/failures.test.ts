import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/project-copy.mjs';
import { builtSite } from '../support/sites';

/** Each broken post is synced alone beside the seed (tests/setup/sites.ts); it must fail and say where and why. */
const cases: Array<{ file: string; mentions: RegExp[]; post?: string }> = [
  { file: 'no-title.md', mentions: [/title/, /required/i] },
  { file: 'bad-date.md', mentions: [/date/, /next Tuesday/, /not a date/] },
  { file: 'bad-cover.md', mentions: [/cover/, /not a url at all/, /not a URL/] },
  { file: 'bad-canonical.md', mentions: [/canonicalUrl/, /javascript:/] },
  { file: 'javascript-cover.md', mentions: [/cover/, /javascript:alert\(1\)/, /http\(s\)/] },
  { file: 'missing-image.md', mentions: [/not-there\.png/] },
  { file: 'broken-yaml.md', mentions: [/YAML|frontmatter/i] },
  { file: 'impossible-date.md', mentions: [/date/, /2024-11-31/, /not a date/] },
  { file: 'missing-raw-image.md', mentions: [/nowhere-to-be-found\.png/, /does not exist/] },
  { file: '100%.md', mentions: [/"%"/, /Invalid URL encoding/, /Rename/] },
  { file: 'c#sharp.md', mentions: [/"#"/, /fragment/, /Rename/] },
  // Sets of posts written together (see tests/setup/sites.ts): names a checkout could not hold.
  { file: 'question-mark-name.json', post: 'what?.md', mentions: [/"\?"/, /query/] },
  { file: 'md-and-mdx-twins.json', post: 'twin.md', mentions: [/twin\.mdx/, /same page/] },
  { file: 'case-twins.json', post: 'Launch-Day.md', mentions: [/launch-day\.md/, /differ only in case/] },
];

const results = new Map(await Promise.all(cases.map(async ({ file }) => [file, await builtSite(`broken:${file}`)] as const)));

test('every broken fixture has a case', () => {
  expect(cases.map((c) => c.file).sort()).toEqual(readdirSync(join(ROOT, 'tests/fixtures/broken')).sort());
});

describe('a post with broken frontmatter, a missing image or an unusable name fails the build, naming file and field or cause', () => {
  test.each(cases)('$file', ({ file, mentions, post = file }) => {
    const { code, output } = results.get(file)!;
    expect(code, output).not.toBe(0);
    expect(output).toContain(post.replace(/\.md$/, ''));
    for (const mention of mentions) expect(output).toMatch(mention);
  });
});
