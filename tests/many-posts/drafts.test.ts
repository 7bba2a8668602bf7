import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnAstro } from '../../scripts/project-copy.mjs';
import { filesIn } from '../support/dist-links';
import { DRAFT_POSTS, SEARCH_POSTS } from '../support/search-posts';
import { readySite } from '../support/sites';

// Two drafts (`isPublish: false`, `draft: true`) in the many-posts site: nowhere in the build,
// shown by `astro dev` with a "Draft" badge.
const site = await readySite('many-posts');

/** A file's text; Pagefind's index files are gzip-compressed, so read them decompressed. */
function textOf(file: string): string {
  const bytes = readFileSync(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzip ? gunzipSync(bytes) : bytes).toString('latin1');
}

test('drafts appear nowhere in dist/: no page, list, tag, feed, sitemap, share card or search index entry', () => {
  const needles = DRAFT_POSTS.flatMap((draft) => [
    draft.title,
    draft.word,
    draft.tag,
    `/blog/${draft.id}/`,
    `og/posts/${draft.id}`,
    `share/mastodon/${draft.id}`,
  ]);
  const files = filesIn(site.dist);
  expect(files.some((file) => file.includes('pagefind'))).toBe(true);
  const found: string[] = [];
  // The check reads the search index: a published post's body word is there.
  const indexed = files.filter((file) => file.includes('/pagefind/')).map(textOf);
  expect(indexed.some((text) => text.includes(SEARCH_POSTS.body.word))).toBe(true);
  for (const file of files) {
    if (/\.(png|jpe?g|webp|avif|gif|woff2?|wasm|pagefind)$/.test(file)) continue;
    const text = textOf(file);
    for (const needle of needles)
      if (text.includes(needle)) found.push(`${relative(site.dist, file)}: ${needle}`);
    for (const draft of DRAFT_POSTS)
      if (relative(site.dist, file).includes(draft.id)) found.push(relative(site.dist, file));
  }
  expect(found).toEqual([]);
});

test('a link to a draft stays as written, and the build warning names both posts', async () => {
  const html = readFileSync(`${site.dist}/blog/${SEARCH_POSTS.linksToDraft.id}/index.html`, 'utf8');
  expect(html).toContain('href="https://milvus.io/blog/unreleased-plans.md"');
  const warning = site.output
    .split('\n')
    .find((line) => line.includes(`${SEARCH_POSTS.linksToDraft.id}.md`) && line.includes('draft'));
  expect(warning).toContain('src/content/blog/roadmap-pointer.md');
  expect(warning).toContain('"unreleased-plans"');
});

describe('astro dev shows drafts, marked "Draft"', () => {
  let server: ReturnType<typeof spawnAstro> | undefined;
  let origin = '';
  beforeAll(async () => {
    const port = await freePort();
    server = spawnAstro(site.dir, ['dev', '--host', '127.0.0.1', '--port', String(port)]);
    origin = `http://127.0.0.1:${port}`;
    let output = '';
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    const started = Date.now();
    while (
      !(await fetch(`${origin}/`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() - started > 120_000 || server.exitCode !== null)
        throw new Error(`astro dev did not start:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 150_000);
  afterAll(() => {
    server?.kill();
  });

  test.each(DRAFT_POSTS.map((draft) => [draft.id, draft]))(
    '%s has its page, with the badge, and is in the lists',
    async (_, draft) => {
      const page = await fetch(`${origin}/blog/${draft.id}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/class="draft-badge[^"]*"[^>]*>Draft</);
      expect(html).toContain(draft.title);
      const archive = await (await fetch(`${origin}/archive/`)).text();
      expect(archive).toContain(`/blog/${draft.id}/`);
    },
    120_000,
  );

  test('a link to a draft goes to its page', async () => {
    const html = await (await fetch(`${origin}/blog/${SEARCH_POSTS.linksToDraft.id}/`)).text();
    expect(html).toContain(`href="/blog/unreleased-plans/"`);
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
