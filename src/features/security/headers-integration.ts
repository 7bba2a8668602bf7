import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { encodePath, withBase } from '../../lib/paths';
import { immutableCacheControl, pageHeaderPolicy, revalidateCacheControl, securityHeaders } from './security';

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

function decodeAttribute(value: string): string {
  return value.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** `blog/a/index.html` → [`/base/blog/a/`, `/base/blog/a/index.html`]; `404.html` → [`/base/404.html`]. */
export function requestPathsFor(file: string): string[] {
  const path = withBase(encodePath(file.split(sep).join('/')));
  return path.endsWith('/index.html') ? [path.slice(0, -'index.html'.length), path] : [path];
}

/**
 * Writes `dist/_headers` (read by Netlify and Cloudflare Pages, and by `npm run preview`): the
 * security headers for everything, immutable caching for hashed assets, and for each page its
 * own Content-Security-Policy (its `<meta>` policy plus `frame-ancestors`).
 */
export function securityHeadersFile(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const lines = [
          '# Generated at build from src/features/security/security.ts and each page\'s <meta> policy.',
          withBase('*'),
          ...Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`),
          withBase('_astro/*'),
          `  Cache-Control: ${immutableCacheControl}`,
        ];
        let pages = 0;
        for (const file of (await htmlFiles(root)).sort()) {
          const policy = META_CSP.exec(await readFile(file, 'utf8'))?.[1];
          if (!policy) throw new Error(`${relative(root, file)} has no Content-Security-Policy <meta> tag`);
          for (const path of requestPathsFor(relative(root, file))) {
            lines.push(path, `  Content-Security-Policy: ${pageHeaderPolicy(decodeAttribute(policy))}`, `  Cache-Control: ${revalidateCacheControl}`);
          }
          pages++;
        }
        await writeFile(join(root, '_headers'), `${lines.join('\n')}\n`);
        logger.info(`wrote _headers for ${pages} pages`);
      },
    },
  };
}
