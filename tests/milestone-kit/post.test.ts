import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { WALLPAPER_SIZES } from '../../src/features/wallpaper/sizes';
import { fileFor } from '../support/dist-links';
import { page, readySite } from '../support/sites';

// The next milestone's post, as an author makes it with the kit (tests/setup/sites.ts, site
// `milestone-kit`): the fictional project's data file drawn into the project's media folder,
// and a post made of exactly the markdown `draw` printed, built offline.
const site = await readySite('milestone-kit');
const POST = '/blog/2031-9-30-kestrel-1m-stars/';
const $ = await page(site, POST);
const MEDIA = join(site.dir, 'src/assets/media/kestrel');

const distFile = (url: string) => {
  const file = fileFor(site.dist, new URL(url, 'https://milestones.milvus.io').pathname, '/');
  expect(file && existsSync(file), url).toBeTruthy();
  return file!;
};

describe('a post made from the printed markdown', () => {
  test('draw printed the markdown and wrote the media data entries', () => {
    expect(site.output).toContain('media data entries written to src/content/media.yaml');
    expect(site.output).toMatch(/!\[Road to 1,000,000 stars\]\(https:\/\//);
  });

  test('both figures are controlled animations, with their phone compositions and stills', () => {
    const animations = $('.prose .media-animation[data-media-animation="controlled"]');
    expect(animations).toHaveLength(2);
    animations.each((_, frame) => {
      const sources = $(frame).find('source');
      expect(
        sources.filter((_, s) => /-phone(-still)?\.\w+\.webp$/.test($(s).attr('srcset') ?? ''))
          .length,
      ).toBeGreaterThan(0);
      expect($(frame).find('[data-still]').length).toBeGreaterThan(0);
      expect($(frame).find('button[data-media-toggle]')).toHaveLength(1);
    });
  });

  test('the wallpaper link leads to a card with every size', () => {
    const card = $('section.wallpaper-card');
    expect(card).toHaveLength(1);
    const sizes = card
      .find('a[download]')
      .map((_, a) => `${$(a).attr('data-width')}x${$(a).attr('data-height')}`)
      .get();
    expect(sizes.sort()).toEqual(WALLPAPER_SIZES.map((s) => `${s.width}x${s.height}`).sort());
  });

  test('the cover is the page cover and the share card, which shows the cover', async () => {
    expect($('.post-cover img')).toHaveLength(1);
    const og = distFile($('meta[property="og:image"]').attr('content')!);
    // The cover carries the title, so the card is the cover alone, whole, centred (16:9 in 1200 × 630).
    const { width = 0, height = 0 } = await sharp(og).metadata();
    const shown = { width: Math.round((height * 16) / 9), height };
    const card = await sharp(og)
      .extract({ left: Math.round((width - shown.width) / 2), top: 0, ...shown })
      .resize(160, 90, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer();
    const cover = await sharp(
      join(MEDIA, 'kestrel-streamworks-observability-platform-1m-stars-cover.png'),
    )
      .resize(160, 90, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer();
    let sum = 0;
    for (let i = 0; i < card.length; i++) sum += Math.abs(card[i]! - cover[i]!);
    // The cover's pixels (re-encoded as JPEG), not the site's typographic card.
    expect(sum / card.length).toBeLessThan(6);
  });

  test('the served animation files are the drawn ones: the moving WebP has every frame', async () => {
    const img = $('.prose .media-animation img').first();
    const gif = distFile(img.attr('src')!);
    const drawn = join(MEDIA, 'kestrel-streamworks-observability-platform-1m-stars-growth.gif');
    expect((await readFile(gif)).equals(await readFile(drawn))).toBe(true);
  });
});
