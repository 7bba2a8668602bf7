// Draws the stand-in artwork for the 10,000-stars post (the originals on the CDN cannot be
// fetched): a cover, two animated GIFs and a 4K wallpaper master, into src/assets/media/.
// Text is turned into SVG paths from the bundled Inter font (OFL, @fontsource/inter) with
// opentype.js, so the output does not depend on the fonts installed on the machine.
// Run with `npm run artwork`; the output is committed, so builds do not run this.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import opentype from 'opentype.js';
import sharp from 'sharp';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'src/assets/media');
const require = createRequire(import.meta.url);

async function loadFont(weight) {
  const file = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
  const data = await readFile(file);
  return opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

const fonts = { regular: await loadFont(400), bold: await loadFont(700), heavy: await loadFont(800) };

const COLOURS = {
  night: '#0b1a2e',
  deep: '#102a4a',
  line: '#2a4a70',
  blue: '#00a1ea',
  cyan: '#4fd8ff',
  gold: '#ffc94d',
  white: '#ffffff',
  mist: '#a9bdd6',
};

/** Glyph-by-glyph layout (opentype.js's shaper rejects some of Inter's lookups); simple pair kerning only. */
function textWidth(font, text, size) {
  const scale = size / font.unitsPerEm;
  const glyphs = [...text].map((c) => font.charToGlyph(c));
  let width = 0;
  glyphs.forEach((glyph, i) => {
    width += glyph.advanceWidth * scale;
    if (i + 1 < glyphs.length) width += font.getKerningValue(glyph, glyphs[i + 1]) * scale;
  });
  return width;
}

/** An SVG path drawing `text`; `anchor` says whether x is its start, middle or end. */
function text(font, value, x, y, size, fill, anchor = 'start') {
  const width = textWidth(font, value, size);
  let cursor = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  const scale = size / font.unitsPerEm;
  const glyphs = [...value].map((c) => font.charToGlyph(c));
  const parts = glyphs.map((glyph, i) => {
    const d = glyph.getPath(cursor, y, size).toPathData(2);
    cursor += glyph.advanceWidth * scale;
    if (i + 1 < glyphs.length) cursor += font.getKerningValue(glyph, glyphs[i + 1]) * scale;
    return d;
  });
  return `<path fill="${fill}" d="${parts.join('')}"/>`;
}

/** A five-pointed star centred on (cx, cy). */
function star(cx, cy, outer, fill, extra = '') {
  const inner = outer * 0.45;
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? inner : outer;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${fill}" ${extra}/>`;
}

/** A reproducible pseudo-random sequence (mulberry32), for the star fields. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function starField(width, height, count, seed, maxRadius) {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const r = (0.3 + next() * 0.7) * maxRadius;
    const opacity = (0.25 + next() * 0.6).toFixed(2);
    return `<circle cx="${(next() * width).toFixed(1)}" cy="${(next() * height).toFixed(1)}" r="${r.toFixed(1)}" fill="#fff" fill-opacity="${opacity}"/>`;
  }).join('');
}

const svg = (width, height, body) =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`);

function cover() {
  const [w, h] = [1600, 900];
  return svg(
    w,
    h,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${COLOURS.night}"/><stop offset="1" stop-color="${COLOURS.deep}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#bg)"/>
    ${starField(w, h, 140, 7, 2.4)}
    ${star(1190, 430, 250, COLOURS.gold)}
    ${text(fonts.heavy, '10K', 1190, 472, 108, COLOURS.night, 'middle')}
    ${text(fonts.bold, 'MILVUS', 120, 300, 44, COLOURS.cyan)}
    ${text(fonts.heavy, '10,000 stars', 120, 430, 124, COLOURS.white)}
    ${text(fonts.heavy, 'on GitHub', 120, 560, 124, COLOURS.white)}
    ${text(fonts.regular, 'A small step for Milvus  ·  April 12, 2022', 120, 680, 40, COLOURS.mist)}`,
  );
}

/** Frames of the "road to 10,000 stars" counter: the count eases up to 10,000, then holds. */
function counterFrames() {
  const [w, h] = [800, 450];
  const steps = 36;
  const years = ['2019', '2020', '2021', '2022'];
  const frames = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const eased = 1 - (1 - t) ** 3;
    const count = Math.round((eased * 10000) / 10) * 10;
    const barWidth = 640 * eased;
    frames.push(
      svg(
        w,
        h,
        `<rect width="${w}" height="${h}" fill="${COLOURS.night}"/>
        ${text(fonts.bold, 'MILVUS ON GITHUB', 400, 80, 26, COLOURS.cyan, 'middle')}
        ${text(fonts.bold, 'Road to 10,000 stars', 400, 130, 34, COLOURS.white, 'middle')}
        ${star(210, 245, 56, COLOURS.gold)}
        ${text(fonts.heavy, count.toLocaleString('en-US'), 290, 280, 104, COLOURS.white)}
        <rect x="80" y="330" width="640" height="18" rx="9" fill="${COLOURS.line}"/>
        <rect x="80" y="330" width="${Math.max(barWidth, 18).toFixed(1)}" height="18" rx="9" fill="${COLOURS.blue}"/>
        ${years.map((y, k) => text(fonts.regular, y, 80 + (640 * k) / 3, 385, 22, COLOURS.mist, k === 0 ? 'start' : k === 3 ? 'end' : 'middle')).join('')}`,
      ),
    );
  }
  const delays = frames.map((_, i) => (i === frames.length - 1 ? 2000 : 90));
  return { frames, delays };
}

