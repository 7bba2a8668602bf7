import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { base, encodePath, withBase } from '../../lib/paths';
import { formatHeadersFile, HEADERS_FILE_LIMITS, ruleMatches, type HeaderRule } from './headers-file';
import { assetCacheRules, contentSecurityPolicy, revalidateCacheControl, securityHeaders } from './security';

/** What every page must start with: its charset, then the site's policy, before anything the policy governs. */
const PAGE_HEAD = /^<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8"\s*\/?>\s*<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;

function decodeAttribute(value: string): string {
  return value.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Every file of the built site, relative to it, with `/` separators. */
async function filesOf(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
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
export function headerRules(files: readonly string[]): HeaderRule[] {
  const cache = [
    ...assetCacheRules,
    ...pageCacheRules(files).map((path) => ({ path, cacheControl: revalidateCacheControl })),
  ].map(({ path, cacheControl }) => ({ pattern: withBase(path), headers: { 'Cache-Control': cacheControl } }));
  for (const path of files.flatMap((file) => requestPaths(file))) {
    const matching = cache.filter((rule) => ruleMatches(rule.pattern, path));
    if (matching.length > 1) {
      throw new Error(`_headers: ${path} matches ${matching.map((rule) => `"${rule.pattern}"`).join(' and ')}, and hosts would join their Cache-Control values (pages cannot live in an asset folder)`);
    }
  }
  return [{ pattern: withBase('*'), headers: securityHeaders() }, ...cache];
}

/**
 * Checks that every page starts with the site's policy, and writes `dist/_headers` (read by Netlify
 * and Cloudflare Pages, and by `npm run preview`): the same headers `vercel.json` sends.
 */
export function securityHeadersFile(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await filesOf(root);
        const policy = contentSecurityPolicy();
        const pages = files.filter((file) => file.endsWith('.html'));
        await Promise.all(
          pages.map(async (file) => {
            const found = PAGE_HEAD.exec(await readFile(join(root, file), 'utf8'))?.[1];
            if (found === undefined) throw new Error(`${file}: <head> must open with <meta charset> and then the Content-Security-Policy <meta> (src/layouts/BaseLayout.astro)`);
            if (decodeAttribute(found) !== policy) throw new Error(`${file}: its Content-Security-Policy is not the site's (contentSecurityPolicy() in src/features/security/security.ts)`);
          }),
        );
        const rules = headerRules(files);
        const text = formatHeadersFile(rules, 'Generated at build by src/features/security/headers-integration.ts from src/features/security/security.ts.');
        const long = text.split('\n').find((line) => line.length > HEADERS_FILE_LIMITS.lineLength);
        if (rules.length > HEADERS_FILE_LIMITS.rules || long) {
          throw new Error(`_headers exceeds Cloudflare Pages' limits (${rules.length} rules of ${HEADERS_FILE_LIMITS.rules}; lines up to ${HEADERS_FILE_LIMITS.lineLength} characters)`);
        }
        await writeFile(join(root, '_headers'), text);
        logger.info(`wrote _headers: ${rules.length} rules for ${pages.length} pages, one policy`);
      },
    },
  };
}
