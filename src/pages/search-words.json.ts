import type { APIRoute } from 'astro';
import { getPosts } from '../features/content/posts';
import { titleAndTagWords } from '../features/search/search-text';

// The words a mistyped query word is corrected to: those of the published posts' titles and tags.
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(titleAndTagWords(await getPosts())), {
    headers: { 'Content-Type': 'application/json' },
  });
