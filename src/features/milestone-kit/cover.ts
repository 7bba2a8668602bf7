// The cover, 1600 × 900: the milestone in words on the left, the emblem with the short count on
// the right, over the brand's background and a field of small stars.
import type { Font } from 'satori';
import type { Milestone } from './data.ts';
import { emblem, longDate, sky, svgDocument } from './shapes.ts';
import { emblemLabel, fitSize, h, inner, logo, render, words } from './text.ts';
import { phrases } from './words.ts';

export const COVER = { width: 1600, height: 900 };

export async function drawCover(m: Milestone, fonts: Font[]): Promise<Buffer> {
  const { width: w, height: h0 } = COVER;
  const p = m.palette;
  const { headline, where, short } = phrases(m);
  const column = 860;
  const big = Math.min(
    await fitSize(
      headline,
      { size: 124, min: 56, width: column, weight: 800 },
      fonts,
      `${m.file}: milestone`,
    ),
    where
      ? await fitSize(
          where,
          { size: 124, min: 56, width: column, weight: 800 },
          fonts,
          `${m.file}: where`,
        )
      : 124,
  );
  const name = await fitSize(
    m.project.name.toUpperCase(),
    {
      size: 44,
      min: 28,
      width: column - 80,
      lines: 2,
      weight: 700,
      tracking: 0.08,
      oneLineFirst: true,
    },
    fonts,
    `${m.file}: project.name`,
  );
  const title = await fitSize(
    m.title,
    { size: 38, min: 26, width: column, lines: 2, weight: 400 },
    fonts,
    `${m.file}: title`,
  );
  const [cx, cy, r] = [1230, 450, 250];
  const label = { text: short, metric: m.metric, file: m.file, colour: p.onHighlight };
  const badge = await emblemLabel(label, [cx, cy, r], fonts);
  const layer = await render(
    h(
      { position: 'relative', width: w, height: h0 },
      h(
        {
          position: 'absolute',
          left: 120,
          top: 90,
          width: column,
          height: 720,
          flexDirection: 'column',
          justifyContent: 'center',
        },
        h(
          { alignItems: 'center', marginBottom: 28 },
          m.logo ? h({ marginRight: 20 }, logo(m.logo, Math.round(name * 1.3))) : null,
          words(m.project.name.toUpperCase(), name, 700, p.accent, { letterSpacing: name * 0.08 }),
        ),
        words(headline, big, 800, p.text, { lineHeight: 1.08 }),
        where ? words(where, big, 800, p.text, { lineHeight: 1.08 }) : null,
        words(m.title, title, 400, p.muted, { marginTop: 40, lineHeight: 1.3 }),
        words(longDate(m.date), 32, 700, p.accent, { marginTop: 18 }),
      ),
      badge,
    ),
    fonts,
    w,
    h0,
  );
  return svgDocument(
    w,
    h0,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.background}"/><stop offset="1" stop-color="${p.raised}"/></linearGradient>
    <radialGradient id="glow"><stop offset="0" stop-color="${p.highlight}" stop-opacity="0.25"/><stop offset="1" stop-color="${p.highlight}" stop-opacity="0"/></radialGradient></defs>
    <rect width="${w}" height="${h0}" fill="url(#bg)"/>
    ${sky(w, h0, { seed: 7, density: 10000, maxRadius: 2.4, colours: { star: p.text, sparkle: p.highlight }, clear: [{ left: 100, top: 80, width: column + 40, height: 740 }], margin: 10 })}
    <circle cx="${cx}" cy="${cy}" r="${r * 1.5}" fill="url(#glow)"/>
    ${emblem(m.metric, cx, cy, r, p.highlight)}
    ${inner(layer)}`,
  );
}
