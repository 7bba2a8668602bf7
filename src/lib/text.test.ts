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

test('cleanText normalises to NFC and drops bidi controls and zero-width characters, keeping emoji joiners', () => {
  expect(cleanText('Cafe\u0301')).toBe('Café');
  expect(cleanText('a\u200Bb')).toBe('ab');
  expect(cleanText('\u202Egnp.exe\u202C title\u2066x\u2069')).toBe('gnp.exe titlex');
  expect(cleanText('a\u200Db \uFEFFc\u200Cd')).toBe('ab cd');
  expect(cleanText('👩\u200D💻')).toBe('👩\u200D💻');
  expect(cleanText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
});
