import { expect, test } from 'vitest';
import { builtSite } from '../support/sites';

// `astro check` (TypeScript strict and Astro diagnostics) runs in the setup beside the builds.
const { code, output } = await builtSite('check');

test('astro check finds no error, warning or hint', () => {
  expect(code, output).toBe(0);
  expect(output).toMatch(/- 0 errors\s+- 0 warnings\s+- 0 hints/);
});
