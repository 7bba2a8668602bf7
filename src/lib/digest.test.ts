import { expect, test } from 'vitest';
import { digest } from './digest';

test('a digest is short, stable and tells its parts apart', () => {
  expect(digest('a', 1)).toMatch(/^[0-9a-f]{10}$/);
  expect(digest('a', 1)).toBe(digest('a', 1));
  expect(digest('a', 1)).not.toBe(digest('a1'));
});
