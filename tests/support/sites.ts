import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';

/** Every configuration the setup builds: the suites in `tests/<name>/` read them. */
export const SITE_NAMES = [
  'site',
  'real-format',
  'many-posts',
  'check',
  'base-path-bare',
  'base-path-slashes',
  'base-path-leading',
  'media-swap',
  'media-pull',
  'milestone-kit',
  'broken',
] as const;
export type SiteName = (typeof SITE_NAMES)[number];

/** Where the real-format site says its posts are edited (`CONTENT_EDIT_URL`, "Edit this post"). */
export const EDIT_URL = 'https://github.com/example/posts/edit/main/blog';

/** The post files a failed sync's output names: `src/content/blog/<file>: …` and the glob loader's `Error rendering <file>: …`. */
export function postsNamedIn(output: string): string[] {
  return [...output.matchAll(/(?:src\/content\/blog\/|Error rendering )([^\s:]+?\.mdx?)\b/g)].map(
    (match) => match[1]!,
  );
}

export interface BuiltSite {
  name: SiteName;
  /** The project copy it was built in. */
  dir: string;
  dist: string;
  code: number | null;
  /** Everything the build printed. */
  output: string;
  /** Where it is served (with its base), when the build succeeded. */
  url?: string;
}

/** Waits until the setup has built `name`, then returns it (whether or not the build succeeded). */
export async function builtSite(name: SiteName): Promise<BuiltSite> {
  const file = join(inject('runDir'), `${name}.json`);
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 200));
  return JSON.parse(await readFile(file, 'utf8')) as BuiltSite;
}

/** A site that must have built: throws with its build output otherwise. */
export async function readySite(name: SiteName): Promise<Required<BuiltSite>> {
  const site = await builtSite(name);
  if (site.code !== 0 || !site.url)
    throw new Error(`${name}: the build failed (exit ${site.code})\n${site.output.slice(-4000)}`);
  return site as Required<BuiltSite>;
}

/** A built page, parsed: `page(site, 'blog/x/')` reads `dist/blog/x/index.html`. */
export async function page(site: BuiltSite, path: string): Promise<CheerioAPI> {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return load(await readFile(join(site.dist, file), 'utf8'));
}

/** The absolute URL of a site path on the test server. */
export function urlOf(site: Required<BuiltSite>, path: string): string {
  return new URL(path.replace(/^\//, ''), site.url).href;
}
