import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { site } from '../../src/lib/site';
import { ROOT } from '../../scripts/project-copy.mjs';

// The global setup has just built dist/; these read its files directly.
const DIST = join(ROOT, 'dist');
const BASE = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
const files = filesIn(DIST);
const htmlFiles = files.filter((file) => file.endsWith('.html'));

describe('every built page is valid HTML (html-validate, .htmlvalidate.json)', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  test.each(htmlFiles.map((file) => relative(DIST, file)))('%s', async (file) => {
    const report = await validator.validateFile(join(DIST, file));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages, messages.join('\n')).toEqual([]);
  });
});

interface Reference {
  from: string;
  url: string;
}

/** The file in dist/ a URL on this site is served from, or undefined when there is none. */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const path = join(DIST, decodeURIComponent(pathname.slice(BASE.length)));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Every URL a page links to or loads: attributes, srcsets, inline styles and og/twitter meta. */
function referencesIn(file: string): Reference[] {
  const from = relative(DIST, file);
  const pageUrl = new URL(`${BASE}${from.replace(/(^|\/)index\.html$/, '$1')}`, site.url);
  const refs: string[] = [];
  const $ = load(readFileSync(file, 'utf8'), { xml: file.endsWith('.xml') });
  if (file.endsWith('.xml')) {
    $('loc, link, url, guid[isPermaLink="true"]').each((_, el) => void refs.push($(el).text().trim()));
    $('[href], [url]').each((_, el) => void refs.push($(el).attr('href') ?? $(el).attr('url') ?? ''));
  } else {
    for (const attr of ['href', 'src', 'poster', 'data', 'action']) $(`[${attr}]`).each((_, el) => void refs.push($(el).attr(attr) ?? ''));
    for (const attr of ['srcset', 'imagesrcset']) {
      $(`[${attr}]`).each((_, el) => {
        for (const candidate of ($(el).attr(attr) ?? '').split(',')) refs.push(candidate.trim().split(/\s+/)[0] ?? '');
      });
    }
    $('meta[content^="http"], meta[content^="/"]').each((_, el) => void refs.push($(el).attr('content') ?? ''));
    $('[style], style').each((_, el) => {
      const css = $(el).attr('style') ?? $(el).text();
      for (const match of css.matchAll(/url\(\s*['"]?([^'")]+)/g)) refs.push(match[1] ?? '');
    });
  }
  return refs.filter(Boolean).map((ref) => ({ from, url: new URL(ref, pageUrl).href }));
}

const siteOrigin = new URL(site.url).origin;
const references = files.filter((file) => /\.(html|xml)$/.test(file)).flatMap(referencesIn);
const internal = references.filter((ref) => new URL(ref.url).origin === siteOrigin);
const shown = (ref: Reference) => `${ref.from} -> ${ref.url.slice(siteOrigin.length)}`;

describe('every internal link and asset in dist/ resolves (external links are not fetched)', () => {
  test('the pages reference something', () => {
    expect(internal.length).toBeGreaterThan(htmlFiles.length);
  });

  test('each page, stylesheet, script and image referenced exists in dist/', () => {
    const missing = internal
      .filter((ref) => !fileFor(new URL(ref.url).pathname))
      .map(shown);
    expect([...new Set(missing)], [...new Set(missing)].join('\n')).toEqual([]);
  });

  test('each #fragment points at an element with that id on its page', () => {
    const broken = internal
      .filter((ref) => new URL(ref.url).hash.length > 1)
      .filter((ref) => {
        const target = fileFor(new URL(ref.url).pathname);
        if (!target?.endsWith('.html')) return false; // reported by the test above
        const id = decodeURIComponent(new URL(ref.url).hash.slice(1));
        const $ = load(readFileSync(target, 'utf8'));
        return $(`[id="${id.replace(/"/g, '\\"')}"], a[name="${id.replace(/"/g, '\\"')}"]`).length === 0;
      })
      .map(shown);
    expect(broken, broken.join('\n')).toEqual([]);
  });

  test('every CSS url() in dist/ resolves', () => {
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.css'))) {
      const fileUrl = new URL(`${BASE}${relative(DIST, file)}`, site.url);
      for (const match of readFileSync(file, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)/g)) {
        const url = new URL(match[1] ?? '', fileUrl);
        if (url.origin === siteOrigin && !fileFor(url.pathname)) missing.push(`${relative(DIST, file)} -> ${url.href}`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });
});
