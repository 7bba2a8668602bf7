import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { contrast } from './contrast.ts';
import { defaultSlug, loadMilestone, shortCount } from './data.ts';

const KESTREL = resolve('tests/fixtures/milestone/kestrel.yaml');

/** A valid data file's fields, with its history inline. */
const valid = () => ({
  project: { name: 'Tern', repository: 'tern/tern' },
  metric: 'downloads',
  milestone: 50000,
  date: '2030-05-01',
  title: 'Fifty thousand downloads',
  history: [
    { date: '2029-01-01', count: 10 },
    { date: '2030-01-01', count: 30000 },
  ],
  events: [{ date: '2029-06-01', label: 'Tern 1.0' }],
  brand: { background: '#101820', accent: '#4fd8ff', highlight: '#ffc94d' },
});

async function fileWith(data: unknown, extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'milestone-data-'));
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  const file = join(dir, 'milestone.yaml');
  await writeFile(file, typeof data === 'string' ? data : stringify(data));
  return file;
}

/** Loads `data` (changed by `change`) and returns the error message. */
async function failure(change: (d: ReturnType<typeof valid>) => unknown, extra = {}) {
  const d = valid();
  const file = await fileWith(change(d) ?? d, extra);
  const error = await loadMilestone(file).then(
    () => undefined,
    (e: Error) => e.message,
  );
  return { file, error };
}

describe('the milestone data file', () => {
  test('the test project loads: its CSV history, events in order, a logo, the default wording', async () => {
    const m = await loadMilestone(KESTREL);
    expect(m.history.length).toBeGreaterThan(60);
    expect(m.history[0]).toEqual({ date: '2026-03-14', count: 400 });
    expect(m.events.map((e) => e.date)).toEqual([...m.events.map((e) => e.date)].sort());
    expect(m.logo).toMatch(/^<svg/);
    expect(m.message).toBe('1,000,000 stars — thank you!');
    expect(m.where).toBe('on GitHub');
    expect(m.slug).toBe('kestrel-streamworks-observability-platform-1m-stars');
    // A light background: dark text, and every text colour reaches AA.
    for (const colour of [m.palette.text, m.palette.muted, m.palette.accent, m.palette.highlight])
      expect(contrast(colour, m.palette.background)).toBeGreaterThanOrEqual(4.5);
  });

  test.each([
    ['a missing field', (d: ReturnType<typeof valid>) => ({ ...d, title: undefined }), 'title'],
    [
      'a colour that is not one',
      (d: ReturnType<typeof valid>) => ({ ...d, brand: { ...d.brand, accent: 'teal' } }),
      'brand.accent',
    ],
    [
      'a date that does not exist',
      (d: ReturnType<typeof valid>) => ({ ...d, date: '2030-02-30' }),
      'date',
    ],
    [
      'a milestone that is not a whole number',
      (d: ReturnType<typeof valid>) => ({ ...d, milestone: 1.5 }),
      'milestone',
    ],
    [
      'an unknown field (a typo)',
      (d: ReturnType<typeof valid>) => ({ ...d, brand: { ...d.brand, higlight: '#fff' } }),
      'brand',
    ],
    [
      'an event without a label',
      (d: ReturnType<typeof valid>) => ({ ...d, events: [{ date: '2029-06-01' }] }),
      'events.0.label',
    ],
    [
      'an event after the milestone',
      (d: ReturnType<typeof valid>) => ({ ...d, events: [{ date: '2031-01-01', label: 'Later' }] }),
      'events.0.date',
    ],
    [
      'a history going back in time',
      (d: ReturnType<typeof valid>) => ({ ...d, history: [...d.history].reverse() }),
      'history',
    ],
    [
      'an accent too faint to read on the background',
      (d: ReturnType<typeof valid>) => ({ ...d, brand: { ...d.brand, accent: '#203040' } }),
      'brand.accent',
    ],
    [
      'a highlight the emblem number cannot be read on',
      (d: ReturnType<typeof valid>) => ({
        ...d,
        brand: { background: '#767676', accent: '#ffffff', highlight: '#000000' },
      }),
      'brand.background',
    ],
  ])('%s fails naming the file and the field', async (_, change, field) => {
    const { file, error } = await failure(change);
    expect(error).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${field.replace('.', '\\.')}[:.]`,
      ),
    );
  });

  test('a contrast failure says the ratio and a colour that passes', async () => {
    const { error } = await failure((d) => ({ ...d, brand: { ...d.brand, highlight: '#334455' } }));
    const [, ratio, better] = /contrast ([\d.]+):1.*\(try (#[0-9a-f]{6})\)/.exec(error!)!;
    expect(Number(ratio)).toBeLessThan(4.5);
    expect(contrast(better!, '#101820')).toBeGreaterThanOrEqual(4.5);
  });

  test('a history CSV: errors name the CSV line', async () => {
    const { error } = await failure((d) => ({ ...d, history: 'h.csv' }), {
      'h.csv': 'date,count\n2029-01-01,10\n2029-02-01,ten\n',
    });
    expect(error).toMatch(
      /milestone\.yaml: history: h\.csv:3: expected "YYYY-MM-DD,count", found "2029-02-01,ten"/,
    );
    const missing = await failure((d) => ({ ...d, history: 'nowhere.csv' }));
    expect(missing.error).toMatch(/: history: cannot read nowhere\.csv/);
  });

  test('not YAML, and a logo that is not SVG, fail naming the file', async () => {
    const file = await fileWith('project: [unclosed');
    await expect(loadMilestone(file)).rejects.toThrow(`${file}: not valid YAML`);
    const { error } = await failure((d) => ({ ...d, brand: { ...d.brand, logo: 'logo.png' } }), {
      'logo.png': 'PNG',
    });
    expect(error).toMatch(/: brand\.logo: logo\.png is not an SVG file$/);
  });
});

test.each([
  [999, '999'],
  [1000, '1K'],
  [10000, '10K'],
  [35000, '35K'],
  [1500, '1.5K'],
  [1_000_000, '1M'],
  [2_500_000, '2.5M'],
])('shortCount(%d) is %s', (n, short) => expect(shortCount(n)).toBe(short));

test('default slugs: from the name and the short milestone; names without Latin letters get a prefix', () => {
  expect(defaultSlug('Milvus', 10000, 'stars')).toBe('milvus-10k-stars');
  expect(defaultSlug('向量数据库', 1000, 'stars')).toBe('milestone-1k-stars');
});
