import { afterEach, expect, test } from 'vitest';
import { formatPostDate, isoDay } from './dates';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

test.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
  'a post date reads the same in %s',
  (tz) => {
    process.env.TZ = tz;
    const date = new Date(Date.UTC(2022, 3, 12)); // midnight UTC, as the schema stores a date;
    expect(formatPostDate(date)).toBe('April 12, 2022');
    expect(isoDay(date)).toBe('2022-04-12');
  },
);
