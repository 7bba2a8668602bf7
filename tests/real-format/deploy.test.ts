import { readFile } from 'node:fs/promises';
import { load } from 'cheerio';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { join, relative, sep } from 'node:path';
import {
  headersFor,
  HEADERS_FILE_LIMITS,
  parseHeadersFile,
} from '../../src/features/security/headers-file';
import { requestPaths } from '../../src/features/security/headers-integration';
import {
  contentSecurityPolicy,
  cspHash,
  feedCacheControl,
  immutableCacheControl,
  revalidateCacheControl,
  securityHeaders,
  shareCardCacheControl,
  vercelHeaders,
} from '../../src/features/security/security';
import { filesIn } from '../support/dist-links';
import { builtInlineStyles } from '../support/policy';
import { builtSite } from '../support/sites';
import { ROOT } from '../../scripts/project-copy.mjs';

const BASE = '/milestones/';

// The real-format site: hostile posts beside the seed and the fixtures, under BASE_PATH=milestones.
const build = await builtSite('real-format');
const dist = build.dist;
/** The site's stylesheets, inline in its pages: the one policy allows each by hash. */
const inlineStyles = build.code === 0 ? builtInlineStyles(dist) : [];

describe('a build under BASE_PATH with hostile posts', () => {
  test('succeeds, warning about what it removed or replaced and naming the post', () => {
    expect(build.code, build.output).toBe(0);
    const warnings = build.output.split('\n').filter((line) => /\[(csp|sanitize)\]/.test(line));
    expect(
      warnings.every((line) => /src\/content\/blog\/[^:]+\.mdx?:/.test(line)),
      warnings.join('\n'),
    ).toBe(true);
    const text = warnings.filter((line) => line.includes('hostile-embed.md')).join('\n');
    expect(text).toContain(
      '[csp] src/content/blog/hostile-embed.md: <iframe> from https://evil.example.net is shown as a link',
    );
    expect(text).toContain('[sanitize] src/content/blog/hostile-embed.md: removed <script>');
    // Images may come from any https host (src/features/security/security.ts says why).
    expect(text).not.toContain('https://tracker.example.org');
  });

  test('links on the home page stay inside the base path', async () => {
    const home = load(await readFile(join(dist, 'index.html'), 'utf8'));
    expect(home('a[href^="/blog/"]').length).toBe(0);
    expect(home('.featured-post a').attr('href')).toMatch(new RegExp(`^${BASE}blog/[^/]+/$`));
  });

  test("every page opens its <head> with the site's one policy, right after the charset", async () => {
    const policy = contentSecurityPolicy(inlineStyles);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
    for (const file of filesIn(dist).filter((f) => f.endsWith('.html'))) {
      const head = load(await readFile(file, 'utf8'))('head').children();
      expect(head.eq(0).attr('charset'), relative(dist, file)).toBe('utf-8');
      expect(head.eq(1).attr('http-equiv'), relative(dist, file)).toBe('content-security-policy');
      expect(head.eq(1).attr('content'), relative(dist, file)).toBe(policy);
    }
  });

  test("every page's CSS is inline in its <head>, each <style> allowed by a hash in that policy; a few distinct ones for the whole site", async () => {
    const styleSrc =
      contentSecurityPolicy(inlineStyles)
        .split('; ')
        .find((d) => d.startsWith('style-src '))
        ?.split(' ') ?? [];
    expect(styleSrc.slice(0, 2)).toEqual(['style-src', "'self'"]);
    for (const file of filesIn(dist).filter((f) => f.endsWith('.html'))) {
      const $ = load(await readFile(file, 'utf8'));
      const name = relative(dist, file);
      expect($('head > style').length, name).toBeGreaterThan(0);
      expect($('style').length, name).toBe($('head > style').length);
      $('style').each((_, style) =>
        expect(styleSrc, name).toContain(`'${cspHash($(style).text())}'`),
      );
      // The only stylesheets still linked: the math ones (math/) and the code colours', on pages with math or code.
      $('link[rel="stylesheet"]').each((_, link) =>
        expect($(link).attr('href'), name).toMatch(
          /^\/milestones\/(math\/[^"]+\.css|_astro\/code-theme\.[\w-]+\.css)$/,
        ),
      );
    }
    // One per kind of page (home, lists, post, …), however many posts: the policy stays short.
    expect(styleSrc.length - 2).toBe(inlineStyles.length);
    expect(inlineStyles.length).toBeGreaterThan(1);
    expect(inlineStyles.length).toBeLessThanOrEqual(8);
  });

  test("_headers sends every file the security headers with that same policy, and its kind's cache lifetime, each header once", async () => {
    const rules = parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8'));
    const cacheFor = (file: string) =>
      /^(_astro|media|feed)\//.test(file)
        ? immutableCacheControl
        : file.startsWith('og/')
          ? shareCardCacheControl
          : /^(rss\.xml|sitemap-.*\.xml)$/.test(file)
            ? feedCacheControl
            : file.endsWith('.html')
              ? revalidateCacheControl
              : undefined;
    const files = filesIn(dist)
      .map((file) => relative(dist, file).split(sep).join('/'))
      .filter((file) => file !== '_headers');
    expect(
      files.some((file) => file.startsWith('media/')) &&
        files.some((file) => file.startsWith('og/')),
    ).toBe(true);
    for (const file of files) {
      for (const path of requestPaths(file, BASE)) {
        // headersFor joins a header that two rules set (as Cloudflare does): equality proves each is set once.
        const headers = headersFor(rules, path);
        expect(headers, path).toEqual({
          ...securityHeaders(inlineStyles),
          ...(cacheFor(file) ? { 'Cache-Control': cacheFor(file) } : {}),
        });
      }
    }
    expect(
      Number(
        /max-age=(\d+)/.exec(securityHeaders(inlineStyles)['Strict-Transport-Security']!)?.[1],
      ),
    ).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });

  test("_headers stays within every host's limits: Cloudflare Pages' 100 rules and 2,000 characters a line, Netlify's syntax", async () => {
    const text = await readFile(join(dist, '_headers'), 'utf8');
    const rules = parseHeadersFile(text); // throws on anything Netlify or Cloudflare could not read
    expect(rules.length).toBeLessThanOrEqual(HEADERS_FILE_LIMITS.rules);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(
      HEADERS_FILE_LIMITS.lineLength,
    );
    for (const rule of rules)
      expect(rule.pattern.startsWith(BASE) || rule.pattern === '/*', rule.pattern).toBe(true);
    expect(rules[0]).toEqual({ pattern: `${BASE}*`, headers: securityHeaders(inlineStyles) });
  });

  test('hostile frontmatter stays text in every context', async () => {
    const html = await readFile(join(dist, 'blog/hostile-frontmatter/index.html'), 'utf8');
    const $ = load(html);
    expect($('h1').text()).toBe(`Quotes " and <script>alert('title')</script> & </script> 🚀`);
    expect($('title').text()).toContain(`<script>alert('title')</script>`);
    expect($('.post-author').text()).toBe(`<img src=x onerror=alert('author')>`);
    expect($('[onerror]').length).toBe(0);
    // Executable scripts never contain post text; JSON-LD data does, with every `<` escaped.
    $('script:not([type="application/ld+json"])').each((_, script) =>
      expect($(script).html() ?? '').not.toMatch(/alert\(/),
    );
    $('script[type="application/ld+json"]').each((_, script) => {
      expect($(script).html() ?? '').not.toMatch(/</);
      expect(JSON.parse($(script).html() ?? '').headline).toBe(
        `Quotes " and <script>alert('title')</script> & </script> 🚀`,
      );
    });
    const seed = load(
      await readFile(join(dist, 'blog/2022-4-12-milvus-10k-stars/index.html'), 'utf8'),
    );
    expect($('script').length).toBe(seed('script').length);
    expect($('img[src="x"]').length).toBe(0);
    expect($('meta[name="description"]').attr('content')).toBe(
      `</script><script>alert('desc')</script> "quoted" & more`,
    );
    for (const href of $('a[href]')
      .map((_, a) => $(a).attr('href'))
      .get())
      expect(href).not.toMatch(/^\s*javascript:/i);
  });

  test('links that leave the site carry rel="noopener noreferrer"', async () => {
    const $ = load(await readFile(join(dist, 'blog/hostile-frontmatter/index.html'), 'utf8'));
    const external = $('.prose a[href^="https://example.com"]');
    expect(external.length).toBe(1);
    expect(external.attr('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });
});

describe('deploy configs', () => {
  test('netlify.toml builds with npm and publishes dist/', async () => {
    const config = parseToml(await readFile(join(ROOT, 'netlify.toml'), 'utf8')) as {
      build: Record<string, string>;
    };
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe('dist');
  });

  test('vercel.json (committed) sends the headers of src/features/security/security.ts: the same policy as every built page and _headers', async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'vercel.json'), 'utf8'));
    expect(config.outputDirectory).toBe('dist');
    // A build never rewrites vercel.json; `npm run vercel-json` brings it in line (headers-integration.ts).
    expect(
      config.headers,
      `vercel.json "headers" should be (run \`npm run vercel-json\` and commit vercel.json):\n${JSON.stringify(vercelHeaders(inlineStyles), null, 2)}`,
    ).toEqual(vercelHeaders(inlineStyles));
    const all = Object.fromEntries(
      config.headers[0].headers.map((h: { key: string; value: string }) => [h.key, h.value]),
    );
    expect(config.headers[0].source).toBe('/(.*)');
    expect(all['Content-Security-Policy']).toBe(contentSecurityPolicy(inlineStyles));
    expect(
      parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8'))[0]?.headers[
        'Content-Security-Policy'
      ],
    ).toBe(all['Content-Security-Policy']);
    const home = load(await readFile(join(dist, 'index.html'), 'utf8'));
    expect(home('meta[http-equiv="content-security-policy"]').attr('content')).toBe(
      all['Content-Security-Policy'],
    );
  });

  test("vercel.json fits Vercel's schema for headers", async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'vercel.json'), 'utf8'));
    expect(Array.isArray(config.headers) && config.headers.length <= 2048).toBe(true);
    for (const rule of config.headers) {
      expect(Object.keys(rule).sort()).toEqual(['headers', 'source']);
      // path-to-regexp sources as used here: literal segments and (.*) groups, from the root.
      expect(rule.source, rule.source).toMatch(/^\/([A-Za-z0-9._~-]|\/|\(\.\*\))*$/);
      expect(rule.source.length).toBeLessThanOrEqual(4096);
      expect(rule.headers.length).toBeGreaterThan(0);
      expect(rule.headers.length).toBeLessThanOrEqual(1024);
      for (const header of rule.headers) {
        expect(Object.keys(header).sort()).toEqual(['key', 'value']);
        expect(header.key).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,4096}$/);
        expect(
          typeof header.value === 'string' &&
            header.value.length > 0 &&
            header.value.length <= 32768,
        ).toBe(true);
        expect(header.value).toMatch(/^[\x20-\x7e]+$/);
      }
    }
  });

  test('the GitHub Pages workflow builds under the repository path and uploads dist/', async () => {
    const workflow = parseYaml(
      await readFile(join(ROOT, '.github/workflows/deploy-pages.yml'), 'utf8'),
    );
    const steps: Array<{
      run?: string;
      uses?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    }> = workflow.jobs.build.steps;
    const buildStep = steps.find((s) => s.run === 'npm run build');
    expect(buildStep?.env?.BASE_PATH).toBe('/${{ github.event.repository.name }}/');
    expect(
      steps.find((s) => String(s.uses).startsWith('actions/upload-pages-artifact'))?.with?.path,
    ).toBe('dist');
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  test('the GitHub Pages workflow gives write access to the deploy job only, and pins every action by commit', async () => {
    const text = await readFile(join(ROOT, '.github/workflows/deploy-pages.yml'), 'utf8');
    const workflow = parseYaml(text);
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const uses = Object.values(
      workflow.jobs as Record<string, { steps: Array<{ uses?: string }> }>,
    ).flatMap((job) => job.steps.map((s) => s.uses).filter(Boolean));
    expect(uses.length).toBe(4);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    // The tag each SHA was resolved from stays readable beside it.
    for (const line of text.split('\n').filter((l) => /uses: /.test(l)))
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });
});
