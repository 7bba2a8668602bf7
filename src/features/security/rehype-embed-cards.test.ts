import { expect, test } from 'vitest';
import { runRehype } from '../markdown/plugin-testing';
import { rehypeEmbedCards } from './rehype-embed-cards';

const run = (html: string) => runRehype([rehypeEmbedCards], html);

test('a Vimeo or Spotify player becomes a link card naming the provider, title and URL', async () => {
  const { html, notes } = await run(
    '<iframe src="https://player.vimeo.com/video/1" title="A demo"></iframe><iframe src="https://open.spotify.com/embed/episode/e"></iframe>',
  );
  expect(html).toBe(
    '<a href="https://player.vimeo.com/video/1" class="embed-card"><span class="embed-card-provider">Vimeo</span>: <span class="embed-card-title">A demo</span> <span class="embed-card-url">player.vimeo.com/video/1</span></a>' +
      '<a href="https://open.spotify.com/embed/episode/e" class="embed-card"><span class="embed-card-provider">Spotify</span> <span class="embed-card-url">open.spotify.com/embed/episode/e</span></a>',
  );
  expect(notes).toEqual([
    '[csp] <iframe> from https://player.vimeo.com is shown as a link (not in allowedRemoteHosts.frames, src/features/security/security.ts)',
    '[csp] <iframe> from https://open.spotify.com is shown as a link (not in allowedRemoteHosts.frames, src/features/security/security.ts)',
  ]);
});

test('video from another host (in src or in a source) becomes a card too', async () => {
  const { html } = await run(
    '<video controls><source src="https://cdn.example.net/v.mp4" type="video/mp4"></video>',
  );
  expect(html).toContain(
    '<a href="https://cdn.example.net/v.mp4" class="embed-card"><span class="embed-card-provider">cdn.example.net</span>',
  );
});

test('allowed hosts and the site’s own files stay; an embed with nothing to load goes', async () => {
  const kept =
    '<iframe src="https://www.youtube.com/embed/x"></iframe><video src="https://assets.zilliz.com/v.mp4"></video><video src="/media/v.mp4"></video>';
  expect((await run(kept)).html).toBe(kept);
  expect((await run('<p>a<iframe></iframe>b</p>')).html).toBe('<p>ab</p>');
});

test('sources are resolved against the page first: protocol-relative and same-origin frames become cards; same-origin media stays', async () => {
  const page = 'https://site.example/blog/';
  const { html, notes } = await runRehype(
    [[rehypeEmbedCards, { page }]],
    '<iframe src="//player.example.net/v/1"></iframe><iframe src="/blog/other/"></iframe>' +
      '<audio controls><source src="//cdn.example.net/a.mp3"></audio><audio src="/media/a.mp3"></audio>',
  );
  expect(html).toContain('<a href="https://player.example.net/v/1" class="embed-card">');
  expect(html).toContain('<a href="https://site.example/blog/other/" class="embed-card">');
  expect(html).toContain('<a href="https://cdn.example.net/a.mp3" class="embed-card">');
  expect(html).toContain('<audio src="/media/a.mp3"></audio>');
  expect(notes).toEqual([
    '[csp] <iframe> from https://player.example.net is shown as a link (not in allowedRemoteHosts.frames, src/features/security/security.ts)',
    '[csp] <iframe> from https://site.example is shown as a link (not in allowedRemoteHosts.frames, src/features/security/security.ts)',
    '[csp] <audio> from https://cdn.example.net is shown as a link (not in allowedRemoteHosts.media, src/features/security/security.ts)',
  ]);
});
