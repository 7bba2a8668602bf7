import { cleanText } from './text';

/** What a milestone counts, and the sign it is shown with (stars get ★; other counts their word). */
export interface Milestone {
  /** The number as displayed, grouped by thousands ("10,000", "1.2M", "35K"). */
  value: string;
  /** What is counted, as written ("Stars", "contributors"). */
  unit: string;
  /** The sign shown after the number instead of the word, when there is one ("★" for stars). */
  symbol?: string;
}

/** The milestone's place in the title: the text before it, it, the text after it. */
export interface TitleParts {
  before: string;
  milestone: string;
  after: string;
}

const UNITS =
  'stars?|stargazers|contributors|downloads|users|members|commits|forks|followers|installs|pull requests|releases';
/** A count ("10,000", "10000", "10K", "1.5 million", "35k+") then what it counts, optionally "GitHub". */
const MILESTONE = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:[KkMm]\b|million\b|thousand\b)|\d+)\+?\s+(?:GitHub\s+)?(${UNITS})\b`,
  'i',
);

const GROUPED = new Intl.NumberFormat('en-US');

function formatValue(raw: string): string {
  const plain = raw.replace(/\s+/g, ' ').trim();
  return /^\d+$/.test(plain) ? GROUPED.format(Number(plain)) : plain;
}

function fromMatch(match: RegExpExecArray): Milestone {
  const unit = match[2]!;
  return {
    value: formatValue(match[1]!),
    unit,
    ...(/^star/i.test(unit) && { symbol: '★' }),
  };
}

/** Where the title states a milestone ("… 10,000 Stars"), split around it. */
export function titleParts(title: string): TitleParts | undefined {
  const match = MILESTONE.exec(title);
  if (!match) return undefined;
  return {
    before: title.slice(0, match.index),
    milestone: match[0],
    after: title.slice(match.index + match[0].length),
  };
}

/**
 * The milestone a post celebrates: its `milestone` field when it has one ("10,000 stars", or a
 * bare number, counted in stars), else one stated in its title. A post with neither is a
 * normal post.
 */
export function milestoneOf(title: string, field?: string | number): Milestone | undefined {
  if (field !== undefined && String(field).trim() !== '') {
    const text = cleanText(String(field));
    const match = MILESTONE.exec(text);
    if (match) return fromMatch(match);
    if (/^\d[\d,]*$/.test(text))
      return { value: formatValue(text.replace(/,/g, '')), unit: 'stars', symbol: '★' };
    return { value: text, unit: '' };
  }
  const match = MILESTONE.exec(title);
  return match ? fromMatch(match) : undefined;
}
