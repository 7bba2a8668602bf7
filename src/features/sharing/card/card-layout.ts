import { SHARE_CARD } from './card-size.ts';

// The card's input, geometry, design tokens and element helper: what every other card module builds on.

export const CARD_WIDTH = SHARE_CARD.width;
export const CARD_HEIGHT = SHARE_CARD.height;
/** Crawlers fetch the card on every share; 100 KB keeps that fast on any connection. */
export const CARD_MAX_BYTES = 100_000;
/** Bump when the design changes, so cached cards from the old design are not reused. */
export const CARD_TEMPLATE_VERSION = 1;

export interface CardInput {
  title: string;
  /** The site's name, shown as a small line above the title. */
  siteName: string;
  /** e.g. "Author · April 12, 2022". */
  byline: string;
  /** e.g. "milestones.milvus.io". */
  host: string;
  /** A local cover image. `carriesTitle`: the art already shows the title, so it is shown alone. */
  cover?: { data: Buffer; carriesTitle?: boolean };
}

export interface RenderedCard {
  data: Buffer;
  type: 'image/jpeg';
  width: typeof CARD_WIDTH;
  height: typeof CARD_HEIGHT;
  /** True when the card came from the cache directory, without drawing. */
  fromCache: boolean;
  /** Characters no bundled font can draw; they are left out of the card (the caller warns). */
  missing: string[];
}

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

export type CardLayout =
  | { template: 'typographic'; text: Box }
  | { template: 'cover-only'; cover: Box }
  | { template: 'cover-beside' | 'cover-above'; cover: Box; text: Box };

export const BRAND = {
  background: '#0b1a2e',
  /** Two discs in the bottom-right corner, a shade and two lighter than the background. */
  arcOuter: '#0d1f36',
  arcInner: '#10253f',
  accent: '#00a1ea',
  /** The accent lightened for small text on the navy. */
  accentText: '#4cc4ff',
  title: '#ffffff',
  byline: '#c3d2e6',
  rule: '#22344b',
  /** The hairline around a cover (1 px of it shows around the picture). */
  frame: '#2f4663',
} as const;

/** The Latin Inter face is named like this; every other face is a fallback. */
export const PRIMARY_FONT = 'Inter';

/** Outer margin of the cover layouts. */
const PAD = 56;
/** Space between the cover and the title area. */
const GAP = 48;
/** Beside the title, a cover is at most this wide, so the title column keeps ~460 px. */
const BESIDE_MAX_COVER_WIDTH = 576;
/** ...and this wide for a long title, whose column then grows to ~600 px. */
const BESIDE_MAX_COVER_WIDTH_LONG = 440;
/** Covers at least this wide (width / height) go above the title instead of beside it. */
const WIDE_COVER_ASPECT = 2.4;
/** Above the title, a cover is at most this tall, leaving a band for two title lines and a byline... */
const ABOVE_MAX_COVER_HEIGHT = 300;
/** ...or up to four, for a long title. */
const ABOVE_MAX_COVER_HEIGHT_LONG = 230;
/** A title longer than this (in ems of its font, ~100 characters) gets more room beside or below a cover. */
const LONG_TITLE_EMS = 48;
const ABOVE_GAP = 32;
/** Corner radius of a cover shown beside or above the title. */
export const COVER_RADIUS = 12;
/** Margins of the typographic card. */
const TEXT_PAD_X = 80;
const TEXT_PAD_Y = 64;

/** The cover scaled to fit `max` (up or down), keeping its aspect ratio. */
function fitSize(cover: Size, max: Size): Size {
  const scale = Math.min(max.width / cover.width, max.height / cover.height);
  return {
    width: Math.max(1, Math.round(cover.width * scale)),
    height: Math.max(1, Math.round(cover.height * scale)),
  };
}

