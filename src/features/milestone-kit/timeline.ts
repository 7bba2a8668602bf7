// The timeline animation: the dated events appear one by one along an axis that ends on the
// milestone; the last frame adds the message. Wide (960 × 540, a horizontal axis) and phone
// (720 × 1280, a vertical axis with every label on its own row).
import type { Font } from 'satori';
import type { Milestone } from './data.ts';
import type { Frames } from './growth.ts';
import { MESSAGE_HOLD_MS } from './growth.ts';
import { shortDate, svgDocument } from './shapes.ts';
import { fitSize, h, heightOf, icon, render, svgImage, words, type Element } from './text.ts';
import { phrases } from './words.ts';

const STEP_MS = 500;

interface Item {
  date: string;
  label: string;
  milestone: boolean;
}

const items = (m: Milestone): Item[] => [
  ...m.events.map((e) => ({ ...e, milestone: false })),
  { date: m.date, label: phrases(m).headline, milestone: true },
];

/** Frames showing 1..n items, then all of them with the message. */
async function frames(
  count: number,
  draw: (shown: number, final: boolean) => Promise<Buffer>,
): Promise<Pick<Frames, 'frames' | 'delays'>> {
  const out: Buffer[] = [];
  const delays: number[] = [];
  for (let shown = 1; shown <= count; shown++) {
    out.push(await draw(shown, false));
    delays.push(STEP_MS);
  }
  out.push(await draw(count, true));
  delays.push(MESSAGE_HOLD_MS);
  return { frames: out, delays };
}

/** A dot ringed in the background colour, so it stands out from the axis it sits on. */
const dot = (size: number, colour: string, ring: string): Element =>
  svgImage(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 12"><circle cx="6" cy="6" r="5" fill="${colour}" stroke="${ring}" stroke-width="2"/></svg>`,
    size,
    size,
  );

export async function drawTimeline(m: Milestone, fonts: Font[]): Promise<Frames> {
  const [W, H] = [960, 540];
  const p = m.palette;
  const list = items(m);
  const [left, right, axis] = [96, 864, 300];
  const gap = list.length > 1 ? (right - left) / (list.length - 1) : 0;
  const box = Math.min(240, Math.max(gap * 2 - 16, 120));
  const labelSize = 20;
  for (const [i, e] of m.events.entries())
    await fitSize(
      e.label,
      { size: labelSize, min: labelSize, width: box, lines: 3, weight: 700 },
      fonts,
      `${m.file}: events.${i}.label`,
    );
  const title = `The road to ${phrases(m).headline}`;
  const name = await fitSize(
    m.project.name.toUpperCase(),
    { size: 24, min: 18, width: 860, lines: 2, weight: 700, tracking: 0.08, oneLineFirst: true },
    fonts,
    `${m.file}: project.name`,
  );
  const titleSize = await fitSize(
    title,
    { size: 36, min: 20, width: 860, weight: 700 },
    fonts,
    `${m.file}: milestone`,
  );
  const message = await fitSize(
    m.message,
    { size: 32, min: 20, width: 860, weight: 800 },
    fonts,
    `${m.file}: message`,
  );
  const x = (i: number) => (list.length > 1 ? left + gap * i : (left + right) / 2);
  const { frames: out, delays } = await frames(list.length, async (shown, final) => {
    const marks = list.slice(0, shown).map((item, i) => {
      const up = i % 2 === 0;
      const colour = item.milestone ? p.highlight : p.accent;
      const text = h(
        { flexDirection: 'column', alignItems: 'center', width: box },
        words(shortDate(item.date), 18, 400, colour),
        words(item.label, labelSize, 700, item.milestone ? p.highlight : p.text, {
          textAlign: 'center',
          justifyContent: 'center',
          width: box,
        }),
      );
      return [
        h(
          {
            position: 'absolute',
            // Centred on its mark, kept inside the picture.
            left: Math.min(Math.max(x(i) - box / 2, 16), W - 16 - box),
            top: up ? axis - 150 : axis + 36,
            width: box,
            height: 114,
            flexDirection: 'column',
            justifyContent: up ? 'flex-end' : 'flex-start',
          },
          text,
        ),
        h({
          position: 'absolute',
          left: x(i) - 1.5,
          top: up ? axis - 32 : axis + 12,
          width: 3,
          height: 20,
          backgroundColor: colour,
        }),
        item.milestone
          ? h(
              { position: 'absolute', left: x(i) - 24, top: axis - 24 },
              icon(m.metric, 48, p.highlight),
            )
          : h(
              { position: 'absolute', left: x(i) - 11, top: axis - 11 },
              dot(22, colour, p.background),
            ),
      ];
    });
    const reach = x(shown - 1) - left;
    const layer = await render(
      h(
        { position: 'relative', width: W, height: H, backgroundColor: p.background },
        h(
          {
            position: 'absolute',
            left: 50,
            top: 44,
            width: 860,
            flexDirection: 'column',
            alignItems: 'center',
          },
          words(m.project.name.toUpperCase(), name, 700, p.accent, { letterSpacing: name * 0.08 }),
          words(title, titleSize, 700, p.text, { marginTop: 8 }),
        ),
        h({
          position: 'absolute',
          left,
          top: axis - 3,
          width: right - left,
          height: 6,
          borderRadius: 3,
          backgroundColor: p.line,
        }),
        h({
          position: 'absolute',
          left,
          top: axis - 3,
          width: Math.max(reach, 6),
          height: 6,
          borderRadius: 3,
          backgroundColor: p.accent,
        }),
        ...marks.flat(),
        final
          ? h(
              { position: 'absolute', left: 50, top: 470, width: 860, justifyContent: 'center' },
              words(m.message, message, 800, p.highlight),
            )
          : null,
      ),
      fonts,
      W,
      H,
    );
    return svgDocument(W, H, layer.replace(/^<svg[^>]*>|<\/svg>$/g, ''));
  });
  return { frames: out, delays, width: W, height: H, smallest: Math.min(18, name, titleSize) };
}

