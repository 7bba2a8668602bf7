import { expect, test } from 'vitest';
import { pageLinks } from './pagination';

test('a short list shows every page', () => {
  expect(pageLinks(1, 1)).toEqual([1]);
  expect(pageLinks(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

test('a long list shows the ends and the pages around the current one, with gaps for the rest', () => {
  expect(pageLinks(1, 15)).toEqual([1, 2, 3, 'gap', 15]);
  expect(pageLinks(8, 15)).toEqual([1, 'gap', 6, 7, 8, 9, 10, 'gap', 15]);
  expect(pageLinks(15, 15)).toEqual([1, 'gap', 13, 14, 15]);
});

test('a gap never hides a single page', () => {
  expect(pageLinks(5, 15)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 15]);
  expect(pageLinks(4, 8, 1)).toEqual([1, 2, 3, 4, 5, 'gap', 8]);
});

test('pages that do not exist are refused', () => {
  expect(() => pageLinks(0, 3)).toThrow();
  expect(() => pageLinks(4, 3)).toThrow();
  expect(() => pageLinks(1, 0)).toThrow();
});
