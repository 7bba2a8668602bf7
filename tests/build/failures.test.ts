import { copyFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, copyProject, ROOT, type ProjectCopy } from '../support/project-copy';

const BROKEN = join(ROOT, 'tests/fixtures/broken');

/** Each broken post is built alone beside the seed; the build must fail and say where and why. */
const cases: Array<{ file: string; mentions: RegExp[] }> = [
  { file: 'no-title.md', mentions: [/title/, /required/i] },
  { file: 'bad-date.md', mentions: [/date/, /next Tuesday/, /not a date/] },
  { file: 'bad-cover.md', mentions: [/cover/, /not a url at all/, /not a URL/] },
  { file: 'bad-canonical.md', mentions: [/canonicalUrl/, /javascript:/] },
  { file: 'javascript-cover.md', mentions: [/cover/, /javascript:alert\(1\)/, /http\(s\)/] },
  { file: 'missing-image.md', mentions: [/not-there\.png/] },
  { file: 'broken-yaml.md', mentions: [/YAML|frontmatter/i] },
];

let project: ProjectCopy;

beforeAll(async () => {
  project = await copyProject();
});
afterAll(() => project?.dispose());

describe('a post with broken frontmatter or a missing image fails the build, naming file and field', () => {
  test.each(cases)('$file', async ({ file, mentions }) => {
    for (const entry of await readdir(project.contentDir)) {
      if (entry !== '2022-4-12-milvus-10k-stars.md') await rm(join(project.contentDir, entry));
    }
    await copyFile(join(BROKEN, file), join(project.contentDir, file));
    const { code, output } = await astroBuild(project.dir);
    expect(code, output).not.toBe(0);
    expect(output).toContain(file.replace(/\.md$/, ''));
    for (const mention of mentions) expect(output).toMatch(mention);
  });
});
