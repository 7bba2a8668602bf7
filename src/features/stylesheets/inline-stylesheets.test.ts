import { describe, expect, test } from 'vitest';
import { inlineStylesheetRuns } from './inline-stylesheets';

const files: Record<string, string> = {
  'a.1.css': '.a{color:red}\n',
  'b.2.css': '.b{color:blue}',
  'c.3.css': '.c{margin:0}',
  'code-theme.4.css': '.x{color:green}',
  'bad.5.css': '.d::after{content:"</style>"}',
};
const read = (name: string) => {
  const css = files[name];
  if (css === undefined) throw new Error(name);
  return css;
};
const link = (href: string) => `<link rel="stylesheet" href="${href}">`;

describe('inlineStylesheetRuns', () => {
  test('consecutive _astro stylesheets become one <style> with their CSS, in order, where the links were', () => {
    const html = `<head><title>t</title>${link('/_astro/a.1.css')}\n${link('/_astro/b.2.css')} ${link('/_astro/c.3.css')}<meta name="x"></head>`;
    const page = inlineStylesheetRuns(html, '/', read);
    expect(page.html).toBe(
      '<head><title>t</title><style>.a{color:red}\n.b{color:blue}\n.c{margin:0}</style><meta name="x"></head>',
    );
    expect(page.inlined).toEqual(['a.1.css', 'b.2.css', 'c.3.css']);
  });

  test('under a base path: each run its own <style>; the code colours and other folders stay links', () => {
    const html = [
      link('/m/_astro/a.1.css'),
      '<meta name="x">',
      link('/m/_astro/b.2.css'),
      link('/m/_astro/code-theme.4.css'),
      link('/m/math/katex.css'),
      link('/m/_astro/c.3.css'),
      link('/_astro/c.3.css'),
    ].join('');
    const page = inlineStylesheetRuns(html, '/m/', read);
    expect(page.html).toBe(
      `<style>.a{color:red}</style><meta name="x"><style>.b{color:blue}</style>${link('/m/_astro/code-theme.4.css')}${link('/m/math/katex.css')}<style>.c{margin:0}</style>${link('/_astro/c.3.css')}`,
    );
    expect(page.inlined).toEqual(['c.3.css', 'b.2.css', 'a.1.css']);
  });

  test('a page without stylesheets is left as it is; CSS that would close the element is refused', () => {
    expect(inlineStylesheetRuns('<p>x</p>', '/', read)).toEqual({ html: '<p>x</p>', inlined: [] });
    expect(() => inlineStylesheetRuns(link('/_astro/bad.5.css'), '/', read)).toThrow(/<\/style/);
  });
});
