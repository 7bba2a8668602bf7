import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { notesOf } from '../../lib/build-notes';

/**
 * Runs single plugins on small inputs, for the unit tests beside them: HTML through rehype plugins,
 * Markdown through remark plugins (and optionally on to HTML). Not used by the site itself.
 */

export interface PluginRun {
  html: string;
  /** Build notes the plugins recorded, as `[kind] message` lines. */
  notes: string[];
  /** The render metadata frontmatter (what `render()` gives as `remarkPluginFrontmatter`). */
  frontmatter: Record<string, unknown>;
  /** The local images the plugins handed to Astro's image step. */
  localImagePaths?: string[];
}

interface RunOptions {
  path?: string;
  frontmatter?: Record<string, unknown>;
  /** The project root (default: the process's). */
  cwd?: string;
}

function fileFor(
  value: string,
  { path = '/site/src/content/blog/post.md', frontmatter = {}, cwd }: RunOptions,
) {
  return new VFile({ value, path, cwd, data: { astro: { frontmatter: { ...frontmatter } } } });
}

function resultOf(html: string, file: VFile): PluginRun {
  const { frontmatter, localImagePaths } = (
    file.data as { astro: { frontmatter: Record<string, unknown>; localImagePaths?: string[] } }
  ).astro;
  return {
    html,
    notes: notesOf(frontmatter).map((n) => `[${n.kind}] ${n.message}`),
    frontmatter,
    localImagePaths,
  };
}

export async function runRehype(
  plugins: Pluggable[],
  html: string,
  options: RunOptions = {},
): Promise<PluginRun> {
  const file = fileFor(html, options);
  const tree = (await unified()
    .use(plugins)
    .run(fromHtml(html, { fragment: true }), file)) as HastRoot;
  return resultOf(toHtml(tree), file);
}

export async function runRemark(
  plugins: Pluggable[],
  markdown: string,
  options: RunOptions & { rehype?: Pluggable[] } = {},
): Promise<PluginRun & { tree: MdastRoot }> {
  const file = fileFor(markdown, options);
  const processor = unified().use(remarkParse).use(plugins);
  const tree = (await processor.run(processor.parse(file), file)) as MdastRoot;
  const hast = (await unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(options.rehype ?? [])
    .run(structuredClone(tree), file)) as HastRoot;
  const html = toHtml(hast, { allowDangerousHtml: true });
  return { ...resultOf(html, file), tree };
}
