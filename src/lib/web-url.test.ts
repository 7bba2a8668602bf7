import { describe, expect, test } from 'vitest';
import { normaliseWebUrl } from './web-url';

describe('normaliseWebUrl', () => {
  test.each([
    ['assets.zilliz.com/1_c1b02d6ab8.png', 'https://assets.zilliz.com/1_c1b02d6ab8.png'],
    ['http://milvus.io/blog/x.md', 'https://milvus.io/blog/x.md'],
    ['//cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['https://milvus.io/blog/', 'https://milvus.io/blog/'],
  ])('%s → %s', (input, expected) => expect(normaliseWebUrl(input)).toEqual({ url: expected }));

  test.each(['not a url', 'javascript:alert(1)', 'mailto:a@b.c', 'https://exa mple.com/'])(
    'rejects %s',
    (input) => expect(normaliseWebUrl(input)).toHaveProperty('error'),
  );
});
