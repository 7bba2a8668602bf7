import { expect, test } from 'vitest';
import { resolveContentEditUrl } from './site';

test('CONTENT_EDIT_URL: unset means no edit links; a URL gets its trailing slash; anything else is refused', () => {
  expect(resolveContentEditUrl({})).toBeUndefined();
  expect(resolveContentEditUrl({ CONTENT_EDIT_URL: ' ' })).toBeUndefined();
  expect(resolveContentEditUrl({ CONTENT_EDIT_URL: 'https://github.com/o/r/edit/main/blog' })).toBe(
    'https://github.com/o/r/edit/main/blog/',
  );
  expect(() => resolveContentEditUrl({ CONTENT_EDIT_URL: 'github.com/o/r' })).toThrow(
    /CONTENT_EDIT_URL "github.com\/o\/r" is not an absolute http\(s\) URL/,
  );
  expect(() => resolveContentEditUrl({ CONTENT_EDIT_URL: 'ftp://host/x' })).toThrow(/http\(s\)/);
});
