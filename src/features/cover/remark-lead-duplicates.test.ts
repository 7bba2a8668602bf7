import { describe, expect, test } from 'vitest';
import { runRemark } from '../markdown/plugin-testing';
import {
  coverAltFromMarkdown,
  isSameTitle,
  remarkLeadDuplicates,
  titleKey,
} from './remark-lead-duplicates';

const COVER = 'https://assets.zilliz.com/cover_123.png';

async function body(
  markdown: string,
  frontmatter: Record<string, unknown> = {
    title: "What's New in Milvus 2.1",
    cover: 'assets.zilliz.com/cover_123.png',
  },
) {
  return (await runRemark([remarkLeadDuplicates], markdown, { frontmatter })).html;
}

describe('the same title, however it is punctuated', () => {
  test.each([
    ['What’s New in Milvus 2.1', "What's New in Milvus 2.1"],
    ['“Quoted” — Title!', '"Quoted" - Title'],
    ['A Small Step for Milvus – 10,000 Stars', 'A Small Step for Milvus - 10000 Stars'],
    ['  milvus   2.0:  WHAT changed ', 'Milvus 2.0 - What Changed'],
    ['Getting Started with Milvus Lite', 'Getting Started with Milvus Lte'],
  ])('"%s" is "%s"', (heading, title) => expect(isSameTitle(heading, title)).toBe(true));

  test.each([
    ['Introduction', "What's New in Milvus 2.1"],
    ['Milvus 2.1', "What's New in Milvus 2.1"],
    ['', 'Anything'],
  ])('"%s" is not "%s"', (heading, title) => expect(isSameTitle(heading, title)).toBe(false));

  test('the key keeps letters and digits of every script', () =>
    expect(titleKey('向量 数据库 2.0!')).toBe('向量数据库20'));
});

describe('one title, one cover', () => {
  test('a leading h1 with typographic quotes and the cover after it are both dropped', async () => {
    const html = await body(`# What’s new in Milvus 2.1!\n\n![Cover](${COVER})\n\nText.`);
    expect(html).toBe('<p>Text.</p>');
  });

  test('the cover repeated after a heading or a paragraph is dropped; the heading and the paragraph stay', async () => {
    expect(await body(`## Overview\n\n![Cover](${COVER})\n\nText.`)).toBe(
      '<h2>Overview</h2>\n<p>Text.</p>',
    );
    expect(await body(`Intro.\n\n[![Cover](${COVER})](https://milvus.io)\n\nText.`)).toBe(
      '<p>Intro.</p>\n<p>Text.</p>',
    );
  });

  test('the cover written as HTML is recognised', async () => {
    expect(
      await body(`Intro.\n\n<p align="center"><img src="${COVER}" alt="Cover"></p>\n\nText.`),
    ).toBe('<p>Intro.</p>\n<p>Text.</p>');
  });

  test('a title h1 after other content is a section, not a duplicate; the cover far down the post stays when a picture comes before it', async () => {
    const far = `One.\n\n![Chart](https://x.example/c.png)\n\nThree.\n\nFour.\n\n![Cover](${COVER})`;
    expect(await body(far)).toContain('cover_123.png');
    expect(await body("Intro.\n\n# What's New in Milvus 2.1")).toContain('<h1>');
  });

  test('another image and other h1s stay', async () => {
    const html = await body(
      `# What's New in Milvus 2.1\n\n![Other](https://assets.zilliz.com/other.png)\n\n# Setup`,
    );
    expect(html).toBe(
      '<p><img src="https://assets.zilliz.com/other.png" alt="Other"></p>\n<h1>Setup</h1>',
    );
  });

  test('the cover description comes from wherever the body repeats it', () => {
    const head = { title: 'T', cover: COVER };
    expect(
      coverAltFromMarkdown(`## Overview\n\n![Cover](${COVER} "The caption")\n\nText.`, head),
    ).toBe('The caption');
    expect(coverAltFromMarkdown(`Intro.\n\n<img src="${COVER}" alt="A lighthouse">`, head)).toBe(
      'A lighthouse',
    );
    expect(coverAltFromMarkdown(`![Cover](${COVER})`, head)).toBeUndefined();
  });
});

describe('the cover repeated in another form or further down', () => {
  test.each([
    'http://ASSETS.zilliz.com/cover_123.png?width=800',
    '//www.assets.zilliz.com/cover%5F123.png',
    'https://assets.zilliz.com/cover_123.png#top',
  ])('%s is the cover', async (url) => {
    expect(await body(`![Cover](${url})\n\nText.`)).toBe('<p>Text.</p>');
  });

  test('the body’s first picture is the cover even after the opening blocks; a later repeat stays', async () => {
    const opening = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'].join('\n\n');
    expect(await body(`${opening}\n\n![](${COVER})\n\nSix.`)).not.toContain('<img');
    expect(
      await body(`${opening}\n\n![Chart](https://x.example/chart.png)\n\n![](${COVER})`),
    ).toContain(COVER);
  });

  test('another file is not the cover', async () => {
    expect(await body('![Cover](https://assets.zilliz.com/cover_124.png)')).toContain('<img');
  });
});
