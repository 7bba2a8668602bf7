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

test('the policy allows nothing inline or evaluated but the listed inline scripts, and only the listed remote hosts', () => {
  const policy = contentSecurityPolicy();
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  for (const directive of ["default-src 'self'", "style-src 'self';", "object-src 'none'", "base-uri 'self'"]) expect(policy).toContain(directive);
  const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
  expect(scriptSrc).toBe(`script-src 'self' ${INLINE_SCRIPT_FILES.map((file) => `'${cspHash(readFileSync(file, 'utf8'))}'`).join(' ')}`);
  for (const host of allowedRemoteHosts.images) expect(policy).toContain(host);
});

test('the policy says nothing a <meta> policy cannot: framing is refused by X-Frame-Options', () => {
  expect(contentSecurityPolicy()).not.toMatch(/frame-ancestors|report-uri|sandbox/);
  expect(securityHeaders()['X-Frame-Options']).toBe('DENY');
});

test('every host sends the same policy, HSTS for at least a year, and the usual hardening headers', () => {
  const headers = securityHeaders();
  expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
  expect(Number(/^max-age=(\d+)/.exec(headers['Strict-Transport-Security'] ?? '')?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
  expect(headers['X-Content-Type-Options']).toBe('nosniff');
  const vercel = vercelHeaders();
  expect(vercel[0]?.headers.find((h) => h.key === 'Content-Security-Policy')?.value).toBe(contentSecurityPolicy());
});

test('Vercel gets each asset rule after the default, so the asset rule wins there', () => {
  const sources = vercelHeaders().map((rule) => rule.source);
  expect(sources).toEqual(['/(.*)', ...assetCacheRules.map((rule) => `/${rule.path.replace('*', '(.*)')}`)]);
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
] as const)('disallowedHost(%s, %s) = %s', (url, kind, expected) => expect(disallowedHost(url, kind)).toBe(expected));

test('inline script and style hashes are the base64 SHA-256 of the exact text', () => {
  expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
});
