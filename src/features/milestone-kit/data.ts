// The milestone data file: one YAML file per milestone, validated with zod. Every error names
// the file and the field (`milestones/x.yaml: brand.accent: ...`).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ContrastError, HEX_COLOUR, paletteFor, type Palette } from './contrast.ts';
import {
  checkHistory,
  HistoryError,
  isIsoDate,
  parseHistoryCsv,
  type HistoryPoint,
} from './history.ts';

const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD');
const colour = z.string().regex(HEX_COLOUR, 'expected a colour as #rrggbb or #rgb');
const text = z.string().trim().min(1, 'must not be empty');

/** What is counted. The common ones have their wording built in; anything else names its own. */
export const METRICS = ['stars', 'contributors', 'downloads', 'forks', 'users', 'members'];

const output = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).optional(),
  name: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/,
      'expected a file name without extension, lowercase, - and / only',
    )
    .optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-" only')
    .optional(),
});

export const milestoneSchema = z.strictObject({
  project: z.strictObject({
    name: text.max(80),
    /** owner/name on GitHub. */
    repository: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name, as in github.com/owner/name'),
  }),
  /** What is counted: stars, contributors, downloads, forks, users, members, or any plural noun. */
  metric: text.max(30).regex(/^[\p{L}\p{N} -]+$/u, 'expected a plural noun such as stars'),
  /** Where it is counted, after the number ("on GitHub"); "" for nothing. Default by metric. */
  where: z.string().max(30).optional(),
  milestone: z.number().int().positive().max(999_999_999_999),
  date: isoDate,
  /** The post's title. */
  title: text.max(140),
  /** The last frame's message; default "10,000 stars — thank you!". */
  message: text.max(60).optional(),
  /** The wallpapers' thanks; default "Thank you, everyone who contributed!". */
  thanks: text.max(60).optional(),
  /** A `date,count` CSV beside the data file, or the points inline. */
  history: z.union([
    text,
    z.array(z.strictObject({ date: isoDate, count: z.number().int().nonnegative() })),
  ]),
  events: z
    .array(z.strictObject({ date: isoDate, label: text.max(48) }))
    .max(8, 'at most 8 events fit the timeline')
    .default([]),
  brand: z.strictObject({
    background: colour,
    accent: colour,
    highlight: colour,
    /** An SVG file beside the data file, drawn on the cover and the wallpapers. */
    logo: text.optional(),
  }),
  /**
   * Per drawn picture: the address the post uses for it (default: one on the site; the media
   * data entry is keyed by it), its file name without extension (default `<slug>-cover`, ...,
   * relative to the output folder) and the slug of the files the site serves (default: the
   * file's name).
   */
  media: z
    .strictObject({
      cover: output,
      growth: output,
      timeline: output,
      wallpaper: output,
    })
    .partial()
    .default({}),
  /** Base of the drawn files' names; default: project name and milestone (`milvus-10k-stars`). */
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lowercase words joined by hyphens')
    .optional(),
});

export type MilestoneData = z.infer<typeof milestoneSchema>;

export interface Milestone extends Omit<
  MilestoneData,
  'history' | 'brand' | 'where' | 'message' | 'thanks' | 'slug'
> {
  /** The data file, as given. */
  file: string;
  where: string;
  message: string;
  thanks: string;
  slug: string;
  history: HistoryPoint[];
  palette: Palette;
  /** The logo's SVG markup, if the brand has one. */
  logo?: string;
}

export class MilestoneError extends Error {}

const WHERE: Record<string, string> = {
  stars: 'on GitHub',
  forks: 'on GitHub',
  contributors: 'on GitHub',
};

/** 10000 → "10,000"; always en-US grouping, so the art is the same on every machine. */
export const formatCount = (n: number) => n.toLocaleString('en-US');

/** 10000 → "10K", 1500000 → "1.5M": the emblem's short form. */
export function shortCount(n: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) {
      const value = n / size;
      const digits = value >= 100 || Number.isInteger(value) ? 0 : 1;
      return `${Number(value.toFixed(digits))}${unit}`;
    }
  }
  return String(n);
}

/** `milvus` + 10000 → `milvus-10k-stars`. */
export function defaultSlug(name: string, milestone: number, metric: string): string {
  const words = `${name} ${shortCount(milestone)} ${metric}`
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return words.startsWith('-') || /^\d/.test(words) || !/[a-z]/.test(words.split('-')[0]!)
    ? `milestone-${words}`.replace(/-+/g, '-').replace(/-$/, '')
    : words;
}

/** Validates parsed YAML; `file` names the data file in errors, `read` loads files it refers to. */
export async function milestoneFrom(
  raw: unknown,
  file: string,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<Milestone> {
  const result = milestoneSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || '(top level)';
    throw new MilestoneError(`${file}: ${field}: ${issue.message}`);
  }
  const data = result.data;
  const beside = (path: string) => resolve(dirname(file), path);
  let history: HistoryPoint[];
  try {
    if (typeof data.history === 'string') {
      const csv = await read(beside(data.history)).catch(() => {
        throw new HistoryError(`cannot read ${data.history} (beside the data file)`);
      });
      history = parseHistoryCsv(csv, data.history);
    } else {
      history = data.history;
      checkHistory(history, 'inline');
    }
  } catch (error) {
    if (error instanceof HistoryError)
      throw new MilestoneError(`${file}: history: ${error.message}`);
    throw error;
  }
  if (history[0]!.date >= data.date)
    throw new MilestoneError(
      `${file}: history: starts on ${history[0]!.date}, not before the milestone's date ${data.date}`,
    );
  const late = data.events.findIndex((e) => e.date < history[0]!.date || e.date > data.date);
  if (late >= 0)
    throw new MilestoneError(
      `${file}: events.${late}.date: ${data.events[late]!.date} is outside the history (${history[0]!.date} to ${data.date})`,
    );
  let palette: Palette;
  try {
    palette = paletteFor(data.brand);
  } catch (error) {
    if (error instanceof ContrastError) throw new MilestoneError(`${file}: ${error.message}`);
    throw error;
  }
  let logo: string | undefined;
  if (data.brand.logo) {
    logo = await read(beside(data.brand.logo)).catch(() => {
      throw new MilestoneError(
        `${file}: brand.logo: cannot read ${data.brand.logo} (beside the data file)`,
      );
    });
    if (!/<svg[\s>]/.test(logo))
      throw new MilestoneError(`${file}: brand.logo: ${data.brand.logo} is not an SVG file`);
  }
  const { brand: _brand, ...rest } = data;
  return {
    ...rest,
    file,
    where: data.where ?? WHERE[data.metric] ?? '',
    message: data.message ?? `${formatCount(data.milestone)} ${data.metric} — thank you!`,
    thanks: data.thanks ?? 'Thank you, everyone who contributed!',
    slug: data.slug ?? defaultSlug(data.project.name, data.milestone, data.metric),
    events: [...data.events].sort((a, b) => a.date.localeCompare(b.date)),
    history,
    palette,
    logo,
  };
}

/** Reads and validates a data file. */
export async function loadMilestone(file: string): Promise<Milestone> {
  const source = await readFile(file, 'utf8').catch(() => {
    throw new MilestoneError(`${file}: cannot read the data file`);
  });
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    throw new MilestoneError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return milestoneFrom(raw, file);
}
