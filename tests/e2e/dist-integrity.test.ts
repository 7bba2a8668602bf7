import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { site } from '../../src/config/site';
import { base } from '../../src/lib/paths';
import { ROOT } from '../../scripts/project-copy.mjs';
import { checkLinks, filesIn } from '../support/dist-links';

// The global setup has just built dist/; these read its files directly.
const DIST = join(ROOT, 'dist');

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

const links = checkLinks(DIST, { base, site: site.url });

describe('every internal link and asset in dist/ resolves (external links are not fetched)', () => {
  test('the pages reference something', () => {
    expect(links.internal.length).toBeGreaterThan(htmlFiles.length);
  });

  test('each page, stylesheet, script, image and CSS url() referenced exists in dist/', () => {
    expect(links.missing, links.missing.join('\n')).toEqual([]);
  });

  test('each #fragment points at an element with that id on its page', () => {
    expect(links.brokenFragments, links.brokenFragments.join('\n')).toEqual([]);
  });
});
