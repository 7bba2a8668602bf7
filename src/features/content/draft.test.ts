import { expect, test } from 'vitest';
import { isDraftFrontmatter } from './draft';

test.each([
  [{ isPublish: false }, true],
  [{ isPublish: 'false' }, true],
  [{ isPublish: 'No' }, true],
  [{ draft: true }, true],
  [{ draft: 'yes' }, true],
  [{ isPublish: true, draft: true }, true],
  [{ isPublish: true }, false],
  [{ draft: false }, false],
  [{ isPublish: '' }, false],
  [{ isPublish: null }, false],
  [{}, false],
])('%o is a draft: %s', (frontmatter, draft) =>
  expect(isDraftFrontmatter(frontmatter)).toBe(draft),
);
