import { describe, expect, test } from 'vitest';
import { mergedName, mergeStylesheetRuns } from './merge-stylesheets';

const files: Record<string, string> = {
  'a.1.css': '.a{color:red}\n',
  'b.2.css': '.b{color:blue}',
  'c.3.css': '.c{margin:0}',
  'code-theme.4.css': '.x{color:green}',
};
const read = (name: string) => {
  const css = files[name];
  if (css === undefined) throw new Error(name);
  return css;
};
const link = (href: string) => `<link rel="stylesheet" href="${href}">`;

describe('mergeStylesheetRuns', () => {
  test('consecutive _astro stylesheets become one link to their concatenation, in order, named by its hash', () => {
    const html = `<head><title>t</title>${link('/_astro/a.1.css')}\n${link('/_astro/b.2.css')} ${link('/_astro/c.3.css')}</head>`;
    const merged = mergeStylesheetRuns(html, '/', read);
    const css = '.a{color:red}\n.b{color:blue}\n.c{margin:0}';
    const name = mergedName(css);
    expect(merged.html).toBe(`<head><title>t</title>${link(`/_astro/${name}`)}</head>`);
    expect([...merged.created]).toEqual([[name, css]]);
    expect(merged.replaced.sort()).toEqual(['a.1.css', 'b.2.css', 'c.3.css']);
    expect(name).toMatch(/^styles\.[\w-]{8}\.css$/);
  });

  test('under a base path; a single link, other elements between links, other folders and the code colours stay as they are', () => {
    const html = [
      link('/m/_astro/a.1.css'),
      '<meta name="x">',
      link('/m/_astro/b.2.css'),
      link('/m/_astro/code-theme.4.css'),
      link('/m/math/katex.css'),
      link('/m/_astro/c.3.css'),
    ].join('');
    expect(mergeStylesheetRuns(html, '/m/', read)).toEqual({ html, created: new Map(), replaced: [] });
    const two = `${link('/m/_astro/b.2.css')}${link('/m/_astro/c.3.css')}`;
    expect(mergeStylesheetRuns(two, '/m/', read).html).toBe(link(`/m/_astro/${mergedName('.b{color:blue}\n.c{margin:0}')}`));
  });

  test('the same run on two pages is the same file', () => {
    const html = `${link('/_astro/a.1.css')}${link('/_astro/b.2.css')}`;
    expect([...mergeStylesheetRuns(html, '/', read).created.keys()]).toEqual([...mergeStylesheetRuns(`<p>other</p>${html}`, '/', read).created.keys()]);
  });
});
