import { expect, test } from 'vitest';
import { contrast, paletteFor } from './contrast.ts';

test('contrast ratios as WCAG defines them', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777', '#fff')).toBeCloseTo(4.48, 2);
  expect(contrast('#fff', '#fff')).toBe(1);
});

test('every text colour of a palette reaches AA on the background, dark or light', () => {
  for (const brand of [
    { background: '#0b1a2e', accent: '#00a1ea', highlight: '#ffc94d' },
    { background: '#f7f3ea', accent: '#8a3b12', highlight: '#1d4e89' },
  ]) {
    const p = paletteFor(brand);
    for (const colour of [p.text, p.muted, p.accent, p.highlight])
      expect(contrast(colour, p.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.onHighlight, p.highlight)).toBeGreaterThanOrEqual(4.5);
  }
});
