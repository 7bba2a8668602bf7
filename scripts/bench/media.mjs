// Bench section: what owned media cost a build. One project copy holds the seed and
// BENCH_MEDIA_POSTS generated posts (default 300) whose remote pictures (covers and body images on
// assets.zilliz.com) are drawn here as originals, laid out <host>/<path> for `media:pull --from`.
// Builds, all offline and from empty caches unless "warm":
//   1 post: the seed alone (the baseline the warm rebuild is compared with);
//   remote: the posts with no local copies (every picture a remote <img>, as before media:pull);
//   pulled, cold: after `media:pull --from` (timed too), every picture encoded;
//   pulled, warm: one paragraph of the seed edited, on the caches the cold build left.
// Reported: seconds (wall and CPU), the extra cold cost per picture, and the warm rebuild as a
// ratio to the 1-post build.
import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { copyProject, ROOT } from '../project-copy.mjs';
import { benchBuild, clearCaches } from './_build.mjs';
import { SEED_ID, writeBenchPosts } from './generate-posts.mjs';
import { printTable, ratio } from './format.mjs';

export const title =
  'Media: pulled pictures, cold and warm, against the same posts with remote pictures';

const POSTS = Number(process.env.BENCH_MEDIA_POSTS ?? 300);

/** A picture with some structure (a gradient, blocks, noise), so encoders have work to do. */
async function original(/** @type {number} */ seed, /** @type {boolean} */ cover) {
  const [width, height] = cover
    ? [1600, 840]
    : [
        [1200, 700],
        [960, 540],
        [1400, 900],
      ][seed % 3];
  const noise = Buffer.alloc(width * height, 0);
  for (let i = 0; i < noise.length; i += 97) noise[i] = (i * seed) % 255;
  return sharp({
    create: { width, height, channels: 3, background: { r: (seed * 37) % 255, g: 90, b: 160 } },
  })
    .composite([
      { input: noise, raw: { width, height, channels: 1 }, blend: 'overlay' },
      {
        input: {
          create: { width: width >> 2, height: height >> 2, channels: 3, background: '#fc3' },
        },
        left: (seed * 53) % (width >> 1),
        top: (seed * 29) % (height >> 1),
      },
    ])
    .png()
    .toBuffer();
}

/** Runs `npm run media:pull -- --from DIR` in the copy; returns its wall seconds. */
function pull(/** @type {string} */ dir, /** @type {string} */ from) {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(
      join(ROOT, 'node_modules/.bin/node'),
      [join(ROOT, 'scripts/media-pull.mjs'), '--from', from],
      { cwd: dir },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0
        ? done((performance.now() - started) / 1000)
        : fail(new Error(`media:pull failed (exit ${code})\n${output.slice(-2000)}`)),
    );
  });
}

export async function run() {
  const copy = await copyProject('milestones-bench-media-');
  try {
    const blog = join(copy.dir, 'src/content/blog');
    const one = await benchBuild(copy.dir, 'the seed alone');

    const posts = await writeBenchPosts(blog, POSTS);
    const urls = new Set();
    for (const post of posts)
      for (const match of post.markdown.matchAll(/https:\/\/assets\.zilliz\.com\/[\w.-]+\.png/g))
        urls.add(match[0]);
    const covers = new Set(posts.map((p) => /^cover: (.+)$/m.exec(p.frontmatter)?.[1]));
    const from = join(copy.dir, 'originals');
    let seed = 0;
    for (const url of urls) {
      const file = join(from, url.replace('https://', ''));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, await original(++seed, covers.has(url)));
    }

    await clearCaches(copy.dir);
    const remote = await benchBuild(copy.dir, `${POSTS} posts, pictures remote`);
    const pulling = await pull(copy.dir, from);
    const stored = (await readdir(join(copy.dir, 'src/assets/media/pulled'), { recursive: true }))
      .length;
    await clearCaches(copy.dir);
    const cold = await benchBuild(copy.dir, `${POSTS} posts, pictures pulled, cold`);
    await appendFile(
      join(blog, `${SEED_ID}.md`),
      '\nA late correction: one paragraph changed, for the warm rebuild.\n',
    );
    const warm = await benchBuild(copy.dir, `${POSTS} posts, pictures pulled, warm`);

    const pictures = urls.size;
    const s = (/** @type {number} */ x) => x.toFixed(1);
    printTable(
      ['build', 'wall s', 'CPU s', 'vs'],
      [
        ['the seed alone (1 post)', s(one.seconds), s(one.cpu), 'baseline'],
        [`${POSTS} posts, ${pictures} pictures remote`, s(remote.seconds), s(remote.cpu), ''],
        [
          `${POSTS} posts, ${pictures} pictures pulled, cold`,
          s(cold.seconds),
          s(cold.cpu),
          `+${((cold.seconds - remote.seconds) / pictures).toFixed(3)} s (+${((cold.cpu - remote.cpu) / pictures).toFixed(3)} s CPU) per picture over remote`,
        ],
        [
          `${POSTS} posts, pulled, warm (one post edited)`,
          s(warm.seconds),
          s(warm.cpu),
          `${ratio(warm.seconds, one.seconds)} of the 1-post build`,
        ],
      ],
    );
    console.log(
      `\nmedia:pull --from: ${pictures} pictures (${stored} store entries) in ${s(pulling)} s. Covers are AVIF+WebP+JPEG at 4 widths, other pictures WebP at up to 4 widths.`,
    );
  } finally {
    await rm(copy.dir, { recursive: true, force: true });
  }
}
