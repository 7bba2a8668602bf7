import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { rehypeAlignToClass } from './rehype-align';
import { remarkCodeLanguages } from './remark-code-languages';
import { remarkLeadDuplicates } from './remark-lead-duplicates';
import { remarkLocalImages } from './remark-local-images';
import { rehypeMediaEntry } from './rehype-media';

/**
 * The unified pipeline every post goes through. GFM comes from `remark-gfm` here (not the
 * processor's built-in switch) so its options live in one visible place.
 * Astro parses raw HTML only at the very end of its pipeline, so `rehype-raw` runs first here
 * to let our rehype plugins see elements written as HTML in posts.
 */
export const markdownPipeline: UnifiedProcessorOptions = {
  gfm: false,
  remarkPlugins: [[remarkGfm, { singleTilde: false }], remarkLeadDuplicates, remarkCodeLanguages, remarkLocalImages],
  rehypePlugins: [rehypeRaw, rehypeAlignToClass, rehypeMediaEntry],
};
