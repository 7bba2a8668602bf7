import {
  CARD_HEIGHT,
  graphemes,
  guessWidth,
  h,
  TITLE_LINE_HEIGHT,
  TITLE_STYLE,
  type CardElement,
  type Style,
} from './card-layout.ts';

// Title size: the largest size whose lines fit, measured by satori itself.

export interface TitleFit {
  size: number;
  maxLines: number;
  /** False when even the smallest size needs more lines: the title is then cut with "…". */
  fits?: boolean;
}

export interface TitleScale {
  /** Candidate sizes, largest first, each with the most lines it may take. */
  steps: TitleFit[];
}

/** Typographic card: 84 px for short titles down to 56 px (still 19 px when X shows the card 400 px wide). */
export const TYPOGRAPHIC_TITLE: TitleScale = {
  steps: [
    { size: 84, maxLines: 3 },
    { size: 74, maxLines: 3 },
    { size: 66, maxLines: 4 },
    { size: 60, maxLines: 4 },
    { size: 56, maxLines: 4 },
    // Past ~140 characters, a fifth line rather than a smaller size or a cut title.
    { size: 56, maxLines: 5 },
  ],
};

/** Beside a cover, the column is ~460 px (~600 px for long titles): 60 px down to 44 px. */
export const BESIDE_TITLE: TitleScale = {
  steps: [
    { size: 60, maxLines: 3 },
    { size: 54, maxLines: 4 },
    { size: 48, maxLines: 5 },
    { size: 44, maxLines: 7 },
  ],
};

/** Below a wide cover, a band of two lines (up to four for long titles, whose cover is smaller). */
export const ABOVE_TITLE: TitleScale = {
  steps: [
    { size: 56, maxLines: 2 },
    { size: 50, maxLines: 2 },
    { size: 44, maxLines: 2 },
    { size: 44, maxLines: 3 },
    { size: 44, maxLines: 4 },
  ],
};

/** Lines never exceed what fits in `height` (line heights are whole pixels in satori). */
export function capLines(scale: TitleScale, height: number): TitleScale {
  return {
    steps: scale.steps.map((step) => ({
      size: step.size,
      maxLines: Math.max(
        1,
        Math.min(step.maxLines, Math.floor(height / Math.round(step.size * TITLE_LINE_HEIGHT))),
      ),
    })),
  };
}

/** Words (and, in CJK text, single characters, which can break anywhere) with their guessed widths. */
function guessWords(text: string): Array<{ ems: number; spaceBefore: boolean }> {
  const words: Array<{ ems: number; spaceBefore: boolean }> = [];
  let spaceBefore = false;
  let word = '';
  const flush = () => {
    if (word) words.push({ ems: guessWidth(word), spaceBefore });
    word = '';
    spaceBefore = false;
  };
  for (const { segment } of graphemes.segment(text)) {
    if (segment === ' ') {
      flush();
      spaceBefore = true;
    } else if ((segment.codePointAt(0) ?? 0) >= 0x2e80) {
      flush();
      words.push({ ems: 1, spaceBefore });
      spaceBefore = false;
    } else word += segment;
  }
  flush();
  return words;
}

/** Guessed widths run a little narrow (no kerning, no rounding); this evens out over- and under-guesses. */
const GUESS_MARGIN = 1.04;

/**
 * The size to draw first: the largest whose lines, wrapped word by word with guessed widths,
 * fit. Right for most titles; a wrong guess costs a second satori pass.
 */
export function guessFit(title: string, width: number, scale: TitleScale): TitleFit {
  const words = guessWords(title);
  for (const step of scale.steps) {
    let lines = 1;
    let used = 0;
    for (const word of words) {
      const added = (used && word.spaceBefore ? guessWidth(' ') : 0) + word.ems;
      if (used && (used + added) * step.size * GUESS_MARGIN > width) {
        lines += 1;
        used = word.ems;
      } else used += added;
    }
    if (lines <= step.maxLines) return { ...step, fits: true };
  }
  const last = scale.steps[scale.steps.length - 1];
  if (!last) throw new Error('render-card: a title scale needs at least one step');
  return { ...last, fits: false };
}

/**
 * Copies of the title at the candidate sizes `sizes`, laid out but not drawn, for
 * `onNodeDetected` to read their heights. Below the card, so satori skips their glyphs (it builds
 * the outlines of hidden text, then drops them; text outside the card it skips); `position:
 * absolute` moves nothing else. Balancing keeps the number of lines, so the copies skip it.
 */
export function titleProbes(
  title: string,
  width: number,
  sizes: number[],
): CardElement | undefined {
  if (!sizes.length) return undefined;
  const hidden: Style = {
    position: 'absolute',
    left: 0,
    top: 2 * CARD_HEIGHT,
    visibility: 'hidden',
  };
  return h(
    'div',
    { style: { ...hidden, display: 'flex', flexDirection: 'column', width } },
    ...sizes.map((size) =>
      h(
        'div',
        {
          'data-size': size,
          style: {
            display: 'block',
            visibility: 'hidden',
            width,
            fontSize: size,
            lineHeight: TITLE_LINE_HEIGHT,
            ...TITLE_STYLE,
          },
        },
        title,
      ),
    ),
  );
}

/** The largest step whose measured lines fit; if none, the smallest, clamped with "…". */
export function bestFit(heights: Map<number, number>, scale: TitleScale): TitleFit {
  for (const step of scale.steps) {
    const height = heights.get(step.size);
    const lines =
      height === undefined
        ? Infinity
        : Math.round(height / Math.round(step.size * TITLE_LINE_HEIGHT));
    if (lines <= step.maxLines) return { ...step, fits: true };
  }
  const last = scale.steps[scale.steps.length - 1];
  if (!last) throw new Error('render-card: a title scale needs at least one step');
  return { ...last, fits: false };
}

export function sameFit(a: TitleFit, b: TitleFit): boolean {
  return a.size === b.size && a.maxLines === b.maxLines && a.fits === b.fits;
}
