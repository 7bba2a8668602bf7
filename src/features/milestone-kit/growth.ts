// The growth animation: the count rises along the real curve, each event appears on the curve
// at its date with its label, and the last frame carries the message. Two compositions: wide
// (960 × 540) and phone (720 × 1080, every text at least 12 CSS px in a 335-px column).
import type { Font } from 'satori';
import { formatCount, type Milestone } from './data.ts';
import { countOn, curveTo, dayNumber, type HistoryPoint } from './history.ts';
import { shortDate, svgDocument } from './shapes.ts';
import { fitSize, h, icon, inner, render, words, type Element } from './text.ts';
import { phrases } from './words.ts';

/** Frames of rising count; then the message frame. */
export const GROWTH_STEPS = 32;
const STEP_MS = 90;
/** An event's first frame stays up long enough to read its label. */
const EVENT_HOLD_MS = 900;
/** How long the message frame stays before the loop restarts. */
export const MESSAGE_HOLD_MS = 4000;

export interface Frames {
  frames: Buffer[];
  delays: number[];
  width: number;
  height: number;
  /** The smallest font size drawn, in the composition's pixels. */
  smallest: number;
}

interface Layout {
  width: number;
  height: number;
  chart: { left: number; top: number; width: number; height: number };
  /** Font sizes. */
  name: number;
  road: number;
  counter: number;
  axis: number;
  caption: number;
  message: number;
  /** Header and counter: side by side (wide) or stacked (phone). */
  stacked: boolean;
}

const WIDE: Layout = {
  width: 960,
  height: 540,
  chart: { left: 64, top: 196, width: 832, height: 212 },
  name: 22,
  road: 34,
  counter: 76,
  axis: 18,
  caption: 26,
  message: 36,
  stacked: false,
};

const PHONE: Layout = {
  width: 720,
  height: 1080,
  chart: { left: 56, top: 400, width: 608, height: 440 },
  name: 30,
  road: 46,
  counter: 120,
  axis: 28,
  caption: 36,
  message: 52,
  stacked: true,
};

/** Fixed-width cells for the digits, so the number does not jitter as it counts up. */
function counterText(value: string, size: number, colour: string): Element {
  return h(
    { alignItems: 'baseline' },
    ...[...value].map((c) =>
      words(c, size, 800, colour, {
        width: /\d/.test(c) ? size * 0.64 : size * 0.28,
        justifyContent: 'center',
        lineHeight: 1,
      }),
    ),
  );
}

/** Year ticks along the chart: the first January of each year in range (at most 8). */
function yearTicks(start: number, end: number): { day: number; label: string }[] {
  const first = new Date(start * 86_400_000).getUTCFullYear() + 1;
  const last = new Date(end * 86_400_000).getUTCFullYear();
  const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const every = Math.ceil(years.length / 8) || 1;
  return years
    .filter((_, i) => i % every === 0)
    .map((y) => ({ day: dayNumber(`${y}-01-01`), label: String(y) }));
}

