import { expect, test } from 'vitest';
import { groupByYear } from './archive';

const post = (id: string, day: string) => ({ id, date: new Date(`${day}T00:00:00Z`) });

test('posts by year, newest year first and newest post first in each, every post once', () => {
  const groups = groupByYear([
    post('a', '2021-03-01'),
    post('b', '2022-12-31'),
    post('c', '2022-01-01'),
    post('d', '2020-07-15'),
    post('e', '2022-06-30'),
  ]);
  expect(groups.map(({ year, posts }) => [year, posts.map((p) => p.id)])).toEqual([
    [2022, ['b', 'e', 'c']],
    [2021, ['a']],
    [2020, ['d']],
  ]);
});

test('the year is the calendar year of the post, whatever the machine’s time zone', () => {
  expect(groupByYear([post('new-year', '2023-01-01')])[0]?.year).toBe(2023);
});
