import { afterEach, expect, test } from 'vitest';
import { calendarDateToUtc } from '../features/content/frontmatter';
import { formatPostDate, isoDay } from './dates';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

test.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
  'a post date reads the same in %s',
  (tz) => {
    process.env.TZ = tz;
    const date = calendarDateToUtc({ year: 2022, month: 4, day: 12 });
    expect(formatPostDate(date)).toBe('April 12, 2022');
    expect(isoDay(date)).toBe('2022-04-12');
  },
);
