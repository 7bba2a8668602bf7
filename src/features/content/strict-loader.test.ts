import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { strictLoader } from './strict-loader';

function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'strict-loader-'));
  mkdirSync(join(root, 'posts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'posts', name), text);
  return root;
}

/** A context whose store already holds `entries` (as after an earlier build) and whose logger records lines. */
function context(root: string, entries: unknown[] = []) {
  const lines: string[] = [];
  const parsed: Record<string, unknown>[] = [];
  const ctx = {
    collection: 'blog',
    config: { root: pathToFileURL(`${root}/`) },
    logger: {
      error: (m: string) => void lines.push(`error ${m}`),
      warn: (m: string) => void lines.push(`warn ${m}`),
      info: (m: string) => void lines.push(`info ${m}`),
    },
    store: { values: () => entries, delete: () => {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      parsed.push(data);
      return data;
    },
  } as unknown as LoaderContext;
  return { ctx, lines, parsed };
}

/** The part of the content layer's store the loader uses, kept in memory. */
function memoryStore() {
  const entries = new Map<string, { id: string }>();
  return {
    entries,
    values: () => entries.values(),
    set: (entry: { id: string }) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
  };
}

const noop: Loader = { name: 'test', load: async () => {} };

describe('strictLoader', () => {
  test('prints every post’s build notes on every build, also when nothing was rendered again', async () => {
    const root = project({ 'a.md': '' });
    const cached = {
      id: 'a',
      filePath: 'posts/a.md',
      rendered: {
        html: '',
        metadata: {
          frontmatter: { buildNotes: [{ kind: 'sanitize', message: 'removed <script>' }] },
        },
      },
    };
    // An MDX post is stored for rendering on demand (deferredRender).
    const mdx = { id: 'b', filePath: 'posts/b.mdx', deferredRender: true };
    const { ctx, lines } = context(root, [cached, mdx]);
    await strictLoader(noop, { dir: 'posts' }).load(ctx);
    expect(lines).toEqual(['warn [sanitize] posts/a.md: removed <script>']);
  });

  test('stops before loading when two files would be one page, naming both', async () => {
    const root = project({ 'x.md': '', 'x.mdx': '' });
    let loaded = false;
    const { ctx } = context(root);
    await expect(
      strictLoader({ name: 't', load: async () => void (loaded = true) }, { dir: 'posts' }).load(
        ctx,
      ),
    ).rejects.toThrow(/posts\/x\.md and posts\/x\.mdx: both would be the same page/);
    expect(loaded).toBe(false);
  });

  test('fails on a post that could not be rendered (the glob loader only logs it)', async () => {
    const root = project({ 'a.md': '' });
    const { ctx } = context(root);
    const failing: Loader = {
      name: 't',
      load: async ({ logger }) =>
        logger.error('Error rendering a.md: image "x.png" does not exist'),
    };
    await expect(strictLoader(failing, { dir: 'posts' }).load(ctx)).rejects.toThrow(
      /cannot be built:\nError rendering a\.md/,
    );
  });

  test('names every post whose frontmatter is not YAML before loading anything', async () => {
    const root = project({
      'a.md': '---\ntitle: [open\n---\n',
      'b.md': '---\ntitle: B\n---\n',
      'c.md': '---\ntitle: "x\n---\n',
    });
    let loaded = false;
    const { ctx } = context(root);
    const failure = strictLoader(
      { name: 't', load: async () => void (loaded = true) },
      { dir: 'posts' },
    ).load(ctx);
    await expect(failure).rejects.toThrow(
      /posts\/a\.md: the frontmatter is not valid YAML[^]*posts\/c\.md: the frontmatter is not valid YAML/,
    );
    expect(loaded).toBe(false);
  });

  test('names every post that does not fit the schema in one failure, and stores none of them', async () => {
    const root = project({ 'a.md': '', 'b.md': '', 'c.md': '' });
    const { ctx } = context(root);
    const schema = async ({ data }: { data: Record<string, unknown> }) => {
      if (!data.title) throw new Error('**title**: is required');
      return data;
    };
    const store = memoryStore();
    const reading: Loader = {
      name: 't',
      load: async ({ parseData, store }) => {
        for (const [id, title] of [
          ['a', ''],
          ['b', 'B'],
          ['c', ''],
        ]) {
          const data = await parseData({
            id: id!,
            data: { title },
            filePath: join(root, `posts/${id}.md`),
          });
          store.set({
            id: id!,
            data,
            filePath: `posts/${id}.md`,
            digest: id,
            rendered: { html: '' },
          });
        }
      },
    };
    const failure = strictLoader(reading, { dir: 'posts' }).load({
      ...ctx,
      parseData: schema,
      store,
    } as unknown as LoaderContext);
    await expect(failure).rejects.toThrow(
      /cannot be built:\nposts\/a\.md: \*\*title\*\*: is required\nposts\/c\.md: \*\*title\*\*/,
    );
    expect([...store.entries.keys()]).toEqual(['b']);
  });

  test('a post the glob loader failed to render (no HTML) is not kept in the store', async () => {
    const root = project({ 'a.md': '' });
    const { ctx } = context(root);
    const store = memoryStore();
    const failing: Loader = {
      name: 't',
      load: async ({ logger, store }) => {
        logger.error('Error rendering a.md: boom');
        store.set({ id: 'a', data: {}, filePath: 'posts/a.md', digest: 'a' });
      },
    };
    await expect(
      strictLoader(failing, { dir: 'posts' }).load({ ...ctx, store } as unknown as LoaderContext),
    ).rejects.toThrow(/boom/);
    expect([...store.entries.keys()]).toEqual([]);
  });

  test('the schema sees a date as written, not as YAML rolled it over', async () => {
    const root = project({ 'a.md': '---\ntitle: T\ndate: 2024-11-31\n---\n' });
    const { ctx, parsed } = context(root);
    const reading: Loader = {
      name: 't',
      load: async ({ parseData }) => {
        await parseData({
          id: 'a',
          data: { title: 'T', date: new Date(Date.UTC(2024, 10, 31)) },
          filePath: join(root, 'posts/a.md'),
        });
      },
    };
    await strictLoader(reading, { dir: 'posts' }).load(ctx);
    expect(parsed[0]?.date).toBe('2024-11-31');
  });
});
