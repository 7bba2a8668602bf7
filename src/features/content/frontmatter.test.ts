import { describe, expect, test } from 'vitest';
import {
  parseCalendarDate,
  parseTags,
  postFrontmatterSchema,
  readCalendarDate,
  writtenDate,
} from './frontmatter';

describe('parseCalendarDate', () => {
  test.each([
    ['2022-04-12', { year: 2022, month: 4, day: 12 }],
    ['2026-6-3', { year: 2026, month: 6, day: 3 }],
    ['2021-04-08 04:14:03.7+00', { year: 2021, month: 4, day: 8 }],
    [new Date('2022-04-12T00:00:00Z'), { year: 2022, month: 4, day: 12 }],
  ])('%s', (input, expected) => expect(parseCalendarDate(input)).toEqual(expected));

  test.each(['next Tuesday', '2022-02-30', '2022-13-01', '', 42, null, new Date('nope')])(
    'rejects %s',
    (input) => expect(parseCalendarDate(input)).toBeUndefined(),
  );

  test.each([
    ['0099-01-01', /year 99: years from 1000 to 9999/],
    ['0999-12-31', /year 999/],
    ['10000-01-01', /year 10000/],
    [new Date('0050-06-01T00:00:00Z'), /year 50/],
    ['2024-02-30', /does not exist/],
  ])('refuses %s, saying why', (input, reason) =>
    expect(readCalendarDate(input)).toEqual({ error: expect.stringMatching(reason) }),
  );
});

test('every date field is checked: `updated` may not roll over or leave the four-digit years', () => {
  const base = { title: 'T', date: '2024-01-01' };
  for (const updated of ['2024-02-30', '0024-01-01']) {
    const result = postFrontmatterSchema.safeParse({ ...base, updated });
    expect(result.success, updated).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['updated']);
  }
  expect(writtenDate('date: 2024-01-01\nupdated: 2024-02-30 # fixed\n', 'updated')).toBe(
    '2024-02-30',
  );
  const ok = postFrontmatterSchema.parse({ ...base, updated: '1000-01-02' });
  expect(ok.updated?.toISOString()).toBe('1000-01-02T00:00:00.000Z');
});

test('parseTags splits, trims and de-duplicates (case-insensitively)', () => {
  expect(parseTags('Data science, Database,  Technology ,database,')).toEqual([
    'Data science',
    'Database',
    'Technology',
  ]);
  expect(parseTags(['A', ' B ', 3])).toEqual(['A', 'B', '3']);
  expect(parseTags(undefined)).toEqual([]);
  expect(parseTags(null)).toEqual([]);
});

describe('postFrontmatterSchema', () => {
  test('normalises the seed frontmatter', () => {
    const data = postFrontmatterSchema.parse({
      id: '2022-4-12-milvus-10k-stars.md',
      title: 'A Small Step for Milvus - 10,000 Stars ',
      author: 'The Milvus Community',
      date: new Date('2022-04-12T00:00:00Z'),
      desc: 'We recently hit an incredible milestone.',
      cover: 'assets.zilliz.com/1_c1b02d6ab8.png',
      tag: 'News',
      tags: 'Data science, Database, Technology, Artificial Intelligence, Vector Management',
      canonicalUrl: 'http://milvus.io/blog/2022-4-12-milvus-10k-stars.md',
    });
    expect(data).toMatchObject({
      title: 'A Small Step for Milvus - 10,000 Stars',
      cover: 'https://assets.zilliz.com/1_c1b02d6ab8.png',
      canonicalUrl: 'https://milvus.io/blog/2022-4-12-milvus-10k-stars.md',
      tags: [
        'Data science',
        'Database',
        'Technology',
        'Artificial Intelligence',
        'Vector Management',
      ],
      tag: 'News',
    });
    expect(data.date.toISOString()).toBe('2022-04-12T00:00:00.000Z');
  });

  test('accepts empty and missing optional fields, folded blocks and extra keys', () => {
    const data = postFrontmatterSchema.parse({
      title: 'Folded\ntitle\n',
      date: '2026-6-3',
      author: null,
      desc: 'A folded\ndescription\n',
      cover: null,
      tag: '',
      tags: null,
      canonicalURL: 'milvus.io/blog/x.md',
      recommend: true,
      origin: 'x',
      meta_title: 'y',
    });
    expect(data).toMatchObject({ title: 'Folded title', desc: 'A folded description', tags: [] });
    expect(data.author).toBeUndefined();
    expect(data.cover).toBeUndefined();
    expect(data.tag).toBeUndefined();
    expect(data.canonicalUrl).toBe('https://milvus.io/blog/x.md');
    expect(data.date.toISOString().slice(0, 10)).toBe('2026-06-03');
  });

  test.each([
    [{ date: '2022-04-12' }, 'title', /required/],
    [{ title: '', date: '2022-04-12' }, 'title', /required/],
    [{ title: 'x' }, 'date', /required/],
    [{ title: 'x', date: 'soon' }, 'date', /not a date/],
    [{ title: 'x', date: '2022-04-12', cover: 'a b c' }, 'cover', /not a URL/],
    [
      { title: 'x', date: '2022-04-12', canonicalUrl: 'javascript:alert(1)' },
      'canonicalUrl',
      /http\(s\)/,
    ],
  ])('rejects %o naming %s', (input, field, message) => {
    const result = postFrontmatterSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });
});

describe('writtenDate: the date as the author wrote it, before YAML rolls it over', () => {
  test.each([
    ['title: x\ndate: 2024-11-31\n', '2024-11-31'],
    ['date: "2024-11-31"\n', '2024-11-31'],
    ["date: '2021-04-08 04:14:03.7+00' # as exported\n", '2021-04-08 04:14:03.7+00'],
    ['date:   2026-6-3   \nauthor: a', '2026-6-3'],
    ['updated: 2024-01-01\n', undefined],
    ['date:\n', undefined],
  ])('%j → %s', (raw, expected) => expect(writtenDate(raw)).toBe(expected));

  test('the written day that does not exist is rejected, though YAML made a valid Date of it', () => {
    expect(parseCalendarDate(writtenDate('date: 2024-11-31\n'))).toBeUndefined();
  });
});
