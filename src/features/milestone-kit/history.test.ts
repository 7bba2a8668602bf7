import { describe, expect, test } from 'vitest';
import { countOn, curveTo, dayNumber, historyCsv, parseHistoryCsv } from './history.ts';

describe('history', () => {
  test('a CSV with or without a header, blank lines skipped, written back the same', () => {
    const points = parseHistoryCsv('date,count\n2020-01-01,1\n\n2020-01-03,5\n', 'h.csv');
    expect(points).toEqual([
      { date: '2020-01-01', count: 1 },
      { date: '2020-01-03', count: 5 },
    ]);
    expect(parseHistoryCsv('2020-01-01,1\r\n2020-01-03,5', 'h.csv')).toEqual(points);
    expect(historyCsv(points)).toBe('date,count\n2020-01-01,1\n2020-01-03,5\n');
  });

  test.each([
    ['2020-01-01,1,2\n2020-01-02,3', /h\.csv:1: expected/],
    ['2020-01-01,1\n2020-01-01,3', /2020-01-01 comes after 2020-01-01/],
    ['2020-01-01,1', /at least two/],
    ['2020-13-01,1\n2021-01-01,2', /h\.csv:1/],
  ])('%j is refused', (csv, message) =>
    expect(() => parseHistoryCsv(csv, 'h.csv')).toThrow(message),
  );

  test('the count between two points is read off the line joining them; the curve ends on the milestone', () => {
    const points = [
      { date: '2020-01-01', count: 0 },
      { date: '2020-01-11', count: 100 },
      { date: '2020-02-01', count: 120 },
    ];
    expect(countOn(points, dayNumber('2020-01-06'))).toBe(50);
    expect(countOn(points, dayNumber('2019-01-01'))).toBe(0);
    expect(countOn(points, dayNumber('2021-01-01'))).toBe(120);
    expect(curveTo(points, '2020-01-20', 110)).toEqual([
      points[0],
      points[1],
      { date: '2020-01-20', count: 110 },
    ]);
  });
});
