import { expect, test } from 'vitest';
import { headersFor, parseHeadersFile } from '../scripts/serve.mjs';

const FILE = `# comment
/*
  X-Content-Type-Options: nosniff
/_astro/*
  Cache-Control: immutable
/blog/%E5%90%91/
  Content-Security-Policy: default-src 'self'
`;

test('_headers rules apply by path pattern, specific rules adding to general ones', () => {
  const rules = parseHeadersFile(FILE);
  expect(rules).toHaveLength(3);
  expect(headersFor(rules, '/_astro/a.css')).toEqual({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'immutable' });
  expect(headersFor(rules, '/blog/%E5%90%91/')['Content-Security-Policy']).toBe("default-src 'self'");
  expect(headersFor(rules, '/blog/other/')['Content-Security-Policy']).toBeUndefined();
});

test('a header line outside a rule is an error', () => {
  expect(() => parseHeadersFile('  X: y')).toThrow(/cannot read/);
});