export async function drawTimelinePhone(m: Milestone, fonts: Font[]): Promise<Frames> {
  const [W, H] = [720, 1280];
  const p = m.palette;
  const list = items(m);
  const [bottom, axisX, textX] = [1080, 96, 150];
  const textWidth = W - textX - 48;
  const sizes = { date: 28, label: 36 };
  const title = `The road to ${phrases(m).headline}`;
  const name = await fitSize(
    m.project.name.toUpperCase(),
    { size: 32, min: 28, width: 624, lines: 2, weight: 700, tracking: 0.06, oneLineFirst: true },
    fonts,
    `${m.file}: project.name`,
  );
  const titleSize = await fitSize(
    title,
    { size: 48, min: 28, width: 624, lines: 2, weight: 700 },
    fonts,
    `${m.file}: milestone`,
  );
  const message = await fitSize(
    m.message,
    { size: 48, min: 32, width: 624, lines: 2, weight: 800, oneLineFirst: true },
    fonts,
    `${m.file}: message`,
  );
  const header = h(
    { flexDirection: 'column', alignItems: 'center', width: 624 },
    words(m.project.name.toUpperCase(), name, 700, p.accent, {
      letterSpacing: name * 0.06,
      textAlign: 'center',
      justifyContent: 'center',
      width: 624,
    }),
    words(title, titleSize, 700, p.text, {
      marginTop: 12,
      textAlign: 'center',
      justifyContent: 'center',
      width: 624,
    }),
  );
  // The events take what the header leaves, in equal rows.
  const top = Math.max(250, 64 + (await heightOf(header, fonts, 624)) + 48);
  const row = (bottom - top) / list.length;
  for (const [i, item] of list.entries()) {
    const lines = await heightOf(
      h(
        { flexDirection: 'column' },
        words(shortDate(item.date), sizes.date, 400, '#000'),
        words(item.label, sizes.label, 700, '#000', { width: textWidth }),
      ),
      fonts,
      textWidth,
    );
    if (lines > row)
      throw new Error(
        `${m.file}: events.${i}.label: "${item.label}" needs ${Math.round(lines)} px in the phone timeline, which has ${Math.round(row)} px per event; shorten it or list fewer events`,
      );
  }
  const centre = (i: number) => top + row * (i + 0.5);
  const { frames: out, delays } = await frames(list.length, async (shown, final) => {
    const rows = list.slice(0, shown).map((item, i) => {
      const colour = item.milestone ? p.highlight : p.accent;
      return [
        item.milestone
          ? h(
              { position: 'absolute', left: axisX - 34, top: centre(i) - 34 },
              icon(m.metric, 68, p.highlight),
            )
          : h(
              { position: 'absolute', left: axisX - 16, top: centre(i) - 16 },
              dot(32, colour, p.background),
            ),
        h(
          {
            position: 'absolute',
            left: textX,
            top: top + row * i,
            width: textWidth,
            height: row,
            flexDirection: 'column',
            justifyContent: 'center',
          },
          words(shortDate(item.date), sizes.date, 400, colour),
          words(
            item.label,
            item.milestone ? 40 : sizes.label,
            item.milestone ? 800 : 700,
            item.milestone ? p.highlight : p.text,
            { width: textWidth },
          ),
        ),
      ];
    });
    const layer = await render(
      h(
        { position: 'relative', width: W, height: H, backgroundColor: p.background },
        h({ position: 'absolute', left: 48, top: 64, width: 624 }, header),
        h({
          position: 'absolute',
          left: axisX - 4,
          top: centre(0),
          width: 8,
          height: centre(list.length - 1) - centre(0),
          borderRadius: 4,
          backgroundColor: p.line,
        }),
        h({
          position: 'absolute',
          left: axisX - 4,
          top: centre(0),
          width: 8,
          height: Math.max(centre(shown - 1) - centre(0), 8),
          borderRadius: 4,
          backgroundColor: p.accent,
        }),
        ...rows.flat(),
        final
          ? h(
              {
                position: 'absolute',
                left: 48,
                top: 1110,
                width: 624,
                height: 140,
                justifyContent: 'center',
                alignItems: 'center',
              },
              words(m.message, message, 800, p.highlight, {
                textAlign: 'center',
                justifyContent: 'center',
                width: 624,
              }),
            )
          : null,
      ),
      fonts,
      W,
      H,
    );
    return svgDocument(W, H, layer.replace(/^<svg[^>]*>|<\/svg>$/g, ''));
  });
  return {
    frames: out,
    delays,
    width: W,
    height: H,
    smallest: Math.min(sizes.date, name, titleSize),
  };
}
