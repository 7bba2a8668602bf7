import { dirname, join, relative } from 'node:path';
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkLinks, fileFor, filesIn, type LinkReport } from '../support/dist-links';
import { readySite, type BuiltSite, type SiteName } from '../support/sites';

// Every built configuration, read from its files: valid HTML, every internal reference resolving,
// and no relative site URL anywhere (one would break on pages deeper than the base).
const CONFIGS: Array<{ name: SiteName; base: string; origin: string; validate: boolean }> = [
  { name: 'site', base: '/', origin: 'https://milestones.milvus.io', validate: true },
  { name: 'real-format', base: '/milestones/', origin: 'https://share.example', validate: true },
  {
    name: 'base-path-bare',
    base: '/milestones/',
    origin: 'https://milestones.milvus.io',
    validate: false,
  },
  {
    name: 'base-path-leading',
    base: '/milestones/',
    origin: 'https://milestones.milvus.io',
    validate: false,
  },
  {
    name: 'base-path-slashes',
    base: '/milestones/',
    origin: 'https://milestones.milvus.io',
    validate: false,
  },
];

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'poster', 'action', 'data-still', 'data-moving'];

/**
 * `file: <tag attr="value">` for every URL attribute that is neither absolute, site-absolute, a
 * fragment nor a query. Links an author wrote in a post body are theirs (the link check above
 * proves they resolve); everything the site writes itself, media in posts included, is checked.
 */
function relativeUrls(dist: string, file: string): string[] {
  const $ = load(readFileSync(file, 'utf8'));
  const found: string[] = [];
  for (const attribute of URL_ATTRIBUTES) {
    $(`[${attribute}]`)
      .not('.prose a:not([download])')
      .each((_, element) => {
        const value = $(element).attr(attribute) ?? '';
        const urls =
          attribute === 'srcset'
            ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
            : [value];
        for (const url of urls) {
          if (url && !/^([a-z][a-z\d+.-]*:|\/|#|\?)/i.test(url))
            found.push(
              `${relative(dist, file)}: <${'tagName' in element ? element.tagName : '?'} ${attribute}="${url}">`,
            );
        }
      });
  }
  return found;
}

describe.each(CONFIGS)('$name', ({ name, base, origin, validate }) => {
  let site: BuiltSite;
  let links: LinkReport;
  beforeAll(async () => {
    site = await readySite(name);
    links = checkLinks(site.dist, { base, site: origin });
  });

  test('the pages reference something, and every internal reference and #fragment resolves', async () => {
    const htmlFiles = filesIn(site.dist).filter((file) => file.endsWith('.html'));
    expect(links.internal.length).toBeGreaterThan(htmlFiles.length);
    expect(links.missing, links.missing.join('\n')).toEqual([]);
    expect(links.brokenFragments, links.brokenFragments.join('\n')).toEqual([]);
  });

  test('no relative site URL in href, src, srcset or data-* attributes', async () => {
    const found = filesIn(site.dist)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => relativeUrls(site.dist, file));
    expect(found, found.join('\n')).toEqual([]);
  });

  test('every file in _astro/ and media/ is used: loaded by a page, a stylesheet or a script', async () => {
    const used = new Set(
      links.internal.map((ref) => fileFor(site.dist, ref.url.pathname, base)).filter(Boolean),
    );
    const assets = filesIn(site.dist).filter((file) =>
      /^(_astro|media)\//.test(relative(site.dist, file)),
    );
    // Scripts may import shared chunks, which no page names.
    for (const script of assets.filter((file) => file.endsWith('.js'))) {
      for (const match of readFileSync(script, 'utf8').matchAll(
        /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g,
      )) {
        used.add(join(dirname(script), match[1] ?? match[2] ?? ''));
      }
    }
    // The code colours' stylesheet is built whether or not a post has code; pages with highlighted
    // code link it, pages without code do not.
    const codeSheet = assets.find((file) => /_astro\/code-theme\.[^/]+\.css$/.test(file));
    expect(codeSheet).toBeDefined();
    for (const file of filesIn(site.dist).filter((f) => f.endsWith('.html'))) {
      const $ = load(readFileSync(file, 'utf8'));
      const linked = $('link[rel=stylesheet]')
        .toArray()
        .some(
          (link) =>
            fileFor(site.dist, new URL($(link).attr('href') ?? '', origin).pathname, base) ===
            codeSheet,
        );
      if ($('pre.astro-code').length > 0) expect(linked, relative(site.dist, file)).toBe(true);
      if ($('pre').length === 0) expect(linked, relative(site.dist, file)).toBe(false);
    }
    const unused = assets
      .filter((file) => !used.has(file) && file !== codeSheet)
      .map((file) => relative(site.dist, file));
    expect(assets.length).toBeGreaterThan(0);
    expect(unused, `files no page uses:\n${unused.join('\n')}`).toEqual([]);
  });

  test.runIf(validate)('every page is valid HTML (html-validate, .htmlvalidate.json)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const messages: string[] = [];
    for (const file of filesIn(site.dist).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateFile(file);
      messages.push(
        ...report.results.flatMap((result) =>
          result.messages.map(
            (m) => `${relative(site.dist, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`,
          ),
        ),
      );
    }
    expect(messages, messages.join('\n')).toEqual([]);
  });
});
