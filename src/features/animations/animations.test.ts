import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import sharp, { type SharpOptions } from 'sharp';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { mediaIndex } from '../media/media-files';
import { renderVariant, sourceInfo } from '../media/variants';
import { PHONE_MEDIA, rehypeAnimations } from './rehype-animations';
import { animationFiles, needsPauseControl, stillFrameIndex } from './animation-variants';

const animations = [...mediaIndex().entries.values()].filter((e) => e.role === 'animation');
const timeline = animations.find((e) => e.slug === 'milvus-10k-stars-timeline')!;

/** Decoded RGBA pixels. */
const pixels = (input: Buffer | string, options: SharpOptions = {}) =>
  sharp(input, options).ensureAlpha().raw().toBuffer();

async function run(tree: Root): Promise<string> {
  return toHtml((await unified().use(rehypeAnimations).run(tree)) as Root);
}

describe('needsPauseControl (WCAG 2.2.2)', () => {
  test.each([
    [{ frames: 10, durationMs: 2000, loop: 0 }, true],
    [{ frames: 10, durationMs: 6000, loop: 1 }, true],
    [{ frames: 10, durationMs: 4000, loop: 1 }, false],
    [{ frames: 1, durationMs: 0, loop: 0 }, false],
  ])('%o → %s', (info, expected) => expect(needsPauseControl(info)).toBe(expected));
});

describe('the still: the frame that carries the message', () => {
  test('is the last frame unless the data file says otherwise; negative counts from the end', () => {
    expect(stillFrameIndex(37, undefined, 'x')).toBe(36);
    expect(stillFrameIndex(37, 0, 'x')).toBe(0);
    expect(stillFrameIndex(37, -2, 'x')).toBe(35);
    expect(() => stillFrameIndex(8, 8, '"a.gif"')).toThrow(
      /media\.yaml: stillFrame 8 for "a\.gif" is not a frame of its 8/,
    );
    expect(() => stillFrameIndex(8, -9, 'x')).toThrow(/not a frame/);
    expect(() => stillFrameIndex(8, 1.5, 'x')).toThrow(/not a frame/);
  });

  test.each(animations.map((e) => [e.slug, e] as const))(
    '%s: each composition’s still has exactly the pixels of its last frame',
    async (_, entry) => {
      const files = await animationFiles(entry);
      for (const composition of [files.wide, files.phone!]) {
        const info = await sourceInfo(composition.file, entry);
        expect(composition.stillFrame).toBe(info.frames - 1);
        const still = await renderVariant(composition.still);
        const meta = await sharp(still, { animated: true }).metadata();
        expect([meta.width, meta.pageHeight ?? meta.height, meta.pages ?? 1]).toEqual([
          info.width,
          info.height,
          1,
        ]);
        expect(
          (await pixels(still)).equals(await pixels(info.path, { page: info.frames - 1 })),
          composition.file,
        ).toBe(true);
      }
    },
  );

  test('stillFrame in the data file picks another frame, under another file name', async () => {
    const first = await animationFiles({
      ...timeline,
      settings: { ...timeline.settings, stillFrame: 0 },
    });
    const last = await animationFiles(timeline);
    expect(first.wide.still.name).not.toBe(last.wide.still.name);
    const info = await sourceInfo(timeline.file, timeline);
    expect(
      (await pixels(await renderVariant(first.wide.still))).equals(
        await pixels(info.path, { page: 0 }),
      ),
    ).toBe(true);
  });
});

