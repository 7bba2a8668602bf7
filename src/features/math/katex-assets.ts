import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mathFontPath } from '../../lib/paths';

const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));

/**
 * KaTeX's stylesheet, served as a file of the site (`style-src 'self'`) only when a post has
 * math. It lists each font as woff2, woff and ttf; every browser that runs this site reads woff2,
 * so only those are kept, pointing at the site's copies.
 */
export async function katexStylesheet(): Promise<string> {
  const css = await readFile(join(katexDist, 'katex.min.css'), 'utf8');
  return css
    .replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '')
    .replace(/url\(fonts\/([^)]+\.woff2)\)/g, (_, name: string) => `url(${mathFontPath(name)})`);
}

/** The woff2 fonts KaTeX's stylesheet names. */
export async function katexFonts(): Promise<string[]> {
  return (await readdir(join(katexDist, 'fonts'))).filter((file) => file.endsWith('.woff2'));
}

export function katexFont(name: string): Promise<Buffer> {
  return readFile(join(katexDist, 'fonts', name));
}
