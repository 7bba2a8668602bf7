import { expect, test } from 'vitest';
import { cleanText, truncate } from './text';

test('cleanText folds line breaks and runs of spaces', () => {
  expect(cleanText('  A Small Step\n  for   Milvus ')).toBe('A Small Step for Milvus');
});

test('truncate keeps short text and never splits an emoji', () => {
  expect(truncate('short', 10)).toBe('short');
  const cut = truncate('ab 👩‍👩‍👧 cd', 6);
  expect(cut).toBe('ab…');
  expect([...truncate('x'.repeat(300), 70)].length).toBe(70);
});
