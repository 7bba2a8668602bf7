import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  allowedRemoteHosts,
  assetCacheRules,
  contentSecurityPolicy,
  cspHash,
  disallowedHost,
  INLINE_SCRIPT_FILES,
  securityHeaders,
  vercelHeaders,
} from './security';

const directive = (policy: string, name: string) =>
  policy.split('; ').find((d) => d.startsWith(`${name} `));

test('the policy allows nothing inline or evaluated but the listed inline scripts and the given inline stylesheets, and only the listed remote hosts', () => {
  const policy = contentSecurityPolicy(['a{color:red}']);
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|unsafe-hashes|\*/);
  for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'"])
    expect(policy).toContain(d);
  expect(directive(policy, 'script-src')).toBe(
    `script-src 'self' 'wasm-unsafe-eval' ${INLINE_SCRIPT_FILES.map((file) => `'${cspHash(readFileSync(file, 'utf8'))}'`).join(' ')}`,
  );
  expect(directive(policy, 'style-src')).toBe(`style-src 'self' '${cspHash('a{color:red}')}'`);
  expect(directive(contentSecurityPolicy([]), 'style-src')).toBe("style-src 'self'");
  for (const host of allowedRemoteHosts.images) expect(policy).toContain(host);
});

test('each distinct inline stylesheet is one hash, whatever order the pages were read in', () => {
  const styles = ['b{}', 'a{}', 'b{}', 'c{}'];
  const policy = contentSecurityPolicy(styles);
  expect(contentSecurityPolicy([...styles].reverse())).toBe(policy);
  const hashes = directive(policy, 'style-src')?.split(' ').slice(2) ?? [];
  expect(hashes.sort()).toEqual(['a{}', 'b{}', 'c{}'].map((css) => `'${cspHash(css)}'`).sort());
});

test('the policy says nothing a <meta> policy cannot: framing is refused by X-Frame-Options', () => {
  expect(contentSecurityPolicy([])).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  expect(securityHeaders([])['X-Frame-Options']).toBe('DENY');
});

test('every host sends the same policy, HSTS for at least a year, and the usual hardening headers', () => {
  const styles = ['a{color:red}'];
  const headers = securityHeaders(styles);
  expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy(styles));
  expect(
    Number(/^max-age=(\d+)/.exec(headers['Strict-Transport-Security'] ?? '')?.[1]),
  ).toBeGreaterThanOrEqual(365 * 24 * 3600);
  expect(headers['X-Content-Type-Options']).toBe('nosniff');
  const vercel = vercelHeaders(styles);
  expect(vercel[0]?.headers.find((h) => h.key === 'Content-Security-Policy')?.value).toBe(
    contentSecurityPolicy(styles),
  );
});

test('Vercel gets each asset rule after the default, so the asset rule wins there', () => {
  const sources = vercelHeaders([]).map((rule) => rule.source);
  expect(sources).toEqual([
    '/(.*)',
    ...assetCacheRules.map((rule) => `/${rule.path.replace('*', '(.*)')}`),
  ]);
});

test.each([
  ['https://assets.zilliz.com/a.png', 'images', undefined],
  ['/local.png', 'images', undefined],
  ['data:image/png;base64,AAAA', 'images', undefined],
  // Images cannot run code: any https host may serve them (security.ts says why).
  ['https://evil.example/a.png', 'images', undefined],
  ['http://evil.example/a.png', 'images', undefined],
  ['https://player.vimeo.com/video/1', 'frames', 'https://player.vimeo.com'],
  ['https://cdn.example/v.mp4', 'media', 'https://cdn.example'],
  ['https://www.youtube.com/embed/x', 'frames', undefined],
  ['https://assets.zilliz.com/x', 'frames', 'https://assets.zilliz.com'],
] as const)('disallowedHost(%s, %s) = %s', (url, kind, expected) =>
  expect(disallowedHost(url, kind)).toBe(expected),
);

test('inline script and style hashes are the base64 SHA-256 of the exact text', () => {
  expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
});
