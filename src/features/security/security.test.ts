import { expect, test } from 'vitest';
import { allowedRemoteHosts, cspDirectives, disallowedHost, cspHash, pageHeaderPolicy, staticHeaderPolicy } from './security';

test('the policy allows nothing inline or evaluated, and only the listed remote hosts', () => {
  const policy = cspDirectives({ forHeader: true }).join('; ');
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "default-src 'self'"]) {
    expect(policy).toContain(directive);
  }
  for (const host of allowedRemoteHosts.images) expect(policy).toContain(host);
  expect(cspDirectives({ forHeader: false }).join(';')).not.toContain('frame-ancestors');
});

test('a page header policy is its meta policy plus frame-ancestors', () => {
  expect(pageHeaderPolicy("default-src 'self'; script-src 'self' 'sha256-x';")).toBe(
    "default-src 'self'; script-src 'self' 'sha256-x'; frame-ancestors 'none'",
  );
});

test('the static header policy leaves scripts and styles to the page', () => {
  const policy = staticHeaderPolicy();
  expect(policy).not.toMatch(/default-src|script-src |style-src/);
  expect(policy).toContain("script-src-attr 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
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
