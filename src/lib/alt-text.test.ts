import { describe, expect, test } from 'vitest';
import { isMeaninglessAlt } from './alt-text';

describe('isMeaninglessAlt', () => {
  test.each(['Gif2', 'Cover image', 'image', '', ' 3 '])('"%s" says nothing', (alt) =>
    expect(isMeaninglessAlt(alt)).toBe(true),
  );
  test('a real description says something', () =>
    expect(isMeaninglessAlt('Milvus timeline')).toBe(false));
});
