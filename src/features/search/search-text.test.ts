import { describe, expect, test } from 'vitest';
import {
  correctQuery,
  correctWord,
  editDistance,
  excerptParts,
  searchWords,
  titleAndTagWords,
} from './search-text';

test('words are runs of letters and digits, lower-cased, in any script', () => {
  expect(searchWords('Milvus 2.0: GPU-Index, 向量 search!')).toEqual([
    'milvus',
    '2',
    '0',
    'gpu',
    'index',
    '向量',
    'search',
  ]);
});

test('title and tag words: each once, four letters or more, the most used first', () => {
  expect(
    titleAndTagWords([
      { title: 'Milvus on Kubernetes', tags: ['Kubernetes', 'Cloud'] },
      { title: 'Milvus 2.0 Released', tags: ['Release'] },
    ]),
  ).toEqual(['milvus', 'cloud', 'kubernetes', 'release', 'released']);
});

describe('editDistance', () => {
  test.each([
    ['query', 'query', 0],
    ['qurey', 'query', 1],
    ['qury', 'query', 1],
    ['queery', 'query', 1],
    ['quxry', 'query', 1],
    ['kubernetse', 'kubernetes', 1],
    ['kbernetse', 'kubernetes', 2],
  ])('%s → %s: %i', (a, b, distance) => expect(editDistance(a, b, 2)).toBe(distance));

  test('stops above the limit', () => expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2));
});

describe('correction to the words of titles and tags', () => {
  const vocabulary = ['milvus', 'query', 'kubernetes', 'queries', 'release'];

  test.each([
    ['qurey', 'query'],
    ['mivlus', 'milvus'],
    ['kuberntes', 'kubernetes'],
    ['kbernetse', 'kubernetes'],
  ])('%s → %s', (word, meant) => expect(correctWord(word, vocabulary)).toBe(meant));

  test.each([
    ['query', 'a known word'],
    ['kube', 'the start of one'],
    ['que', 'too short to correct'],
    ['compaction', 'nothing close: a word of the text, left to the full-text search'],
  ])('%s is left alone (%s)', (word) => expect(correctWord(word, vocabulary)).toBeUndefined());

  test('a query is corrected word by word, or not at all', () => {
    expect(correctQuery('Qurey node on kuberntes', vocabulary)).toBe('query node on kubernetes');
    expect(correctQuery('query node', vocabulary)).toBeUndefined();
  });
});

describe('excerptParts', () => {
  test('marked words apart, entities decoded, no markup kept', () => {
    expect(
      excerptParts('the <mark>query</mark> node &amp; &lt;b&gt; <mark>Qu&#39;ery</mark>'),
    ).toEqual([
      { text: 'the ', marked: false },
      { text: 'query', marked: true },
      { text: ' node & <b> ', marked: false },
      { text: "Qu'ery", marked: true },
    ]);
  });

  test('stray tags are dropped, never parsed', () => {
    expect(excerptParts('a <img src=x onerror=alert(1)>b')).toEqual([
      { text: 'a b', marked: false },
    ]);
  });
});
