// The baseline: a bare Astro project (default config, no integrations) built with the same
// node_modules, so each figure of ours is compared with Astro's own cost for the same content.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkNodeModules } from '../project-copy.mjs';

const LAYOUT = `---
const { frontmatter } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{frontmatter.title}</title></head>
  <body><main><h1>{frontmatter.title}</h1><slot /></main></body>
</html>
`;
const INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Bare Astro</title></head>
  <body><main><h1>Bare Astro</h1><p>One page, nothing else.</p></main></body>
</html>
`;

/**
 * A bare project: one index page plus `pages` markdown pages under /posts/<id>/, each rendered with
 * a minimal layout by Astro's default markdown pipeline.
 * @param {{ id: string, frontmatter: string, body: string }[]} pages
 */
export async function bareAstroProject(pages = []) {
  const dir = await mkdtemp(join(tmpdir(), 'bare-astro-'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }),
  );
  await writeFile(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  await mkdir(join(dir, 'src/pages/posts'), { recursive: true });
  await mkdir(join(dir, 'src/layouts'), { recursive: true });
  await writeFile(join(dir, 'src/layouts/Bare.astro'), LAYOUT);
  await writeFile(join(dir, 'src/pages/index.astro'), INDEX);
  for (const page of pages) {
    const frontmatter = page.frontmatter.replace(
      /\n---$/,
      '\nlayout: ../../layouts/Bare.astro\n---',
    );
    await writeFile(
      join(dir, 'src/pages/posts', `${page.id}.md`),
      `${frontmatter}\n\n${page.body}\n`,
    );
  }
  await linkNodeModules(dir);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
