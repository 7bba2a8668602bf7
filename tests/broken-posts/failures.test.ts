import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/project-copy.mjs';
import { builtSite } from '../support/sites';

/** Each broken post is synced alone beside the seed (tests/setup/sites.ts); it must fail and say where and why. */
const cases: Array<{ file: string; mentions: RegExp[] }> = [
  { file: 'no-title.md', mentions: [/title/, /required/i] },
  { file: 'bad-date.md', mentions: [/date/, /next Tuesday/, /not a date/] },
  { file: 'bad-cover.md', mentions: [/cover/, /not a url at all/, /not a URL/] },
  { file: 'bad-canonical.md', mentions: [/canonicalUrl/, /javascript:/] },
  { file: 'javascript-cover.md', mentions: [/cover/, /javascript:alert\(1\)/, /http\(s\)/] },
  { file: 'missing-image.md', mentions: [/not-there\.png/] },
  { file: 'broken-yaml.md', mentions: [/YAML|frontmatter/i] },
];

const results = new Map(await Promise.all(cases.map(async ({ file }) => [file, await builtSite(`broken:${file}`)] as const)));

test('every broken fixture has a case', () => {
  expect(cases.map((c) => c.file).sort()).toEqual(readdirSync(join(ROOT, 'tests/fixtures/broken')).sort());
});

describe('a post with broken frontmatter or a missing image fails the build, naming file and field', () => {
  test.each(cases)('$file', ({ file, mentions }) => {
    const { code, output } = results.get(file)!;
    expect(code, output).not.toBe(0);
    expect(output).toContain(file.replace(/\.md$/, ''));
    for (const mention of mentions) expect(output).toMatch(mention);
  });
});
