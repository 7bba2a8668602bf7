import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { markdownPipeline } from './pipeline';
import { milvusHeadingId } from './rehype-heading-anchors';

async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  const { code, metadata } = await processor.render(markdown, { frontmatter: { title: 'T' } });
  return { $: load(code), code, headings: metadata.headings };
}

test.each([
  ['Special event', 'Special-event'],
  ['  What is  new in Milvus 2.0? ', 'What-is-new-in-Milvus-2.0?'],
  ['第一节', '第一节'],
])('milvus.io id of "%s" is "%s"', (text, id) => expect(milvusHeadingId(text)).toBe(id));

describe('heading anchors', () => {
  test('a section heading gets the github slug, a milvus.io alias and a link to itself', async () => {
    const { $, headings } = await render('Intro.\n\n## Special event\n\nText.');
    const heading = $('h2');
    expect(heading.attr('id')).toBe('special-event');
    expect(heading.find('span.heading-alias').attr('id')).toBe('Special-event');
    expect(heading.find('span.heading-alias').text()).toBe('');
    expect(heading.text()).toBe('Special event');
    const anchor = heading.parent('div.heading').children('a.heading-anchor');
    expect(anchor.attr('href')).toBe('#special-event');
    expect(anchor.attr('aria-label')).toBe('Link to section: Special event');
    expect(headings).toEqual([{ depth: 2, slug: 'special-event', text: 'Special event' }]);
  });

  test('inline markup counts as text; repeated headings get unique ids and only the first alias', async () => {
    const { $, headings } = await render('## The `Collection` API\n\n## Notes\n\n## Notes\n\n### notes');
    expect(headings.map((h) => h.slug)).toEqual(['the-collection-api', 'notes', 'notes-1', 'notes-2']);
    expect($('#The-Collection-API').parent().attr('id')).toBe('the-collection-api');
    expect($('#Notes').parent().attr('id')).toBe('notes');
    expect($('[id]').map((_, el) => $(el).attr('id')).get().filter((id) => id.toLowerCase().startsWith('notes'))).toEqual([
      'notes',
      'Notes',
      'notes-1',
      'notes-2',
    ]);
  });

  test('keeps an id written in raw HTML and never duplicates one', async () => {
    const { $ } = await render('<h2 id="custom">Custom</h2>\n\n<p id="Intro-text">x</p>\n\n## Intro text');
    expect($('h2').first().attr('id')).toBe('custom');
    expect($('#custom a.heading-anchor, .heading a[href="#custom"]').length).toBe(1);
    expect($('[id="Intro-text"]').length).toBe(1);
    expect($('#intro-text').find('.heading-alias').length).toBe(0);
  });

  test('the page title level (h1) keeps a plain id and no anchor; hidden footnote labels get none', async () => {
    const { $ } = await render('# Another\n\nA claim.[^1]\n\n[^1]: Note.');
    expect($('h1').attr('id')).toBe('another');
    expect($('h1').parent('div.heading').length).toBe(0);
    expect($('#footnote-label').parent('div.heading').length).toBe(0);
  });
});

test('tables scroll inside a focusable, labelled region', async () => {
  const { $ } = await render('| a | b |\n|---|---|\n| 1 | 2 |\n\n<table><tr><td>raw</td></tr></table>');
  expect($('div.table-scroll > table').length).toBe(2);
  const region = $('div.table-scroll').first();
  expect(region.attr('tabindex')).toBe('0');
  expect(region.attr('role')).toBe('region');
  expect(region.attr('aria-label')).toBe('Table');
});
