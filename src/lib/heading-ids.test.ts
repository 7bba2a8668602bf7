import { describe, expect, test } from 'vitest';
import { milvusHeadingId, milvusHeadingIds, titleTargets } from './heading-ids';

test.each([
  ['Special event', 'Special-event'],
  ['  What is  new in Milvus 2.0? ', 'What-is-new-in-Milvus-2.0?'],
  ['第一节', '第一节'],
])('milvus.io id of "%s" is "%s"', (text, id) => expect(milvusHeadingId(text)).toBe(id));

describe('the ids links written for milvus.io use, with or without ? . , : !', () => {
  test.each([
    [
      'What is database security and why is it important?',
      [
        'What-is-database-security-and-why-is-it-important?',
        'What-is-database-security-and-why-is-it-important',
      ],
    ],
    [
      'How to manage string data in Milvus 2.1',
      ['How-to-manage-string-data-in-Milvus-2.1', 'How-to-manage-string-data-in-Milvus-21'],
    ],
    ['Step 1: install it!', ['Step-1:-install-it!', 'Step-1-install-it']],
    ['Lists, sets, and maps', ['Lists,-sets,-and-maps', 'Lists-sets-and-maps']],
    ['Plain heading', ['Plain-heading']],
  ])('"%s"', (text, ids) => expect(milvusHeadingIds(text)).toEqual(ids));
});

test('the title gets its slug and milvus.io aliases', () =>
  expect(titleTargets("What's New: Part 1")).toEqual({
    id: 'whats-new-part-1',
    aliases: ["What's-New:-Part-1", "What's-New-Part-1"],
  }));
