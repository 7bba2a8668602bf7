import { expect, test } from 'vitest';
import { readingMinutes } from './reading-time';

test('counts words, not markup, and never says zero', () => {
  expect(readingMinutes('', 200)).toBe(1);
  const words = Array.from({ length: 1000 }, () => 'word').join(' ');
  expect(readingMinutes(words, 200)).toBe(5);
  const markup = `![alt text here](https://example.com/a-very-long-image-url.png) [link](https://example.com/x) <div align="center">`;
  expect(readingMinutes(`${markup}\n${words}`, 200)).toBe(5);
});

test('counts CJK characters as words', () => {
  expect(readingMinutes('向'.repeat(600), 200)).toBe(3);
});
