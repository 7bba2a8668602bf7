import { expect, test } from 'vitest';
import { embedCard, providerName } from './embed-card';

test('a known host is named by its provider, any other by its host name', () => {
  expect(providerName(new URL('https://www.youtube-nocookie.com/embed/x'))).toBe('YouTube');
  expect(providerName(new URL('https://www.example.org/a'))).toBe('example.org');
});

test('the card links to the embed and shows provider, title and where it lives', () => {
  const card = embedCard(new URL('https://vimeo.com/123'), ' A talk ');
  expect(card.properties).toEqual({ href: 'https://vimeo.com/123', className: ['embed-card'] });
  const text = JSON.stringify(card.children);
  for (const part of ['Vimeo', 'A talk', 'vimeo.com/123']) expect(text).toContain(part);
});
