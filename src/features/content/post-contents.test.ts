import { expect, test } from 'vitest';
import {
  decodePost,
  NESTING_LIMIT,
  nestingDepth,
  POST_SIZE_LIMIT,
  postContentProblem,
} from './post-contents';

const bytes = (text: string) => new TextEncoder().encode(text);

test('UTF-8 (with or without a byte order mark) is read; other encodings are named', () => {
  expect(decodePost(bytes('---\ntitle: Café\n---\n'))).toEqual({ text: '---\ntitle: Café\n---\n' });
  expect(decodePost(Buffer.from('\ufeff---\ntitle: x\n---\n', 'utf16le'))).toEqual({
    error: expect.stringMatching(/is not UTF-8: it looks like UTF-16 LE\. Save it as UTF-8/),
  });
  expect(decodePost(Buffer.from('---\ntitle: x\n', 'utf16le'))).toEqual({
    error: expect.stringMatching(/UTF-16 LE \(no byte order mark\)/),
  });
  expect(decodePost(Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'))).toEqual({
    error: expect.stringMatching(/Windows-1252 or Latin-1/),
  });
});

test('nesting depth counts the markers a line opens with and the indentation before them, not fenced code', () => {
  expect(nestingDepth('- a\n  - b\n    - c\n\n> quote\n> > deeper')).toBe(3);
  expect(nestingDepth('- '.repeat(20_000) + 'x')).toBeGreaterThan(NESTING_LIMIT);
  const indented = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
  expect(nestingDepth(indented)).toBeGreaterThan(NESTING_LIMIT);
  expect(nestingDepth('```\n' + '- '.repeat(200) + '\n```\ntext')).toBe(0);
  expect(nestingDepth('Text with - dashes - inside and 1. numbers')).toBe(0);
});

test('a post too large, too deep or not UTF-8 gets one reason; a real post none', () => {
  expect(postContentProblem(bytes('---\ntitle: T\n---\n\n- a\n  - b\n'))).toBeUndefined();
  expect(postContentProblem(new Uint8Array(POST_SIZE_LIMIT + 1).fill(0x61))).toMatch(
    /is 1\.0 MB, over the limit of 1 MB for one post/,
  );
  expect(postContentProblem(bytes('- '.repeat(20_000)))).toMatch(
    /nests lists or block quotes more than 50 levels deep/,
  );
});