/** The milestones the post names; dates only as exact as its links allow. */
const MILESTONES = [
  { when: '2019', what: ['Open-sourced'] },
  { when: 'Apr 2, 2020', what: ['LF AI & Data', 'incubation'] },
  { when: '2021', what: ['Milvus 1.0'] },
  { when: '2021', what: ['SIGMOD paper'] },
  { when: 'Jun 23, 2021', what: ['LF AI & Data', 'graduation'] },
  { when: '2022', what: ['Milvus 2.0'] },
  { when: 'Apr 12, 2022', what: ['10,000 stars'], highlight: true },
];

function timelineFrames() {
  const [w, h] = [960, 540];
  const left = 90;
  const right = 870;
  const axis = 290;
  const gap = (right - left) / (MILESTONES.length - 1);
  const frames = [];
  for (let shown = 0; shown <= MILESTONES.length; shown++) {
    const progress = shown === 0 ? left : left + gap * (shown - 1);
    const marks = MILESTONES.slice(0, shown)
      .map((m, i) => {
        const x = left + gap * i;
        const up = i % 2 === 0;
        const colour = m.highlight ? COLOURS.gold : COLOURS.cyan;
        const dateY = up ? axis - 92 : axis + 70;
        const lines = m.what.map((line, k) => text(fonts.bold, line, x, (up ? axis - 60 : axis + 102) + k * 26, 21, COLOURS.white, 'middle'));
        const stem = `<rect x="${x - 1.5}" y="${up ? axis - 40 : axis + 14}" width="3" height="26" fill="${colour}"/>`;
        const dot = m.highlight ? star(x, axis, 22, COLOURS.gold) : `<circle cx="${x}" cy="${axis}" r="10" fill="${colour}"/>`;
        return `${stem}${dot}${text(fonts.regular, m.when, x, dateY, 19, colour, 'middle')}${lines.join('')}`;
      })
      .join('');
    frames.push(
      svg(
        w,
        h,
        `<rect width="${w}" height="${h}" fill="${COLOURS.night}"/>
        ${text(fonts.bold, 'MILVUS', 480, 70, 24, COLOURS.cyan, 'middle')}
        ${text(fonts.bold, 'The road to 10,000 stars', 480, 112, 36, COLOURS.white, 'middle')}
        <rect x="${left}" y="${axis - 3}" width="${right - left}" height="6" rx="3" fill="${COLOURS.line}"/>
        <rect x="${left}" y="${axis - 3}" width="${(progress - left).toFixed(1)}" height="6" rx="3" fill="${COLOURS.blue}"/>
        ${marks}
        ${shown === MILESTONES.length ? text(fonts.bold, 'Thank you, everyone who contributed!', 480, 480, 28, COLOURS.gold, 'middle') : ''}`,
      ),
    );
  }
  const delays = frames.map((_, i) => (i === 0 ? 300 : i === frames.length - 1 ? 2500 : 400));
  return { frames, delays };
}

/** 3840x2160, with the emblem kept in the middle third so a phone-portrait crop still shows it. */
function wallpaper() {
  const [w, h] = [3840, 2160];
  const cx = w / 2;
  return svg(
    w,
    h,
    `<defs><radialGradient id="bg" cx="0.5" cy="0.45" r="0.75"><stop offset="0" stop-color="${COLOURS.deep}"/><stop offset="1" stop-color="${COLOURS.night}"/></radialGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#bg)"/>
    ${starField(w, h, 420, 42, 4.5)}
    ${star(cx, 900, 430, COLOURS.gold)}
    ${text(fonts.heavy, '10K', cx, 975, 200, COLOURS.night, 'middle')}
    ${text(fonts.bold, 'MILVUS', cx, 1520, 96, COLOURS.cyan, 'middle')}
    ${text(fonts.heavy, 'STARS ON GITHUB', cx, 1650, 92, COLOURS.white, 'middle')}
    ${text(fonts.regular, 'Thank you  ·  April 12, 2022', cx, 1790, 64, COLOURS.mist, 'middle')}`,
  );
}

async function animatedGif({ frames, delays }, file) {
  const rasters = await Promise.all(frames.map((frame) => sharp(frame).png().toBuffer()));
  await sharp(rasters, { join: { animated: true } })
    .gif({ delay: delays, loop: 0, effort: 10, colours: 64 })
    .toFile(join(OUT, file));
}

await mkdir(join(OUT, 'covers'), { recursive: true });
await sharp(cover()).png({ compressionLevel: 9, palette: false }).toFile(join(OUT, 'covers/milvus-10k-cover.png'));
await animatedGif(counterFrames(), 'milvus-road-to-10k-stars.gif');
await animatedGif(timelineFrames(), 'milvus-10k-stars-timeline.gif');
await sharp(wallpaper()).png({ compressionLevel: 9 }).toFile(join(OUT, 'milvus-10k-wallpaper.png'));
await writeFile(join(OUT, 'README.md'), `Stand-in artwork drawn by \`npm run artwork\` (scripts/artwork.mjs). Text is set in Inter (SIL OFL 1.1, from @fontsource/inter).
To use the real originals instead, replace a file here (any format sharp reads) or point its entry in src/features/media/manifest.ts at it.
`);
console.log(`artwork written to ${OUT}`);
