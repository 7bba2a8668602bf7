import { describe, expect, test } from 'vitest';
import { runRehype } from '../markdown/plugin-testing';
import { rehypeSanitizePost, sanitizeHtml } from './rehype-sanitize-post';

async function clean(html: string, path?: string) {
  const { html: out, notes } = await runRehype([rehypeSanitizePost], html, { path });
  return { html: out, notes: notes.join('\n') };
}

describe('what posts must never ship', () => {
  test.each([
    ['<meta http-equiv="refresh" content="0; url=https://x.example/">', /<meta/],
    ['<base href="https://x.example/">', /<base/],
    ['<link rel="stylesheet" href="https://x.example/a.css">', /<link/],
    ['<style>body{display:none}</style>', /<style|display:none/],
    ['<script>alert(1)</script>', /<script|alert/],
    [
      '<form action="https://x.example/"><input type="password" name="p"></form>',
      /<form|<input|password/,
    ],
    ['<p onclick="alert(1)" onmouseover="x()">t</p>', /onclick|onmouseover/],
    ['<p style="color:red">t</p>', /style=/],
    ['<a href="javascript:alert(1)">j</a>', /javascript:/],
    ['<a href=" JaVaScRiPt:alert(1)">j</a>', /javascript/i],
    ['<button formaction="javascript:alert(1)">b</button>', /formaction|<button/],
    ['<svg><a xlink:href="javascript:alert(1)"><text>s</text></a></svg>', /xlink|javascript|<svg/],
    ['<object data="https://x.example/a.swf">fallback</object>', /<object|data=/],
    ['<embed src="https://x.example/a.swf">', /<embed/],
    ['<iframe src="javascript:alert(1)"></iframe>', /javascript/],
    ['<img src="x" onerror="alert(1)">', /onerror/],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', /data:/],
  ])('%s', async (input, forbidden) => {
    const { html, notes } = await clean(input);
    expect(html).not.toMatch(forbidden);
    expect(notes).toMatch(/^\[sanitize\] removed /);
  });

  test('a removal is named precisely, counted, and the text of unwrapped elements stays', async () => {
    const { html, notes } = await clean(
      '<form><label>Name <input type="password"></label></form><p onclick="a()">1</p><p onclick="b()">2</p><object>Fallback</object>',
    );
    expect(html).toContain('Name');
    expect(html).toContain('Fallback');
    expect(notes).toContain('<form>');
    expect(notes).toContain('<input>');
    expect(notes).not.toContain('type on <input>');
    expect(notes).toContain('onclick on <p> (×2)');
  });
});

describe('what posts really use stays', () => {
  test.each([
    '<table><caption>c</caption><thead><tr><th align="left" colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">d</td></tr></tbody></table>',
    '<figure><img src="https://a.example/i.png" alt="A" width="300" height="200" title="T"><figcaption>Caption</figcaption></figure>',
    '<details open><summary>More</summary><p>Hidden</p></details>',
    '<p>x<sup>2</sup> and H<sub>2</sub>O, press <kbd>Ctrl</kbd>, <mark>marked</mark> <abbr title="Application programming interface">API</abbr></p>',
    '<div align="center"><p>centred</p></div>',
    '<video src="https://assets.zilliz.com/v.mp4" poster="https://assets.zilliz.com/p.png" controls width="640"></video>',
    '<iframe src="https://www.youtube.com/embed/x" title="A talk" width="560" height="315" allow="fullscreen" allowfullscreen></iframe>',
    '<picture><source srcset="https://a.example/a.webp" type="image/webp"><img src="https://a.example/a.png" alt="A"></picture>',
    '<p id="Intro">Text with an <a name="old-anchor"></a>old-style anchor and a <a href="#Intro">link</a>.</p>',
    '<code class="language-math math-inline">x^2</code>',
  ])('%s', async (input) => {
    const { html, notes } = await clean(input);
    expect(html).toBe(input);
    expect(notes).toBe('');
  });

  test('ids are not prefixed, so in-page links and footnotes land', async () => {
    const { html } = await clean('<h2 id="Setup">Setup</h2><li id="user-content-fn-1">note</li>');
    expect(html).not.toContain('user-content-user-content');
    expect(html).toContain('id="Setup"');
  });

  test('name only on links: on images it would shadow document properties', async () => {
    const { html } = await clean('<img src="a.png" name="querySelector" alt="x">');
    expect(html).toBe('<img src="a.png" alt="x">');
  });

  test('a task-list checkbox stays; a checkbox outside a list item does not', async () => {
    expect(
      (await clean('<ul><li><input type="checkbox" disabled=""> task</li></ul>')).html,
    ).toContain('<input type="checkbox" disabled>');
    expect((await clean('<p><input type="checkbox"></p>')).html).toBe('<p></p>');
  });
});

test('MDX posts are code from trusted authors and are left as they are', async () => {
  const { html, notes } = await clean('<p onclick="x()">t</p>', '/site/src/content/blog/post.mdx');
  expect(html).toContain('onclick');
  expect(notes).toBe('');
});

test('sanitizeHtml cleans HTML that never went through the pipeline (MDX in the feed)', () => {
  expect(sanitizeHtml('<p onclick="x()">t<script>1</script></p>')).toBe('<p>t</p>');
});
