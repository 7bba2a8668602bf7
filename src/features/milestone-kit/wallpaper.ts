// The wallpaper masters every download size is cut from: landscape (5120 × 2160, wide enough
// for 21:9 and tall enough for 16:10), portrait (1290 × 2796) and square (2732 × 2732, the
// tablets' sizes either way round, without upscaling), each with a safe area that
// holds every word and the emblem. Outside it there is only sky, which any crop may cut.
import type { Font } from 'satori';
import type { Milestone } from './data.ts';
import { emblem, longDate, sky, star, svgDocument, type Rect } from './shapes.ts';
import { emblemLabel, fitSize, h, heightOf, inner, logo, render, words } from './text.ts';
import { phrases } from './words.ts';

export interface Master {
  orientation: 'landscape' | 'portrait' | 'square';
  width: number;
  height: number;
  /**
   * Landscape: inside the centred 16:10 and 21:9 crops, clear of a menu bar, dock or taskbar.
   * Portrait: below the lock-screen clock and widgets (the top ~30 %), above the lock-screen
   * buttons, and inside a 20:9 crop. Square: inside every tablet cut (3:4 to 16:10, either way
   * round), below the clock.
   */
  safeArea: Rect;
}

export const MASTERS: Record<Master['orientation'], Master> = {
  landscape: {
    orientation: 'landscape',
    width: 5120,
    height: 2160,
    safeArea: { left: 1060, top: 250, width: 3000, height: 1660 },
  },
  portrait: {
    orientation: 'portrait',
    width: 1290,
    height: 2796,
    safeArea: { left: 96, top: 860, width: 1098, height: 1560 },
  },
  square: {
    orientation: 'square',
    width: 2732,
    height: 2732,
    safeArea: { left: 572, top: 1000, width: 1588, height: 1100 },
  },
};

/** Emblem radius and the sizes of name, headline, thanks and date, per orientation. */
const SIZES = {
  landscape: { r: 440, name: 100, headline: 124, thanks: 70, date: 56, gap: 70 },
  portrait: { r: 330, name: 76, headline: 124, thanks: 60, date: 48, gap: 48 },
  square: { r: 250, name: 64, headline: 96, thanks: 48, date: 40, gap: 40 },
};

