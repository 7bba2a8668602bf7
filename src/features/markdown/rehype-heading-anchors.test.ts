import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { markdownPipeline } from './pipeline';
import { runRehype } from './plugin-testing';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';

async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ ...markdownPipeline, syntaxHighlight: false });
  const { code, metadata } = await processor.render(markdown, { frontmatter: { title: 'T' } });
  return { $: load(code), code, headings: metadata.headings };
}

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
    const { $, headings } = await render(
      '## The `Collection` API\n\n## Notes\n\n## Notes\n\n### notes',
    );
    expect(headings.map((h) => h.slug)).toEqual([
      'the-collection-api',
      'notes',
      'notes-1',
      'notes-2',
    ]);
    expect($('#The-Collection-API').parent().attr('id')).toBe('the-collection-api');
    expect($('#Notes').parent().attr('id')).toBe('notes');
    expect(
      $('[id]')
        .map((_, el) => $(el).attr('id'))
        .get()
        .filter((id) => id.toLowerCase().startsWith('notes')),
    ).toEqual(['notes', 'Notes', 'notes-1', 'notes-2']);
  });

  test('keeps an id written in raw HTML and never duplicates one', async () => {
    const { $ } = await render(
      '<h2 id="custom">Custom</h2>\n\n<p id="Intro-text">x</p>\n\n## Intro text',
    );
    expect($('h2').first().attr('id')).toBe('custom');
    expect($('#custom a.heading-anchor, .heading a[href="#custom"]').length).toBe(1);
    expect($('[id="Intro-text"]').length).toBe(1);
    expect($('#intro-text').find('.heading-alias').length).toBe(0);
  });

  test('a body h1 is a section: it becomes an h2 with an anchor; hidden footnote labels get none', async () => {
    const { $, headings } = await render('# Another\n\nA claim.[^1]\n\n[^1]: Note.');
    expect($('h1').length).toBe(0);
    expect($('h2#another').parent('div.heading').children('a.heading-anchor').attr('href')).toBe(
      '#another',
    );
    expect(headings[0]).toEqual({ depth: 2, slug: 'another', text: 'Another' });
    expect($('#footnote-label').parent('div.heading').length).toBe(0);
  });
});

test('tables scroll inside a focusable, labelled region', async () => {
  const { $ } = await render(
    '| a | b |\n|---|---|\n| 1 | 2 |\n\n<table><tr><td>raw</td></tr></table>',
  );
  expect($('div.table-scroll > table').length).toBe(2);
  const region = $('div.table-scroll').first();
  expect(region.attr('tabindex')).toBe('0');
  expect(region.attr('role')).toBe('region');
  expect(region.attr('aria-label')).toBe('Table');
});

describe('links written for milvus.io land, with or without ? . , : !', () => {
  test('each alias is an element with that id inside the heading', async () => {
    const { html } = await runRehype([rehypeHeadingAnchors], '<h2>Milvus 2.1: what is new?</h2>');
    const $ = load(html);
    for (const id of ['milvus-21-what-is-new', 'Milvus-2.1:-what-is-new?', 'Milvus-21-what-is-new'])
      expect($(`[id="${id}"]`).closest('h2').length, id).toBe(1);
  });

  test('the title’s ids are left for the page’s h1: a body heading with the same text takes the next ones', async () => {
    const { html } = await runRehype([rehypeHeadingAnchors], "<h2>What's New: Part 1</h2>", {
      frontmatter: { title: "What's New: Part 1" },
    });
    const $ = load(html);
    expect($('h2').attr('id')).toBe('whats-new-part-1-1');
    expect($('.heading-alias').length).toBe(0);
  });
});

describe('captioned figures', () => {
  test('get an id from their caption, after the headings’ ids and never one of theirs, with milvus.io’s spelling as an alias', async () => {
    const { h } = await import('hastscript');
    const { unified } = await import('unified');
    const { toHtml } = await import('hast-util-to-html');
    const tree = h(null, [
      h('h2', 'Star growth'),
      h('figure', [h('img', { src: 'a.png', alt: '' }), h('figcaption', 'Star growth')]),
      h('figure', [h('img', { src: 'b.png', alt: '' }), h('figcaption', 'Since 2019: 35K')]),
      h('figure', [h('img', { src: 'c.png', alt: '' })]),
    ]);
    const out = toHtml((await unified().use(rehypeHeadingAnchors).run(tree)) as typeof tree);
    expect(out).toContain(
      '<figure id="star-growth-1"><img src="a.png" alt=""><figcaption><span id="Star-growth" class="heading-alias"></span>Star growth</figcaption></figure>',
    );
    expect(out).toContain('<figure id="since-2019-35k">');
    expect(out).toContain('<figure><img src="c.png"');
  });
});
