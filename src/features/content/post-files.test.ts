import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listPostFiles, postFileProblems, postFolderProblems, readKnownPosts } from './post-files';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'post-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('post file names', () => {
  test('lists markdown and MDX files, nested ones too', () => {
    const dir = folder({
      'a.md': '',
      'b.mdx': '',
      'notes.txt': '',
      'nested/c.md': '',
      '.hidden.md': '',
      '.drafts/d.md': '',
    });
    expect(listPostFiles(dir)).toEqual(['a.md', 'b.mdx', 'nested/c.md']);
  });

  test('ordinary names, spaces and non-Latin letters are fine', () => {
    expect(
      postFileProblems([
        '2022-4-12-milvus-10k-stars.md',
        'a post with spaces.md',
        '向量.md',
        'Milvus_2.0.md',
      ]),
    ).toEqual([]);
  });

  test.each([
    ['c#sharp.md', '#', /fragment/],
    ['what?.md', '?', /query/],
    ['100%.md', '%', /Invalid URL encoding/],
  ])('%s cannot become a page, and the message says why', (file, character, why) => {
    const [problem, ...rest] = postFileProblems([file]);
    expect(rest).toEqual([]);
    expect(problem).toContain(`src/content/blog/${file}`);
    expect(problem).toContain(`"${character}"`);
    expect(problem).toMatch(why);
  });

  test('x.md beside x.mdx is one page for two files: both are named', () => {
    const [problem] = postFileProblems(['twin.md', 'twin.mdx', 'other.md']);
    expect(problem).toMatch(
      /src\/content\/blog\/twin\.md and src\/content\/blog\/twin\.mdx: both would be the same page/,
    );
  });

  test('names differing only in case are named together', () => {
    const problems = postFileProblems(['Launch.md', 'launch.md']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Launch\.md and .*launch\.md: their names differ only in case/);
  });

  test('names equal after Unicode normalisation are named together, with their page', () => {
    const problems = postFileProblems(['caf\u00e9.md', 'cafe\u0301.md']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /caf.*\.md and .*caf.*\.md: .*two Unicode forms.*\/blog\/caf\u00e9\//,
    );
  });

  test.each([
    ['2.md', /2\.md: its page \/blog\/2\/ is the address of page 2 of the post list/],
    [
      'index.html.md',
      /index\.html\.md: its page \/blog\/index\.html\/ would be written to the same file as the page \/blog\//,
    ],
  ])('%s collides with a route: the post and the route are named', (file, message) => {
    expect(postFileProblems([file])).toEqual([expect.stringMatching(message)]);
  });

  test('a page number of 1, numbers in longer names and other dotted names are fine', () => {
    expect(postFileProblems(['1.md', '2022.1.md', 'milvus-2.0.md', 'index.md', '02.md'])).toEqual(
      [],
    );
  });
});

describe('the posts folder before loading', () => {
  test('names hidden files as skipped, links out of the project as problems, and reads neither', () => {
    const root = folder({
      'src/content/blog/ok.md': '---\ntitle: OK\ndate: 2024-01-01\n---\n',
      'src/content/blog/.hidden.md': '---\ntitle: [broken\n---\n',
      'src/content/blog/inside.png': '',
    });
    const outside = folder({ 'secret.md': '---\ntitle: [SECRET LINE\n---\n', 'dir/x.md': '' });
    symlinkSync(join(outside, 'secret.md'), join(root, 'src/content/blog/leak.md'));
    symlinkSync(join(outside, 'dir'), join(root, 'src/content/blog/folder'));
    symlinkSync(
      join(root, 'src/content/blog/inside.png'),
      join(root, 'src/content/blog/alias.png'),
    );
    const { problems, skipped } = postFolderProblems(root);
    expect(skipped).toEqual(['.hidden.md']);
    expect(problems).toEqual([
      expect.stringMatching(
        /^src\/content\/blog\/folder: is a symbolic link to something outside the project/,
      ),
      expect.stringMatching(
        /^src\/content\/blog\/leak\.md: is a symbolic link to something outside the project/,
      ),
    ]);
    expect(problems.join('\n')).not.toContain('SECRET');
  });
});

test('known posts: by file name and by frontmatter id, the file name winning', () => {
  const dir = folder({
    '2022-4-12-milvus-10k-stars.md': '---\nid: 2022-4-12-milvus-10k-stars.md\ntitle: T\n---\n',
    'release-notes.md': '---\nid: milvus-2.0-ga.md\ntitle: T\n---\n',
    'clash.md': '---\nid: release-notes.md\n---\n',
    'broken.md': '---\ntitle: [unclosed\n---\n',
  });
  expect(readKnownPosts(dir)).toEqual({
    '2022-4-12-milvus-10k-stars': '2022-4-12-milvus-10k-stars',
    'milvus-2.0-ga': 'release-notes',
    'release-notes': 'release-notes',
    clash: 'clash',
    broken: 'broken',
  });
});
