// What a page costs a reader, read from the served HTML: the bytes that block first paint, the
// JavaScript it runs, the images it loads, and any reference to another origin. Used by the audit
// and the bench so both count the same way.
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/** Compressed size as a static host would send it. */
export const gz = (/** @type {string | Uint8Array} */ body) =>
  gzipSync(body, { level: 9 }).byteLength;

/** @param {string} url */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * @typedef {{
 *   path: string,
 *   htmlBytes: number, htmlGzip: number,
 *   criticalGzip: number, blocking: string[], blockingScripts: number,
 *   cssGzip: number, scriptGzip: number, scripts: string[],
 *   imageBytes: number, images: string[],
 *   foreign: string[],
 * }} PageWeight
 */

/** @param {import('cheerio').CheerioAPI} $ @param {import('domhandler').Element} el */
function blocksRendering($, el) {
  const node = $(el);
  if (el.tagName === 'link') {
    const media = (node.attr('media') ?? 'all').trim().toLowerCase();
    return !node.is('[disabled]') && !/^(print|not all)$/.test(media);
  }
  const type = (node.attr('type') ?? '').trim().toLowerCase();
  return node.attr('src') !== undefined && !node.is('[async],[defer]') && type !== 'module';
}

/** Every module a script pulls in with static `import`, so chunks are counted once each. */
async function moduleGraph(/** @type {string} */ entry) {
  /** @type {Map<string, Uint8Array>} */
  const seen = new Map();
  const queue = [entry];
  while (queue.length) {
    const url = /** @type {string} */ (queue.shift());
    if (seen.has(url)) continue;
    const bytes = await fetchBytes(url);
    seen.set(url, bytes);
    const text = new TextDecoder().decode(bytes);
    for (const match of text.matchAll(
      /(?:\bimport\s*|\bfrom\s*)["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g,
    )) {
      queue.push(new URL(/** @type {string} */ (match[1]), url).href);
    }
  }
  return seen;
}

/**
 * @param {string} baseUrl e.g. http://127.0.0.1:4321
 * @param {string} path e.g. /blog/some-post/
 * @returns {Promise<PageWeight>}
 */
export async function pageWeight(baseUrl, path) {
  const pageUrl = new URL(path, baseUrl).href;
  const origin = new URL(baseUrl).origin;
  const html = await fetchBytes(pageUrl);
  const $ = load(new TextDecoder().decode(html));
  const abs = (/** @type {string} */ ref) => new URL(ref, pageUrl).href;

  let criticalGzip = gz(html);
  let blockingScripts = 0;
  let cssGzip = 0;
  const blocking = [];
  for (const el of $('link[rel~="stylesheet"][href], script[src]').toArray()) {
    const url = abs(/** @type {string} */ ($(el).attr(el.tagName === 'link' ? 'href' : 'src')));
    if (new URL(url).origin !== origin) continue; // counted as foreign below
    const size = gz(await fetchBytes(url));
    if (el.tagName === 'link') cssGzip += size;
    if (blocksRendering($, el)) {
      criticalGzip += size;
      blocking.push(url);
      if (el.tagName === 'script') blockingScripts++;
    }
  }
  for (const el of $('style').toArray()) cssGzip += gz($(el).text());

  // JavaScript: inline scripts (not JSON data) plus every own module and what it imports.
  /** @type {Map<string, Uint8Array>} */
  const modules = new Map();
  let inlineScript = '';
  for (const el of $('script').toArray()) {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (type.includes('json')) continue;
    const src = $(el).attr('src');
    if (src === undefined) inlineScript += $(el).text();
    else if (new URL(abs(src)).origin === origin)
      for (const [url, bytes] of await moduleGraph(abs(src))) modules.set(url, bytes);
  }
  for (const el of $('link[rel="modulepreload"][href]').toArray()) {
    const url = abs(/** @type {string} */ ($(el).attr('href')));
    if (new URL(url).origin === origin)
      for (const [u, bytes] of await moduleGraph(url)) modules.set(u, bytes);
  }
  let scriptGzip = inlineScript ? gz(inlineScript) : 0;
  for (const bytes of modules.values()) scriptGzip += gz(bytes);

  // Images a browser without srcset support would fetch: every <img src> and video poster.
  const images = [
    ...new Set(
      $('img[src], video[poster]')
        .toArray()
        .map((el) =>
          abs(/** @type {string} */ ($(el).attr(el.tagName === 'img' ? 'src' : 'poster'))),
        ),
    ),
  ];
  let imageBytes = 0;
  for (const url of images)
    if (new URL(url).origin === origin) imageBytes += (await fetchBytes(url)).byteLength;

  // References a browser loads without a click (not <a href>): they must all stay on this origin.
  const loaded = [];
  for (const el of $(
    'img, script, link, source, video, audio, iframe, track, object, embed',
  ).toArray()) {
    const node = $(el);
    if (
      el.tagName === 'link' &&
      !/\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)\b/.test(
        node.attr('rel') ?? '',
      )
    )
      continue;
    for (const attr of ['src', 'href', 'poster', 'data']) {
      const value = node.attr(attr);
      if (value) loaded.push(abs(value));
    }
    for (const attr of ['srcset', 'imagesrcset']) {
      const value = node.attr(attr);
      if (value)
        for (const candidate of value.split(','))
          loaded.push(abs(candidate.trim().split(/\s+/)[0] ?? ''));
    }
  }
  for (const el of $('[style]').toArray()) {
    for (const match of ($(el).attr('style') ?? '').matchAll(/url\(\s*['"]?([^'")]+)/g))
      loaded.push(abs(/** @type {string} */ (match[1])));
  }
  const foreign = [
    ...new Set(loaded.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin)),
  ];

  return {
    path,
    htmlBytes: html.byteLength,
    htmlGzip: gz(html),
    criticalGzip,
    blocking,
    blockingScripts,
    cssGzip,
    scriptGzip,
    scripts: [...modules.keys(), ...(inlineScript ? ['(inline)'] : [])],
    imageBytes,
    images,
    foreign,
  };
}
