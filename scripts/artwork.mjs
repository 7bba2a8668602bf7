// Draws the stand-in artwork for the 10,000-stars post (the originals on the CDN cannot be
// fetched) into src/assets/media/: a cover; two animated GIFs, each also composed for phones;
// and two wallpaper masters, landscape and portrait, laid out inside the safe areas recorded in
// src/content/media.yaml (the site cuts every download size from them).
// Text is turned into SVG paths from the bundled Inter font (OFL, @fontsource/inter) with
// opentype.js, so the output does not depend on the fonts installed on the machine.
// Run with `npm run artwork`; the output is committed, so builds do not run this.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import opentype from 'opentype.js';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'src/assets/media');
const require = createRequire(import.meta.url);

async function loadFont(weight) {
  const file = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
  const data = await readFile(file);
  return opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

const fonts = {
  regular: await loadFont(400),
  bold: await loadFont(700),
  heavy: await loadFont(800),
};

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

/** Font sizes drawn since `recordSizes` started: the smallest decides how legible a drawing is when shown small. */
let recorded;
function recordSizes(draw) {
  recorded = [];
  const result = draw();
  const sizes = recorded;
  recorded = undefined;
  return { result, smallest: Math.min(...sizes) };
}

/**
 * `text` as an SVG path plus the box its ink covers; `anchor` says whether x is its start,
 * middle or end; `tracking` adds space between letters, in ems; `tabular` sets every digit in
 * a cell as wide as the widest, so a changing number does not shift from frame to frame.
 */
function layText(
  font,
  value,
  x,
  y,
  size,
  fill,
  anchor = 'start',
  { tracking = 0, tabular = false } = {},
) {
  recorded?.push(size);
  const scale = size / font.unitsPerEm;
  const extra = tracking * size;
  const glyphs = [...value].map((c) => font.charToGlyph(c));
  const digitCell =
    Math.max(...[...'0123456789'].map((d) => font.charToGlyph(d).advanceWidth)) * scale;
  const isDigit = (i) => tabular && /[0-9]/.test([...value][i]);
  const advances = glyphs.map((glyph, i) => {
    const own = glyph.advanceWidth * scale;
    const kern =
      i + 1 < glyphs.length && !isDigit(i) && !isDigit(i + 1)
        ? font.getKerningValue(glyph, glyphs[i + 1]) * scale
        : 0;
    return (isDigit(i) ? digitCell : own) + kern + (i + 1 < glyphs.length ? extra : 0);
  });
  const width = advances.reduce((sum, a) => sum + a, 0);
  let cursor = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const parts = glyphs.map((glyph, i) => {
    const inset = isDigit(i) ? (digitCell - glyph.advanceWidth * scale) / 2 : 0;
    const path = glyph.getPath(cursor + inset, y, size);
    if (path.commands.length > 0) {
      const b = path.getBoundingBox();
      box.x1 = Math.min(box.x1, b.x1);
      box.y1 = Math.min(box.y1, b.y1);
      box.x2 = Math.max(box.x2, b.x2);
      box.y2 = Math.max(box.y2, b.y2);
    }
    cursor += advances[i];
    return path.toPathData(2);
  });
  return { svg: `<path fill="${fill}" d="${parts.join('')}"/>`, box, label: value };
}

function text(...args) {
  return layText(...args).svg;
}

/** The largest size up to `size` at which `value` is at most `maxWidth` wide. */
function fitSize(font, value, size, maxWidth) {
  return Math.min(size, Math.floor((size * maxWidth) / textWidth(font, value, size)));
}

/** Fails the run when any laid-out piece strays outside `area` (a master's safe area). */
function assertInside(pieces, area, name) {
  for (const { box, label } of pieces) {
    const inside =
      box.x1 >= area.left &&
      box.y1 >= area.top &&
      box.x2 <= area.left + area.width &&
      box.y2 <= area.top + area.height;
    if (!inside) {
      const at = [box.x1, box.y1, box.x2, box.y2].map((n) => Math.round(n)).join(', ');
      throw new Error(
        `${name}: "${label}" (${at}) is outside the safe area ${JSON.stringify(area)}`,
      );
    }
  }
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

/** The box a `star(cx, cy, outer)` covers, for the safe-area check. */
function starPiece(cx, cy, outer, label) {
  const half = outer * Math.cos(Math.PI / 10);
  return {
    box: { x1: cx - half, y1: cy - outer, x2: cx + half, y2: cy + outer * Math.cos(Math.PI / 5) },
    label,
  };
}

/** A four-pointed sparkle centred on (cx, cy). */
function sparkle(cx, cy, r, fill, opacity) {
  const w = r * 0.18;
  const d = `M${cx},${cy - r} Q${cx + w},${cy - w} ${cx + r},${cy} Q${cx + w},${cy + w} ${cx},${cy + r} Q${cx - w},${cy + w} ${cx - r},${cy} Q${cx - w},${cy - w} ${cx},${cy - r}Z`;
  return `<path d="${d}" fill="${fill}" fill-opacity="${opacity}"/>`;
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

/** Whether (x, y) lies within `margin` of any of the boxes. */
const near = (boxes, x, y, margin) =>
  boxes.some(
    (b) => x >= b.x1 - margin && x <= b.x2 + margin && y >= b.y1 - margin && y <= b.y2 + margin,
  );

/** Small stars scattered over the picture, none within `margin` of the `clear` boxes (the words). */
function starField(width, height, count, seed, maxRadius, clear = [], margin = 0) {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const r = (0.3 + next() * 0.7) * maxRadius;
    const opacity = (0.25 + next() * 0.6).toFixed(2);
    const [x, y] = [next() * width, next() * height];
    return near(clear, x, y, margin + r)
      ? ''
      : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="#fff" fill-opacity="${opacity}"/>`;
  }).join('');
}

const svg = (width, height, body) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );

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

/** Phone compositions must stay legible in a 335-CSS-px-wide column (a 375-px phone less margins). */
const PHONE_COLUMN = 335;
const MIN_TEXT_CSS_PX = 12;
/** How long the last frame, which carries the message, stays up before the loop restarts. */
const MESSAGE_HOLD_MS = 4000;
const THANKS = 'Thank you, everyone who contributed!';

/** The counter's value at step i of `steps`: eases up to 10,000 (in tens). */
function countAt(i, steps) {
  const eased = 1 - (1 - i / steps) ** 3;
  return { eased, count: Math.round((eased * 10000) / 10) * 10 };
}

const COUNTER_STEPS = 36;
const YEARS = ['2019', '2020', '2021', '2022'];

/** The frame delays of an animation: a steady beat, then the message frame held. */
function beat(frames, ms, first = ms) {
  return frames.map((_, i) => (i === frames.length - 1 ? MESSAGE_HOLD_MS : i === 0 ? first : ms));
}

/** Frames of the "road to 10,000 stars" counter: the count eases up to 10,000; the last frame adds the thanks. */
function counterFrames() {
  const [w, h] = [800, 450];
  const { result: frames, smallest } = recordSizes(() =>
    Array.from({ length: COUNTER_STEPS + 1 }, (_, i) => {
      const { eased, count } = countAt(i, COUNTER_STEPS);
      const last = i === COUNTER_STEPS;
      return svg(
        w,
        h,
        `<rect width="${w}" height="${h}" fill="${COLOURS.night}"/>
        ${text(fonts.bold, 'MILVUS ON GITHUB', 400, 62, 26, COLOURS.cyan, 'middle')}
        ${text(fonts.bold, 'Road to 10,000 stars', 400, 108, 34, COLOURS.white, 'middle')}
        ${star(210, 212, 56, COLOURS.gold)}
        ${text(fonts.heavy, count.toLocaleString('en-US'), 290, 248, 104, COLOURS.white, 'start', { tabular: true })}
        <rect x="80" y="290" width="640" height="18" rx="9" fill="${COLOURS.line}"/>
        <rect x="80" y="290" width="${Math.max(640 * eased, 18).toFixed(1)}" height="18" rx="9" fill="${COLOURS.blue}"/>
        ${YEARS.map((y, k) => text(fonts.regular, y, 80 + (640 * k) / 3, 344, 22, COLOURS.mist, k === 0 ? 'start' : k === 3 ? 'end' : 'middle')).join('')}
        ${last ? text(fonts.bold, THANKS, 400, 410, 30, COLOURS.gold, 'middle') : ''}`,
      );
    }),
  );
  return { frames, delays: beat(frames, 90), width: w, smallest };
}

/** The counter composed for a phone column: stacked, with text at least 28 px of 720. */
function counterPhoneFrames() {
  const [w, h] = [720, 960];
  const cx = w / 2;
  const [barLeft, barWidth] = [60, 600];
  const { result: frames, smallest } = recordSizes(() =>
    Array.from({ length: COUNTER_STEPS + 1 }, (_, i) => {
      const { eased, count } = countAt(i, COUNTER_STEPS);
      const last = i === COUNTER_STEPS;
      return svg(
        w,
        h,
        `<rect width="${w}" height="${h}" fill="${COLOURS.night}"/>
        ${text(fonts.bold, 'MILVUS ON GITHUB', cx, 104, 32, COLOURS.cyan, 'middle', { tracking: 0.06 })}
        ${text(fonts.bold, 'Road to 10,000 stars', cx, 174, 52, COLOURS.white, 'middle')}
        ${star(cx, 372, 128, COLOURS.gold)}
        ${text(fonts.heavy, count.toLocaleString('en-US'), cx, 636, 150, COLOURS.white, 'middle', { tabular: true })}
        <rect x="${barLeft}" y="690" width="${barWidth}" height="24" rx="12" fill="${COLOURS.line}"/>
        <rect x="${barLeft}" y="690" width="${Math.max(barWidth * eased, 24).toFixed(1)}" height="24" rx="12" fill="${COLOURS.blue}"/>
        ${YEARS.map((y, k) => text(fonts.regular, y, barLeft + (barWidth * k) / 3, 764, 30, COLOURS.mist, k === 0 ? 'start' : k === 3 ? 'end' : 'middle')).join('')}
        ${last ? text(fonts.bold, 'Thank you, everyone', cx, 852, 46, COLOURS.gold, 'middle') + text(fonts.bold, 'who contributed!', cx, 910, 46, COLOURS.gold, 'middle') : ''}`,
      );
    }),
  );
  return { frames, delays: beat(frames, 90), width: w, smallest };
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

/** Frames of the timeline: one milestone more per frame; the last frame, all of them and the thanks. */
function timelineFrames() {
  const [w, h] = [960, 540];
  const left = 90;
  const right = 870;
  const axis = 290;
  const gap = (right - left) / (MILESTONES.length - 1);
  const { result: frames, smallest } = recordSizes(() =>
    Array.from({ length: MILESTONES.length + 1 }, (_, shown) => {
      const progress = shown === 0 ? left : left + gap * (shown - 1);
      const marks = MILESTONES.slice(0, shown)
        .map((m, i) => {
          const x = left + gap * i;
          const up = i % 2 === 0;
          const colour = m.highlight ? COLOURS.gold : COLOURS.cyan;
          const dateY = up ? axis - 92 : axis + 70;
          const lines = m.what.map((line, k) =>
            text(
              fonts.bold,
              line,
              x,
              (up ? axis - 60 : axis + 102) + k * 26,
              21,
              COLOURS.white,
              'middle',
            ),
          );
          const stem = `<rect x="${x - 1.5}" y="${up ? axis - 40 : axis + 14}" width="3" height="26" fill="${colour}"/>`;
          const dot = m.highlight
            ? star(x, axis, 22, COLOURS.gold)
            : `<circle cx="${x}" cy="${axis}" r="10" fill="${colour}"/>`;
          return `${stem}${dot}${text(fonts.regular, m.when, x, dateY, 19, colour, 'middle')}${lines.join('')}`;
        })
        .join('');
      return svg(
        w,
        h,
        `<rect width="${w}" height="${h}" fill="${COLOURS.night}"/>
        ${text(fonts.bold, 'MILVUS', 480, 70, 24, COLOURS.cyan, 'middle')}
        ${text(fonts.bold, 'The road to 10,000 stars', 480, 112, 36, COLOURS.white, 'middle')}
        <rect x="${left}" y="${axis - 3}" width="${right - left}" height="6" rx="3" fill="${COLOURS.line}"/>
        <rect x="${left}" y="${axis - 3}" width="${(progress - left).toFixed(1)}" height="6" rx="3" fill="${COLOURS.blue}"/>
        ${marks}
        ${shown === MILESTONES.length ? text(fonts.bold, THANKS, 480, 480, 28, COLOURS.gold, 'middle') : ''}`,
      );
    }),
  );
  return { frames, delays: beat(frames, 400, 300), width: w, smallest };
}

/** The timeline composed for a phone column: a vertical axis, each milestone on one line beside it. */
function timelinePhoneFrames() {
  const [w, h] = [720, 1280];
  const cx = w / 2;
  const axisX = 112;
  const [top, bottom] = [256, 1020];
  const gap = (bottom - top) / (MILESTONES.length - 1);
  const textX = 164;
  const { result: frames, smallest } = recordSizes(() =>
    Array.from({ length: MILESTONES.length + 1 }, (_, shown) => {
      const progress = shown === 0 ? top : top + gap * (shown - 1);
      const marks = MILESTONES.slice(0, shown)
        .map((m, i) => {
          const y = top + gap * i;
          const colour = m.highlight ? COLOURS.gold : COLOURS.cyan;
          const what = m.what.join(' ');
          const dot = m.highlight
            ? star(axisX, y, 34, COLOURS.gold)
            : `<circle cx="${axisX}" cy="${y}" r="14" fill="${colour}"/>`;
          return `${dot}${text(fonts.regular, m.when, textX, y - 10, 28, colour)}${text(m.highlight ? fonts.heavy : fonts.bold, what, textX, y + 34, m.highlight ? 40 : 36, m.highlight ? COLOURS.gold : COLOURS.white)}`;
        })
        .join('');
      return svg(
        w,
        h,
        `<rect width="${w}" height="${h}" fill="${COLOURS.night}"/>
        ${text(fonts.bold, 'MILVUS', cx, 96, 32, COLOURS.cyan, 'middle', { tracking: 0.06 })}
        ${text(fonts.bold, 'The road to 10,000 stars', cx, 164, 50, COLOURS.white, 'middle')}
        <rect x="${axisX - 4}" y="${top}" width="8" height="${bottom - top}" rx="4" fill="${COLOURS.line}"/>
        <rect x="${axisX - 4}" y="${top}" width="8" height="${(progress - top).toFixed(1)}" rx="4" fill="${COLOURS.blue}"/>
        ${marks}
        ${shown === MILESTONES.length ? text(fonts.bold, 'Thank you, everyone', cx, 1150, 48, COLOURS.gold, 'middle') + text(fonts.bold, 'who contributed!', cx, 1212, 48, COLOURS.gold, 'middle') : ''}`,
      );
    }),
  );
  return { frames, delays: beat(frames, 400, 300), width: w, smallest };
}

// The seed wallpaper's entry in the media data file: its two masters and their safe areas.
const MEDIA_DATA = parseYaml(await readFile(join(ROOT, 'src/content/media.yaml'), 'utf8'));
const WALLPAPER = MEDIA_DATA['https://assets.zilliz.com/10_K_stars_2b2e0e0b36.png'];
const master = (orientation) => {
  const { measuredOn, ...safeArea } = WALLPAPER.safeAreas[orientation];
  const file = orientation === 'landscape' ? WALLPAPER.file : WALLPAPER.portrait;
  return { file, orientation, ...measuredOn, safeArea };
};

/** Sky shared by both masters: a glow behind the emblem, a star field and a few sparkles. */
function sky(w, h, glow, seed, density, clear, margin) {
  const next = random(seed + 1);
  const sparkles = Array.from({ length: Math.round((w * h) / 1.2e6) }, () => {
    const [x, y, r] = [next() * w, next() * h, 10 + next() * 18];
    const [fill, opacity] = [
      next() < 0.3 ? COLOURS.gold : COLOURS.white,
      (0.35 + next() * 0.4).toFixed(2),
    ];
    const atEdge = x < 2 * r || y < 2 * r || x > w - 2 * r || y > h - 2 * r;
    return atEdge || near(clear, x, y, margin + r) ? '' : sparkle(x, y, r, fill, opacity);
  }).join('');
  return `<defs>
      <radialGradient id="bg" cx="${glow.x / w}" cy="${glow.y / h}" r="${Math.max(w, h) / Math.min(w, h) / 1.6}" gradientUnits="objectBoundingBox"><stop offset="0" stop-color="${COLOURS.deep}"/><stop offset="1" stop-color="${COLOURS.night}"/></radialGradient>
      <radialGradient id="glow"><stop offset="0" stop-color="${COLOURS.gold}" stop-opacity="0.22"/><stop offset="0.45" stop-color="${COLOURS.blue}" stop-opacity="0.08"/><stop offset="1" stop-color="${COLOURS.blue}" stop-opacity="0"/></radialGradient>
    </defs>
    <rect width="${w}" height="${h}" fill="url(#bg)"/>
    <circle cx="${glow.x}" cy="${glow.y}" r="${glow.r}" fill="url(#glow)"/>
    ${starField(w, h, Math.round((w * h) / density), seed, 4.5, clear, margin)}
    ${sparkles}`;
}

/** The landscape master: emblem and text centred in the safe area, sky to the edges for the 21:9 cut. */
function wallpaperLandscape() {
  const { width: w, height: h, safeArea: safe } = master('landscape');
  const cx = safe.left + safe.width / 2;
  const [starY, starR] = [safe.top + 610, 440];
  const pieces = [
    layText(fonts.bold, 'MILVUS', cx, safe.top + 1170, 100, COLOURS.cyan, 'middle', {
      tracking: 0.12,
    }),
    layText(
      fonts.heavy,
      '10,000 STARS ON GITHUB',
      cx,
      safe.top + 1320,
      124,
      COLOURS.white,
      'middle',
    ),
    layText(fonts.regular, THANKS, cx, safe.top + 1450, 70, COLOURS.mist, 'middle'),
    layText(fonts.regular, 'April 12, 2022', cx, safe.top + 1560, 56, COLOURS.cyan, 'middle'),
  ];
  const badge = layText(fonts.heavy, '10K', cx, starY + 78, 212, COLOURS.night, 'middle');
  assertInside([...pieces, starPiece(cx, starY, starR, 'emblem')], safe, 'landscape wallpaper');
  return svg(
    w,
    h,
    `${sky(
      w,
      h,
      { x: cx, y: starY, r: 1300 },
      42,
      22000,
      [...pieces, starPiece(cx, starY, starR)].map((p) => p.box),
      40,
    )}
    ${star(cx, starY, starR, COLOURS.gold)}
    ${badge.svg}
    ${pieces.map((p) => p.svg).join('')}`,
  );
}

/**
 * The portrait master, drawn for a phone rather than cut from the landscape one: the top is
 * sky for the lock-screen clock, the emblem sits mid-screen with a trail of stars rising
 * from it, and the words are stacked under it, clear of the lock-screen buttons.
 */
function wallpaperPortrait() {
  const { width: w, height: h, safeArea: safe } = master('portrait');
  const cx = safe.left + safe.width / 2;
  const [starY, starR] = [safe.top + 420, 370];
  const headline = fitSize(fonts.heavy, '10,000 STARS', 124, safe.width - 40);
  const thanks = fitSize(fonts.regular, 'Thank you, everyone', 60, safe.width - 40);
  const pieces = [
    layText(fonts.bold, 'MILVUS', cx, safe.top + 900, 76, COLOURS.cyan, 'middle', {
      tracking: 0.12,
    }),
    layText(fonts.heavy, '10,000 STARS', cx, safe.top + 1040, headline, COLOURS.white, 'middle'),
    layText(fonts.heavy, 'ON GITHUB', cx, safe.top + 1170, headline, COLOURS.white, 'middle'),
    layText(
      fonts.regular,
      'Thank you, everyone',
      cx,
      safe.top + 1290,
      thanks,
      COLOURS.mist,
      'middle',
    ),
    layText(fonts.regular, 'who contributed!', cx, safe.top + 1370, thanks, COLOURS.mist, 'middle'),
    layText(fonts.regular, 'April 12, 2022', cx, safe.top + 1470, 48, COLOURS.cyan, 'middle'),
  ];
  const badge = layText(fonts.heavy, '10K', cx, starY + 66, 180, COLOURS.night, 'middle');
  assertInside([...pieces, starPiece(cx, starY, starR, 'emblem')], safe, 'portrait wallpaper');
  // A trail of small stars rising from the emblem towards the top, fading out under the clock.
  const trail = Array.from({ length: 9 }, (_, k) => {
    const t = (k + 1) / 10;
    const y = starY - starR - 30 - t * (starY - starR - 140);
    const x = cx + Math.sin(t * Math.PI) * 170;
    return star(x, y, 26 - t * 16, COLOURS.gold, `fill-opacity="${(0.75 - t * 0.55).toFixed(2)}"`);
  }).join('');
  return svg(
    w,
    h,
    `${sky(
      w,
      h,
      { x: cx, y: starY, r: 1000 },
      43,
      9000,
      [...pieces, starPiece(cx, starY, starR)].map((p) => p.box),
      24,
    )}
    ${trail}
    ${star(cx, starY, starR, COLOURS.gold)}
    ${badge.svg}
    ${pieces.map((p) => p.svg).join('')}`,
  );
}

/** Mean absolute difference per channel (0–255) between two same-sized images. */
async function meanDifference(a, b) {
  const [x, y] = await Promise.all(
    [a, b].map((input) => sharp(input).removeAlpha().raw().toBuffer()),
  );
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - y[i]);
  return sum / x.length;
}

/**
 * Writes an animation and reports it. Phone compositions must keep their smallest text at
 * 12 CSS px or more in a 335-px column and stay under 1 MB. The last frame carries the
 * message; the site shows it as the still.
 */
async function animatedGif({ frames, delays, width, smallest }, file, { phone = false } = {}) {
  const textCss = (smallest * PHONE_COLUMN) / width;
  if (phone && textCss < MIN_TEXT_CSS_PX)
    throw new Error(
      `${file}: smallest text ${textCss.toFixed(1)} CSS px at ${PHONE_COLUMN} px wide`,
    );
  const rasters = await Promise.all(frames.map((frame) => sharp(frame).png().toBuffer()));
  const path = join(OUT, file);
  await sharp(rasters, { join: { animated: true } })
    // interPaletteMaxError 0: a frame whose colours the running palette lacks gets its own
    // (by default the opening frames' palette, which has no progress-bar blue, is reused).
    .gif({ delay: delays, loop: 0, effort: 10, colours: 64, interPaletteMaxError: 0 })
    .toFile(path);
  // The encoder merges identical neighbouring frames, so count what was written.
  const meta = await sharp(path, { animated: true }).metadata();
  const message = meta.pages - 1;
  if (meta.delay[message] < MESSAGE_HOLD_MS)
    throw new Error(`${file}: the message frame is held ${meta.delay[message]} ms`);
  const drift = await meanDifference(
    await sharp(path, { page: message }).png().toBuffer(),
    rasters.at(-1),
  );
  if (drift > 2)
    throw new Error(
      `${file}: the message frame came out ${drift.toFixed(1)} levels off the drawing`,
    );
  const { size } = await stat(path);
  if (phone && size >= 1024 * 1024) throw new Error(`${file}: ${size} bytes, over 1 MB`);
  console.log(
    `${file}: ${meta.width}×${meta.pageHeight}, ${meta.pages} frames, ${Math.round(size / 1024)} kB; ` +
      `smallest text ${smallest} px = ${textCss.toFixed(1)} CSS px at ${PHONE_COLUMN} px wide; message in frame ${message} (the last), held ${meta.delay[message]} ms`,
  );
}

await mkdir(join(OUT, 'covers'), { recursive: true });
await sharp(cover())
  .png({ compressionLevel: 9, palette: false })
  .toFile(join(OUT, 'covers/milvus-10k-cover.png'));
await animatedGif(counterFrames(), 'milvus-road-to-10k-stars.gif');
await animatedGif(counterPhoneFrames(), 'milvus-road-to-10k-stars-phone.gif', { phone: true });
await animatedGif(timelineFrames(), 'milvus-10k-stars-timeline.gif');
await animatedGif(timelinePhoneFrames(), 'milvus-10k-stars-timeline-phone.gif', { phone: true });
await sharp(wallpaperLandscape())
  .png({ compressionLevel: 9 })
  .toFile(join(OUT, master('landscape').file));
await sharp(wallpaperPortrait())
  .png({ compressionLevel: 9 })
  .toFile(join(OUT, master('portrait').file));
await writeFile(
  join(OUT, 'README.md'),
  `Stand-in artwork drawn by \`npm run artwork\` (scripts/artwork.mjs). Text is set in Inter (SIL OFL 1.1, from @fontsource/inter).
To use the real originals instead, replace a file here (any format sharp reads) or point its entry in src/content/media.yaml at it.
Animations come in two compositions: the \`-phone\` files are drawn for a 335-px column (text 12 CSS px or more). Their last frame carries the message.
The wallpaper masters (landscape and portrait) keep all text inside the safe areas recorded in src/content/media.yaml; a replacement must too.
`,
);
console.log(`artwork written to ${OUT}`);
