import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { base, encodePath, withBase } from '../../lib/paths';
import {
  formatHeadersFile,
  HEADERS_FILE_LIMITS,
  ruleMatches,
  type HeaderRule,
} from './headers-file';
import { pageStyles } from './inline-styles';
import {
  assetCacheRules,
  contentSecurityPolicy,
  revalidateCacheControl,
  securityHeaders,
  vercelHeaders,
} from './security';

/** What every page must start with: its charset, then the site's policy, before anything the policy governs. */
const PAGE_HEAD =
  /^(<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8"\s*\/?>\s*<meta http-equiv="content-security-policy" content=")([^"]*)("\s*\/?>)/i;

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Every file of the built site, relative to it, with `/` separators. */
async function filesOf(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * Cache rules for pages, from the built site: the home page, each page at the top level, and one
 * rule per top-level folder that holds pages (`blog/*`, `tags/*`, …). However many posts there are,
 * that is a handful of rules.
 */
export function pageCacheRules(files: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const slash = file.indexOf('/');
    if (slash >= 0) paths.add(`${file.slice(0, slash)}/*`);
    else if (file === 'index.html') paths.add('').add(file);
    else paths.add(file);
  }
  return [...paths].sort();
}

/** The request paths (with the base) a built file answers: `blog/a/index.html` → `/blog/a/`, `/blog/a/index.html`. */
export function requestPaths(file: string, onto: string = base): string[] {
  const path = withBase(encodePath(file), onto);
  return path.endsWith('/index.html') ? [path.slice(0, -'index.html'.length), path] : [path];
}

/**
 * The `_headers` rules: the security headers (the one site-wide policy among them) for every path,
 * then `Cache-Control` by kind of file, never set twice for one request path.
 */
export function headerRules(
  files: readonly string[],
  inlineStyles: readonly string[],
): HeaderRule[] {
  const cache = [
    ...assetCacheRules,
    ...pageCacheRules(files).map((path) => ({ path, cacheControl: revalidateCacheControl })),
  ].map(({ path, cacheControl }) => ({
    pattern: withBase(path),
    headers: { 'Cache-Control': cacheControl },
  }));
  for (const path of files.flatMap((file) => requestPaths(file))) {
    const matching = cache.filter((rule) => ruleMatches(rule.pattern, path));
    if (matching.length > 1) {
      throw new Error(
        `_headers: ${path} matches ${matching.map((rule) => `"${rule.pattern}"`).join(' and ')}, and hosts would join their Cache-Control values (pages cannot live in an asset folder)`,
      );
    }
  }
  return [{ pattern: withBase('*'), headers: securityHeaders(inlineStyles) }, ...cache];
}

/**
 * The inline stylesheets of the built pages, read once: the policy allows the distinct ones by
 * hash. A `<style>` after a page's `<head>` fails the build (no page may bring CSS the policy has
 * not been built for).
 */
export function siteInlineStyles(pages: ReadonlyArray<{ file: string; html: string }>): string[] {
  const styles = new Set<string>();
  for (const { file, html } of pages) {
    const { head, body } = pageStyles(html);
    if (body.length)
      throw new Error(
        `${file}: a <style> after the <head>; only the page's own stylesheets, inlined in its <head>, are allowed`,
      );
    head.forEach((css) => styles.add(css));
  }
  return [...styles];
}

/** The command that writes the built site's headers into `vercel.json`. */
export const VERCEL_JSON_COMMAND = 'npm run vercel-json';

/**
 * `vercel.json` (read by Vercel before it builds) must carry the built site's headers. A build
 * never changes a committed file: it warns when they differ, and on Vercel it fails, as the
 * deployment would serve a policy that blocks the pages' stylesheets. `write` (the
 * `vercel-json` script) brings the file in line.
 */
export async function syncVercelJson(
  file: string,
  inlineStyles: readonly string[],
  logger: AstroIntegrationLogger,
  write = false,
): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // a copy of the project without it (the tests' sites)
    throw error;
  }
  const config = JSON.parse(text) as { headers?: unknown };
  const headers = vercelHeaders(inlineStyles);
  if (isDeepStrictEqual(config.headers, headers)) return;
  if (write) {
    await writeFile(file, `${JSON.stringify({ ...config, headers }, null, 2)}\n`);
    logger.info("vercel.json: headers updated to the built site's policy; commit it");
    return;
  }
  const stale = `vercel.json: its headers are not the built site's (the inline stylesheets changed); run \`${VERCEL_JSON_COMMAND}\` and commit vercel.json`;
  if (process.env.VERCEL) throw new Error(stale);
  logger.warn(stale);
}

/**
 * Completes every page's policy with the hashes of the site's inline stylesheets, then writes
 * `dist/_headers` (read by Netlify and Cloudflare Pages, and by `npm run preview`) and checks
 * `vercel.json` against them: the same headers and policy everywhere. Runs after inline-stylesheets.ts.
 */
export function securityHeadersFile(): AstroIntegration {
  let project = '';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        project = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await filesOf(root);
        const pages = await Promise.all(
          files
            .filter((file) => file.endsWith('.html'))
            .map(async (file) => ({ file, html: await readFile(join(root, file), 'utf8') })),
        );
        const inlineStyles = siteInlineStyles(pages);
        // BaseLayout writes the policy the pages' templates know (no inline styles yet).
        const rendered = contentSecurityPolicy([]);
        const policy = contentSecurityPolicy(inlineStyles);
        await Promise.all(
          pages.map(async ({ file, html }) => {
            const found = PAGE_HEAD.exec(html);
            if (!found)
              throw new Error(
                `${file}: <head> must open with <meta charset> and then the Content-Security-Policy <meta> (src/layouts/BaseLayout.astro)`,
              );
            if (decodeAttribute(found[2] ?? '') !== rendered)
              throw new Error(
                `${file}: its Content-Security-Policy is not the site's (contentSecurityPolicy() in src/features/security/security.ts)`,
              );
            await writeFile(
              join(root, file),
              `${found[1]}${policy}${found[3]}${html.slice(found[0].length)}`,
            );
          }),
        );
        const rules = headerRules(files, inlineStyles);
        const text = formatHeadersFile(
          rules,
          'Generated at build by src/features/security/headers-integration.ts from src/features/security/security.ts.',
        );
        const long = text.split('\n').find((line) => line.length > HEADERS_FILE_LIMITS.lineLength);
        if (rules.length > HEADERS_FILE_LIMITS.rules || long) {
          throw new Error(
            `_headers exceeds Cloudflare Pages' limits (${rules.length} rules of ${HEADERS_FILE_LIMITS.rules}; lines up to ${HEADERS_FILE_LIMITS.lineLength} characters)`,
          );
        }
        await writeFile(join(root, '_headers'), text);
        // Vercel serves the site at its root.
        if (base === '/')
          await syncVercelJson(
            join(project, 'vercel.json'),
            inlineStyles,
            logger,
            process.env.WRITE_VERCEL_JSON === '1',
          );
        logger.info(
          `wrote _headers: ${rules.length} rules for ${pages.length} pages, one policy (${inlineStyles.length} inline stylesheets)`,
        );
      },
    },
  };
}
