import { relative } from 'node:path';
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkLinks, filesIn } from '../support/dist-links';
import { readySite, type BuiltSite, type SiteName } from '../support/sites';

// Every built configuration, read from its files: valid HTML, every internal reference resolving,
// and no relative site URL anywhere (one would break on pages deeper than the base).
const CONFIGS: Array<{ name: SiteName; base: string; origin: string; validate: boolean }> = [
  { name: 'site', base: '/', origin: 'https://milestones.milvus.io', validate: true },
  { name: 'real-format', base: '/milestones/', origin: 'https://share.example', validate: true },
  { name: 'base-path-bare', base: '/milestones/', origin: 'https://milestones.milvus.io', validate: false },
  { name: 'base-path-leading', base: '/milestones/', origin: 'https://milestones.milvus.io', validate: false },
  { name: 'base-path-slashes', base: '/milestones/', origin: 'https://milestones.milvus.io', validate: false },
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
    $(`[${attribute}]`).not('.prose a:not([download])').each((_, element) => {
      const value = $(element).attr(attribute) ?? '';
      const urls = attribute === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        if (url && !/^([a-z][a-z\d+.-]*:|\/|#|\?)/i.test(url)) found.push(`${relative(dist, file)}: <${'tagName' in element ? element.tagName : '?'} ${attribute}="${url}">`);
      }
    });
  }
  return found;
}

describe.each(CONFIGS)('$name', ({ name, base, origin, validate }) => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await readySite(name);
  });

  test('the pages reference something, and every internal reference and #fragment resolves', async () => {
    const htmlFiles = filesIn(site.dist).filter((file) => file.endsWith('.html'));
    const links = checkLinks(site.dist, { base, site: origin });
    expect(links.internal.length).toBeGreaterThan(htmlFiles.length);
    expect(links.missing, links.missing.join('\n')).toEqual([]);
    expect(links.brokenFragments, links.brokenFragments.join('\n')).toEqual([]);
  });

  test('no relative site URL in href, src, srcset or data-* attributes', async () => {
    const found = filesIn(site.dist).filter((file) => file.endsWith('.html')).flatMap((file) => relativeUrls(site.dist, file));
    expect(found, found.join('\n')).toEqual([]);
  });

  test.runIf(validate)('every page is valid HTML (html-validate, .htmlvalidate.json)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const messages: string[] = [];
    for (const file of filesIn(site.dist).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateFile(file);
      messages.push(...report.results.flatMap((result) => result.messages.map((m) => `${relative(site.dist, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`)));
    }
    expect(messages, messages.join('\n')).toEqual([]);
  });
});
