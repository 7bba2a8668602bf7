import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../../scripts/project-copy.mjs';
import {
  headersFor,
  HEADERS_FILE_LIMITS,
  parseHeadersFile,
} from '../../src/features/security/headers-file';
import { requestPaths } from '../../src/features/security/headers-integration';
import {
  revalidateCacheControl,
  type VercelHeaderRule,
} from '../../src/features/security/security';
import { filesIn } from '../support/dist-links';
import { readySite, type BuiltSite } from '../support/sites';

// _headers holds a handful of rules whatever the number of pages: the seed alone, the real-format
// posts and the many-posts site (several pages per list) all get the same rules.
const many = await readySite('many-posts');

async function rules(site: BuiltSite) {
  return parseHeadersFile(await readFile(join(site.dist, '_headers'), 'utf8'));
}

test("the same rules for one post as for many, within Cloudflare Pages' limits", async () => {
  const one = await readySite('site');
  const manyRules = await rules(many);
  const pages = filesIn(many.dist).filter((file) => file.endsWith('.html')).length;
  expect(pages).toBeGreaterThan(HEADERS_FILE_LIMITS.rules);
  expect(manyRules).toEqual(await rules(one));
  expect(manyRules.length).toBeLessThanOrEqual(HEADERS_FILE_LIMITS.rules);
  const realFormat = await rules(await readySite('real-format'));
  expect(realFormat.length).toBe(manyRules.length);
});

/** The headers Vercel sends for a path: every matching rule, the last one winning for a header. */
function vercelFor(config: VercelHeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of config) {
    const pattern = new RegExp(
      `^${rule.source
        .split('(.*)')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (pattern.test(decodeURI(path)))
      for (const { key, value } of rule.headers) headers[key] = value;
  }
  return headers;
}

test("Vercel sends every file of the site the same headers as _headers (the hosts' default cache where _headers sets none)", async () => {
  const vercel = JSON.parse(await readFile(join(ROOT, 'vercel.json'), 'utf8'))
    .headers as VercelHeaderRule[];
  const fileRules = await rules(many);
  const files = filesIn(many.dist)
    .map((file) => relative(many.dist, file).split(sep).join('/'))
    .filter((file) => file !== '_headers');
  for (const path of files.flatMap((file) => requestPaths(file, '/'))) {
    const expected = headersFor(fileRules, path);
    expect(vercelFor(vercel, path), path).toEqual({
      'Cache-Control': revalidateCacheControl,
      ...expected,
    });
  }
});
