import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { headersFor, parseHeadersFile } from '../../scripts/serve.mjs';
import { immutableCacheControl, securityHeaders, staticHeaderPolicy } from '../../src/features/security/security';
import { filesIn } from '../support/dist-links';
import { builtSite } from '../support/sites';
import { ROOT } from '../../scripts/project-copy.mjs';

const BASE = '/milestones/';

// The real-format site: hostile posts beside the seed and the fixtures, under BASE_PATH=milestones.
const build = await builtSite('real-format');
const dist = build.dist;

const metaPolicy = (html: string) => load(html)('meta[http-equiv="content-security-policy"]').attr('content');

describe('a build under BASE_PATH with hostile posts', () => {
  test('succeeds, warning about what it removed or replaced and naming the post', () => {
    expect(build.code, build.output).toBe(0);
    const warnings = build.output.split('\n').filter((line) => /\[(csp|sanitize)\]/.test(line));
    expect(warnings.every((line) => /src\/content\/blog\/[^:]+\.mdx?:/.test(line)), warnings.join('\n')).toBe(true);
    const text = warnings.filter((line) => line.includes('hostile-embed.md')).join('\n');
    expect(text).toContain('[csp] src/content/blog/hostile-embed.md: <iframe> from https://evil.example.net is shown as a link');
    expect(text).toContain('[sanitize] src/content/blog/hostile-embed.md: removed <script>');
    // Images may come from any https host (src/features/security/security.ts says why).
    expect(text).not.toContain('https://tracker.example.org');
  });

  test('links on the home page stay inside the base path', async () => {
    const home = load(await readFile(join(dist, 'index.html'), 'utf8'));
    expect(home('a[href^="/blog/"]').length).toBe(0);
    expect(home('.featured-post a').attr('href')).toMatch(new RegExp(`^${BASE}blog/[^/]+/$`));
  });

  test('every page carries a strict policy, and _headers sends it with frame-ancestors', async () => {
    const rules = parseHeadersFile(await readFile(join(dist, '_headers'), 'utf8'));
    for (const page of filesIn(dist).filter((file) => file.endsWith('.html'))) {
      const policy = metaPolicy(await readFile(page, 'utf8'));
      const name = relative(dist, page);
      expect(policy, name).toBeDefined();
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      for (const directive of ["object-src 'none'", "base-uri 'self'", "default-src 'self'"]) expect(policy).toContain(directive);
      const path = encodeURI(`${BASE}${name}`.replace(/index\.html$/, ''));
      const headers = headersFor(rules, path);
      expect(headers['Content-Security-Policy'], path).toBe(`${policy!.replace(/;\s*$/, '')}; frame-ancestors 'none'`);
      for (const [header, value] of Object.entries(securityHeaders)) expect(headers[header], `${path} ${header}`).toBe(value);
    }
    expect(headersFor(rules, `${BASE}_astro/x.css`)['Cache-Control']).toBe(immutableCacheControl);
  });

  test('hostile frontmatter stays text in every context', async () => {
    const html = await readFile(join(dist, 'blog/hostile-frontmatter/index.html'), 'utf8');
    const $ = load(html);
    expect($('h1').text()).toBe(`Quotes " and <script>alert('title')</script> & </script> 🚀`);
    expect($('title').text()).toContain(`<script>alert('title')</script>`);
    expect($('.post-author').text()).toBe(`<img src=x onerror=alert('author')>`);
    expect($('[onerror]').length).toBe(0);
    // Executable scripts never contain post text; JSON-LD data does, with every `<` escaped.
    $('script:not([type="application/ld+json"])').each((_, script) => expect($(script).html() ?? '').not.toMatch(/alert\(/));
    $('script[type="application/ld+json"]').each((_, script) => {
      expect($(script).html() ?? '').not.toMatch(/</);
      expect(JSON.parse($(script).html() ?? '').headline).toBe(`Quotes " and <script>alert('title')</script> & </script> 🚀`);
    });
    const seed = load(await readFile(join(dist, 'blog/2022-4-12-milvus-10k-stars/index.html'), 'utf8'));
    expect($('script').length).toBe(seed('script').length);
    expect($('img[src="x"]').length).toBe(0);
    expect($('meta[name="description"]').attr('content')).toBe(`</script><script>alert('desc')</script> "quoted" & more`);
    for (const href of $('a[href]').map((_, a) => $(a).attr('href')).get()) expect(href).not.toMatch(/^\s*javascript:/i);
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
    const config = parseToml(await readFile(join(ROOT, 'netlify.toml'), 'utf8')) as { build: Record<string, string> };
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe('dist');
  });

  test('vercel.json sends the same headers as src/features/security/security.ts', async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'vercel.json'), 'utf8'));
    expect(config.outputDirectory).toBe('dist');
    const all = Object.fromEntries(config.headers[0].headers.map((h: { key: string; value: string }) => [h.key, h.value]));
    expect(config.headers[0].source).toBe('/(.*)');
    expect(all['Content-Security-Policy']).toBe(staticHeaderPolicy());
    for (const [header, value] of Object.entries(securityHeaders)) expect(all[header], header).toBe(value);
    expect(config.headers[1]).toEqual({ source: '/_astro/(.*)', headers: [{ key: 'Cache-Control', value: immutableCacheControl }] });
  });

  test('the GitHub Pages workflow builds under the repository path and uploads dist/', async () => {
    const workflow = parseYaml(await readFile(join(ROOT, '.github/workflows/deploy-pages.yml'), 'utf8'));
    const steps: Array<Record<string, any>> = workflow.jobs.build.steps;
    const buildStep = steps.find((s) => s.run === 'npm run build');
    expect(buildStep?.env.BASE_PATH).toBe('/${{ github.event.repository.name }}/');
    expect(steps.find((s) => String(s.uses).startsWith('actions/upload-pages-artifact'))?.with.path).toBe('dist');
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  test('the GitHub Pages workflow gives write access to the deploy job only, and pins every action by commit', async () => {
    const text = await readFile(join(ROOT, '.github/workflows/deploy-pages.yml'), 'utf8');
    const workflow = parseYaml(text);
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.build.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const uses = Object.values(workflow.jobs as Record<string, { steps: Array<{ uses?: string }> }>).flatMap((job) => job.steps.map((s) => s.uses).filter(Boolean));
    expect(uses.length).toBe(4);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    // The tag each SHA was resolved from stays readable beside it.
    for (const line of text.split('\n').filter((l) => /uses: /.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });
});