export const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Control characters and line breaks become spaces; runs of spaces collapse. */
export function cardText(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Roughly how wide `text` is, in ems of Inter Bold at -0.02em tracking: only a first guess (satori measures). */
export function guessWidth(text: string): number {
  let ems = 0;
  for (const { segment } of graphemes.segment(text)) {
    const codePoint = segment.codePointAt(0) ?? 0;
    if (segment === ' ') ems += 0.22;
    else if (codePoint >= 0x1100)
      ems += 1; // CJK, full-width forms, emoji
    else if (/[ijlrtf.,:;'!|()[\]-]/.test(segment)) ems += 0.33;
    else if (/[mwMW]/.test(segment)) ems += 0.86;
    else if (/[A-Z]/.test(segment)) ems += 0.68;
    else if (/[0-9]/.test(segment)) ems += 0.6;
    else ems += 0.55;
  }
  return ems;
}

/**
 * Where the cover and the title go, from the cover's pixel size and the title's length (pure;
 * the renderer places elements at exactly these boxes). Without a cover (or its size), the
 * typographic card.
 */
export function cardLayout(input: CardInput, coverSize?: Size): CardLayout {
  if (!input.cover || !coverSize || coverSize.width <= 0 || coverSize.height <= 0) {
    return {
      template: 'typographic',
      text: {
        x: TEXT_PAD_X,
        y: TEXT_PAD_Y,
        width: CARD_WIDTH - 2 * TEXT_PAD_X,
        height: CARD_HEIGHT - 2 * TEXT_PAD_Y,
      },
    };
  }
  if (input.cover.carriesTitle) {
    const size = fitSize(coverSize, { width: CARD_WIDTH, height: CARD_HEIGHT });
    return {
      template: 'cover-only',
      cover: {
        x: Math.round((CARD_WIDTH - size.width) / 2),
        y: Math.round((CARD_HEIGHT - size.height) / 2),
        ...size,
      },
    };
  }
  const long = guessWidth(cardText(input.title)) > LONG_TITLE_EMS;
  if (coverSize.width / coverSize.height >= WIDE_COVER_ASPECT) {
    const size = fitSize(coverSize, {
      width: CARD_WIDTH - 2 * PAD,
      height: long ? ABOVE_MAX_COVER_HEIGHT_LONG : ABOVE_MAX_COVER_HEIGHT,
    });
    const cover = { x: Math.round((CARD_WIDTH - size.width) / 2), y: PAD, ...size };
    const top = cover.y + cover.height + ABOVE_GAP;
    return {
      template: 'cover-above',
      cover,
      text: { x: PAD, y: top, width: CARD_WIDTH - 2 * PAD, height: CARD_HEIGHT - PAD - top },
    };
  }
  const size = fitSize(coverSize, {
    width: long ? BESIDE_MAX_COVER_WIDTH_LONG : BESIDE_MAX_COVER_WIDTH,
    height: CARD_HEIGHT - 2 * PAD,
  });
  const cover = {
    x: CARD_WIDTH - PAD - size.width,
    y: Math.round((CARD_HEIGHT - size.height) / 2),
    ...size,
  };
  return {
    template: 'cover-beside',
    cover,
    text: { x: PAD, y: PAD, width: cover.x - GAP - PAD, height: CARD_HEIGHT - 2 * PAD },
  };
}

export type Style = Record<string, string | number>;
export type Child = CardElement | string | null | undefined | false;

export interface CardElement {
  type: string;
  props: { style?: Style; children?: Child | Child[]; [attribute: string]: unknown };
}

/** `h('div', { style }, ...children)`; a div with several children must have `display: flex`. */
export function h(
  type: string,
  props: { style?: Style; [attribute: string]: unknown },
  ...children: Child[]
): CardElement {
  const kept = children.filter((child) => child !== null && child !== undefined && child !== false);
  return { type, props: { ...props, children: kept.length === 1 ? kept[0] : kept } };
}

export const TITLE_STYLE: Style = { fontWeight: 700, color: BRAND.title, letterSpacing: '-0.02em' };
export const TITLE_LINE_HEIGHT = 1.12;