export async function drawWallpaper(
  m: Milestone,
  fonts: Font[],
  orientation: Master['orientation'],
): Promise<Buffer> {
  const { width: w, height: hh, safeArea: safe } = MASTERS[orientation];
  const s = SIZES[orientation];
  const p = m.palette;
  const { headline, where, short } = phrases(m);
  const portrait = orientation === 'portrait';
  const lines = portrait
    ? [headline.toUpperCase(), where.toUpperCase()].filter(Boolean)
    : [[headline, where].filter(Boolean).join(' ').toUpperCase()];
  const width = safe.width - 40;
  const fit = (value: string, size: number, weight: 400 | 700 | 800, field: string, n = 1) =>
    fitSize(
      value,
      { size, min: Math.round(size / 3), width, lines: n, weight },
      fonts,
      `${m.file}: ${field}`,
    );
  const headlineSize = Math.min(
    ...(await Promise.all(lines.map((l) => fit(l, s.headline, 800, 'milestone')))),
  );
  // The name on one line down to 60 % of its size, else on two; the logo takes its row's start.
  const name = {
    size: s.name,
    width: width - (m.logo ? s.name * 1.6 : 0),
    weight: 700 as const,
    tracking: 0.12,
  };
  const nameField = `${m.file}: project.name`;
  const nameSize = await fitSize(
    m.project.name.toUpperCase(),
    { ...name, min: Math.round(s.name * 0.6) },
    fonts,
    nameField,
  ).catch(() =>
    fitSize(
      m.project.name.toUpperCase(),
      { ...name, min: Math.round(s.name / 3), lines: 2 },
      fonts,
      nameField,
    ),
  );
  const thanksSize = await fit(m.thanks, s.thanks, 400, 'thanks', 2);
  const cx = safe.left + safe.width / 2;
  const cy = safe.top + s.r + 20;
  const label = { text: short, metric: m.metric, file: m.file, colour: p.onHighlight };
  const badge = await emblemLabel(label, [cx, cy, s.r], fonts);
  const textTop = cy + s.r + s.gap;
  const textBox = {
    left: safe.left + 20,
    top: textTop,
    width,
    height: safe.top + safe.height - textTop,
  };
  const column = h(
    { flexDirection: 'column', alignItems: 'center', width },
    h(
      { alignItems: 'center' },
      m.logo ? h({ marginRight: nameSize * 0.4 }, logo(m.logo, Math.round(nameSize * 1.2))) : null,
      words(m.project.name.toUpperCase(), nameSize, 700, p.accent, {
        letterSpacing: nameSize * 0.12,
        textAlign: 'center',
      }),
    ),
    ...lines.map((l, i) =>
      words(l, headlineSize, 800, p.text, { marginTop: i ? 0 : nameSize * 0.3 }),
    ),
    words(m.thanks, thanksSize, 400, p.muted, {
      marginTop: thanksSize * 0.5,
      textAlign: 'center',
      lineHeight: 1.3,
    }),
    words(longDate(m.date), s.date, 700, p.accent, { marginTop: s.date * 0.6 }),
  );
  const layer = await render(
    h(
      { position: 'relative', width: w, height: hh },
      h({ position: 'absolute', left: textBox.left, top: textBox.top, width }, column),
      badge,
    ),
    fonts,
    w,
    hh,
  );
  // Every word inside the safe area: the column's laid-out height must fit below the emblem.
  const used = await heightOf(column, fonts, width);
  if (used > textBox.height)
    throw new Error(
      `${m.file}: the ${orientation} wallpaper's words need ${Math.round(used)} px below the emblem; the safe area leaves ${textBox.height}`,
    );
  const clear = [
    { left: cx - s.r, top: cy - s.r, width: 2 * s.r, height: 2 * s.r },
    { ...textBox, height: used },
  ];
  // Portrait: a trail of small stars rising from the emblem, fading out under the clock.
  const trail = portrait
    ? Array.from({ length: 9 }, (_, k) => {
        const t = (k + 1) / 10;
        const y = cy - s.r - 30 - t * (cy - s.r - 140);
        const x = cx + Math.sin(t * Math.PI) * 170;
        return star(
          x,
          y,
          26 - t * 16,
          p.highlight,
          `fill-opacity="${(0.75 - t * 0.55).toFixed(2)}"`,
        );
      }).join('')
    : '';
  return svgDocument(
    w,
    hh,
    `<defs>
      <radialGradient id="bg" cx="${cx / w}" cy="${cy / hh}" r="${Math.max(w, hh) / Math.min(w, hh) / 1.6}"><stop offset="0" stop-color="${p.raised}"/><stop offset="1" stop-color="${p.background}"/></radialGradient>
      <radialGradient id="glow"><stop offset="0" stop-color="${p.highlight}" stop-opacity="0.22"/><stop offset="0.45" stop-color="${p.accent}" stop-opacity="0.08"/><stop offset="1" stop-color="${p.accent}" stop-opacity="0"/></radialGradient>
    </defs>
    <rect width="${w}" height="${hh}" fill="url(#bg)"/>
    <circle cx="${cx}" cy="${cy}" r="${portrait ? 1000 : 1300}" fill="url(#glow)"/>
    ${sky(w, hh, { seed: portrait ? 43 : 42, density: portrait ? 9000 : 22000, maxRadius: 4.5, clear, margin: portrait ? 24 : 40, sparkles: Math.round((w * hh) / 1.2e6), colours: { star: p.text, sparkle: p.highlight } })}
    ${trail}
    ${emblem(m.metric, cx, cy, s.r, p.highlight)}
    ${inner(layer)}`,
  );
}