async function composition(m: Milestone, fonts: Font[], L: Layout): Promise<Frames> {
  const p = m.palette;
  const { road } = phrases(m);
  const curve = curveTo(m.history, m.date, m.milestone);
  const [start, end] = [dayNumber(curve[0]!.date), dayNumber(m.date)];
  const { chart } = L;
  const top = m.milestone * 1.1;
  const x = (day: number) => chart.left + ((day - start) / (end - start)) * chart.width;
  const y = (count: number) => chart.top + chart.height - (count / top) * chart.height;
  const pad = L.stacked ? 56 : 48;
  const inset = L.width - 2 * pad;
  const counterSize = Math.min(
    L.counter,
    Math.floor(inset / (0.64 * formatCount(m.milestone).length + 1.6)),
  );
  const headerWidth = L.stacked
    ? inset
    : inset - counterSize * (0.64 * formatCount(m.milestone).length + 1.2);
  const name = await fitSize(
    m.project.name.toUpperCase(),
    {
      size: L.name,
      min: L.axis,
      width: headerWidth,
      lines: 2,
      weight: 700,
      tracking: 0.08,
      oneLineFirst: true,
    },
    fonts,
    `${m.file}: project.name`,
  );
  const roadSize = await fitSize(
    road,
    { size: L.road, min: L.axis, width: headerWidth, weight: 700 },
    fonts,
    `${m.file}: milestone`,
  );
  const message = await fitSize(
    m.message,
    { size: L.message, min: L.caption, width: inset, lines: 2, weight: 800, oneLineFirst: true },
    fonts,
    `${m.file}: message`,
  );
  for (const [i, e] of m.events.entries())
    await fitSize(
      `${shortDate(e.date)} · ${e.label}`,
      { size: L.caption, min: L.caption, width: inset, lines: 2, weight: 700 },
      fonts,
      `${m.file}: events.${i}.label`,
    );
  const ticks = yearTicks(start, end);
  const captionTop = chart.top + chart.height + L.axis * 2.4;
  const sizes = [name, roadSize, L.axis, L.caption, message];

  /** Frame k of the rising count (k = GROWTH_STEPS is the milestone's day); `final` adds the message. */
  const frame = async (k: number, final: boolean) => {
    const day = start + ((end - start) * k) / GROWTH_STEPS;
    const count = k === GROWTH_STEPS ? m.milestone : Math.round(countOn(curve, day));
    const shown: HistoryPoint[] = [
      ...curve.filter((pt) => dayNumber(pt.date) < day),
      { date: '', count },
    ];
    const pts = shown.map(
      (pt, i) => [i === shown.length - 1 ? x(day) : x(dayNumber(pt.date)), y(pt.count)] as const,
    );
    const line = pts
      .map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`)
      .join('');
    const base = chart.top + chart.height;
    const area = `${line}L${pts.at(-1)![0].toFixed(1)},${base}L${pts[0]![0].toFixed(1)},${base}Z`;
    const passed = m.events.filter((e) => dayNumber(e.date) <= day);
    const latest = passed.at(-1);
    const dots = passed
      .map((e) => {
        const [ex, ey] = [x(dayNumber(e.date)), y(countOn(curve, dayNumber(e.date)))];
        const current = e === latest && !final;
        return `<circle cx="${ex.toFixed(1)}" cy="${ey.toFixed(1)}" r="${L.axis * (current ? 0.6 : 0.4)}" fill="${current ? p.highlight : p.text}" stroke="${p.background}" stroke-width="${L.axis / 6}"/>`;
      })
      .join('');
    const goal = y(m.milestone);
    // The area under the curve is a flat tint: a gradient would band in the GIF's one palette.
    const graphics = `<rect width="${L.width}" height="${L.height}" fill="${p.background}"/>
      <rect x="${chart.left}" y="${base}" width="${chart.width}" height="2" fill="${p.line}"/>
      <path d="M${chart.left},${goal.toFixed(1)}H${chart.left + chart.width}" stroke="${p.line}" stroke-width="2" stroke-dasharray="8 8"/>
      ${ticks.map((t) => `<rect x="${x(t.day).toFixed(1)}" y="${base}" width="2" height="${L.axis / 2}" fill="${p.line}"/>`).join('')}
      <path d="${area}" fill="${p.accent}" fill-opacity="0.22"/>
      <path d="${line}" fill="none" stroke="${p.accent}" stroke-width="${L.axis / 4}" stroke-linejoin="round" stroke-linecap="round"/>
      ${dots}
      <circle cx="${pts.at(-1)![0].toFixed(1)}" cy="${pts.at(-1)![1].toFixed(1)}" r="${L.axis * 0.8}" fill="${p.highlight}" fill-opacity="0.3"/>
      <circle cx="${pts.at(-1)![0].toFixed(1)}" cy="${pts.at(-1)![1].toFixed(1)}" r="${L.axis * 0.4}" fill="${p.highlight}"/>`;
    const header = h(
      {
        flexDirection: 'column',
        width: headerWidth,
        alignItems: L.stacked ? 'center' : 'flex-start',
      },
      words(m.project.name.toUpperCase(), name, 700, p.accent, {
        letterSpacing: name * 0.08,
        textAlign: L.stacked ? 'center' : 'left',
      }),
      words(road, roadSize, 700, p.text, { marginTop: L.name * 0.3 }),
    );
    const counter = h(
      {
        alignItems: 'center',
        justifyContent: L.stacked ? 'center' : 'flex-end',
        ...(L.stacked ? { width: inset } : {}),
      },
      h({ marginRight: counterSize * 0.2 }, icon(m.metric, counterSize * 0.8, p.highlight)),
      counterText(formatCount(count), counterSize, p.text),
    );
    const caption = final
      ? words(m.message, message, 800, p.highlight, {
          textAlign: 'center',
          justifyContent: 'center',
          width: inset,
        })
      : latest
        ? h(
            {
              flexDirection: L.stacked ? 'column' : 'row',
              alignItems: 'center',
              justifyContent: 'center',
              width: inset,
            },
            words(shortDate(latest.date), L.caption, 400, p.accent, {
              marginRight: L.stacked ? 0 : L.caption * 0.5,
            }),
            words(latest.label, L.caption, 700, p.text, { textAlign: 'center' }),
          )
        : null;
    const layer = await render(
      h(
        { position: 'relative', width: L.width, height: L.height },
        L.stacked
          ? h(
              {
                position: 'absolute',
                left: pad,
                top: 48,
                width: inset,
                flexDirection: 'column',
                alignItems: 'center',
              },
              header,
            )
          : h(
              {
                position: 'absolute',
                left: pad,
                // Below the corner where the site puts its pause and full-size controls.
                top: 64,
                width: inset,
                justifyContent: 'space-between',
                alignItems: 'flex-start',
              },
              header,
              counter,
            ),
        L.stacked
          ? h(
              { position: 'absolute', left: pad, top: 250 - counterSize * 0.5, width: inset },
              counter,
            )
          : null,
        ...ticks.map((t) =>
          h(
            {
              position: 'absolute',
              left: x(t.day) - 60,
              top: chart.top + chart.height + L.axis * 0.7,
              width: 120,
              justifyContent: 'center',
            },
            words(t.label, L.axis, 400, p.muted),
          ),
        ),
        caption
          ? h(
              {
                position: 'absolute',
                left: pad,
                top: captionTop,
                width: inset,
                justifyContent: 'center',
              },
              caption,
            )
          : null,
      ),
      fonts,
      L.width,
      L.height,
    );
    return svgDocument(L.width, L.height, graphics + inner(layer));
  };

  const frames: Buffer[] = [];
  const delays: number[] = [];
  let seen = 0;
  for (let k = 0; k <= GROWTH_STEPS; k++) {
    frames.push(await frame(k, false));
    const day = start + ((end - start) * k) / GROWTH_STEPS;
    const passed = m.events.filter((e) => dayNumber(e.date) <= day).length;
    delays.push(passed > seen ? EVENT_HOLD_MS : k === 0 ? 600 : STEP_MS);
    seen = passed;
  }
  frames.push(await frame(GROWTH_STEPS, true));
  delays.push(MESSAGE_HOLD_MS);
  return { frames, delays, width: L.width, height: L.height, smallest: Math.min(...sizes) };
}

export const drawGrowth = (m: Milestone, fonts: Font[]) => composition(m, fonts, WIDE);
export const drawGrowthPhone = (m: Milestone, fonts: Font[]) => composition(m, fonts, PHONE);
