import { describe, expect, test } from 'vitest';
import { displayTitle } from './text';
import { milestoneOf, titleParts } from './milestone';

describe('milestoneOf', () => {
  test('the seed’s title states 10,000 stars, shown as “10,000 ★”', () => {
    expect(milestoneOf('A Small Step for Milvus - 10,000 Stars')).toEqual({
      value: '10,000',
      unit: 'Stars',
      symbol: '★',
    });
  });

  test('counts written in other ways, and other things counted', () => {
    expect(milestoneOf('Milvus hits 35K GitHub stars')).toMatchObject({
      value: '35K',
      symbol: '★',
    });
    expect(milestoneOf('20000 stars!')).toMatchObject({ value: '20,000' });
    expect(milestoneOf('Thanks to 300 contributors')).toEqual({
      value: '300',
      unit: 'contributors',
    });
    expect(milestoneOf('1.5 million downloads')).toMatchObject({ value: '1.5 million' });
  });

  test('the post’s field wins over the title; a bare number counts stars', () => {
    expect(milestoneOf('Thank you', '50,000 stars')).toMatchObject({
      value: '50,000',
      symbol: '★',
    });
    expect(milestoneOf('Thank you', 50000)).toMatchObject({ value: '50,000', symbol: '★' });
    expect(milestoneOf('Thank you', 'Five years')).toEqual({ value: 'Five years', unit: '' });
  });

  test('a normal post has none: years, versions and dates are not milestones', () => {
    expect(milestoneOf('Milvus 2.0 is here')).toBeUndefined();
    expect(milestoneOf('What we learned in 2022')).toBeUndefined();
    expect(milestoneOf('Getting started with vector search')).toBeUndefined();
  });
});

describe('titleParts', () => {
  test('splits the title around the milestone', () => {
    expect(titleParts('A Small Step for Milvus – 10,000 Stars')).toEqual({
      before: 'A Small Step for Milvus – ',
      milestone: '10,000 Stars',
      after: '',
    });
    expect(titleParts('Milvus hits 35K stars on GitHub')?.after).toBe(' on GitHub');
  });
});

describe('displayTitle', () => {
  test('a spaced hyphen becomes an en dash; hyphenated words stay', () => {
    expect(displayTitle('A Small Step for Milvus - 10,000 Stars ')).toBe(
      'A Small Step for Milvus – 10,000 Stars ',
    );
    expect(displayTitle('Open-source vector search')).toBe('Open-source vector search');
    expect(displayTitle('- leading')).toBe('- leading');
  });
});