describe('rehypeAnimations', () => {
  const src = timeline.remote;

  test('a known animation becomes a picture: print, phone and reduced-motion sources, the GIF as fallback, controls over the image', async () => {
    const html = await run(
      h(null, [
        h('figure', [
          h('img', { src, alt: 'Milvus timeline', loading: 'lazy' }),
          h('figcaption', 'The timeline.'),
        ]),
      ]),
    );
    expect(html).not.toContain('assets.zilliz.com');
    const sources = [...html.matchAll(/<source ([^>]*)>/g)].map((m) => m[1]!);
    const media = sources.map((s) => /media="([^"]*)"/.exec(s)?.[1] ?? '');
    expect(media).toEqual([
      'print',
      `${PHONE_MEDIA} and (prefers-reduced-motion: reduce)`,
      PHONE_MEDIA,
      PHONE_MEDIA,
      '(prefers-reduced-motion: reduce)',
      '',
    ]);
    expect(sources[0]).toMatch(/srcset="\/media\/milvus-10k-stars-timeline-still\.\w+\.webp"$/);
    expect(sources[1]).toMatch(
      /srcset="\/media\/milvus-10k-stars-timeline-phone-still\.\w+\.webp" width="720" height="1280"/,
    );
    expect(sources[2]).toMatch(
      /type="image\/webp"[^>]*srcset="\/media\/milvus-10k-stars-timeline-phone\.\w+\.webp"/,
    );
    expect(sources[3]).toMatch(
      /type="image\/gif"[^>]*srcset="\/media\/milvus-10k-stars-timeline-phone\.\w+\.gif"/,
    );
    expect(sources[5]).toMatch(/srcset="\/media\/milvus-10k-stars-timeline\.\w+\.webp"/);
    expect(html).toMatch(
      /<img src="\/media\/milvus-10k-stars-timeline\.\w+\.gif" alt="Milvus timeline" loading="lazy" id="animation-1-milvus-10k-stars-timeline" [^>]*width="960" height="540" decoding="async">/,
    );
    // Controls inside the frame, after the picture; the caption stays right below the image.
    expect(html).toMatch(
      /<\/picture><span class="media-controls"><a class="media-control media-expand" href="\/media\/milvus-10k-stars-timeline\.\w+\.webp" data-full-size="" data-width="960" data-height="540"/,
    );
    expect(html).toContain(
      '<button class="media-control media-toggle" type="button" hidden data-media-toggle="" aria-describedby="animation-1-milvus-10k-stars-timeline"><span class="media-icon" aria-hidden="true"></span><span class="media-control-text media-toggle-text">Pause</span></button></span></span><figcaption>The timeline.</figcaption></figure>',
    );
  });

  test('each source the pause control switches knows its still, and its moving file where it starts as the still', async () => {
    const html = await run(h(null, [h('p', [h('img', { src, alt: 'A' })])]));
    const switchable = [
      ...html.matchAll(
        /<(?:source|img) [^>]*?(?:srcset|src)="([^"]+)"[^>]*data-still="([^"]+)"(?: data-moving="([^"]+)")?/g,
      ),
    ];
    expect(switchable).toHaveLength(6);
    for (const [, shown, still, moving] of switchable) {
      expect(still).toMatch(/-still\.\w+\.webp$/);
      // Starts moving (the script takes the moving file from what it shows), or starts still and names the moving file.
      if (moving) expect([shown, moving.includes('-still.')]).toEqual([still, false]);
      else expect(shown).not.toMatch(/-still\./);
    }
    expect(switchable.filter((m) => m[3])).toHaveLength(2);
    // Not in a figure: still valid inside the paragraph (spans only).
    expect(html).toMatch(
      /^<p><span class="media-frame media-animation" data-media-animation="controlled"><picture>/,
    );
  });

  test('a linked animation keeps its link, without a second link inside it; images the site has no copy of are left alone', async () => {
    const html = await run(
      h(null, [
        h('p', [h('a', { href: 'https://milvus.io/' }, [h('img', { src, alt: 'A' })])]),
        h('p', [h('img', { src: 'https://a.example/x.gif', alt: 'B' })]),
      ]),
    );
    expect(html).toMatch(
      /<span class="media-frame media-animation" [^>]*><a href="https:\/\/milvus\.io\/"><picture>/,
    );
    expect(html).not.toContain('data-full-size');
    expect(html).toContain('data-media-toggle');
    expect(html).toContain('<p><img src="https://a.example/x.gif" alt="B"></p>');
  });

  test('two animations get ids of their own', async () => {
    const html = await run(
      h(null, [
        h('p', [h('img', { src, alt: 'A' })]),
        h('p', [h('img', { src: animations[0]!.remote, alt: 'B' })]),
      ]),
    );
    expect(html).toContain('id="animation-1-milvus-10k-stars-timeline"');
    expect(html).toContain('id="animation-2-milvus-road-to-10k-stars"');
  });
});
