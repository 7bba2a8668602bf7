import { rehypeShiki, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import { rehypeAlignToClass } from './rehype-align';
import { rehypeEmbedHosts } from '../security/rehype-embed-hosts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypeScrollTables } from './rehype-scroll-tables';
import { rehypeDescriptiveLinks } from './rehype-descriptive-links';
import { remarkCodeLanguages } from '../code/remark-code-languages';
import { remarkLeadDuplicates } from '../cover/remark-lead-duplicates';
import { remarkLocalImages } from './remark-local-images';
import { rehypeShikiClasses, shikiConfig } from '../code/shiki-classes';
import { mediaRehypePlugins } from '../media/plugins';

/**
 * The unified pipeline every post goes through. GFM comes from `remark-gfm` here (not the
 * processor's built-in switch) so its options live in one visible place.
 * Astro parses raw HTML only at the very end of its pipeline, so `rehype-raw` runs first here
 * to let our rehype plugins see elements written as HTML in posts. Shiki runs here too (Astro's
 * own highlighting is off) so that its colours can become classes for the strict CSP.
 */
export const markdownPipeline: UnifiedProcessorOptions = {
  gfm: false,
  remarkPlugins: [[remarkGfm, { singleTilde: false }], remarkLeadDuplicates, remarkCodeLanguages, remarkLocalImages],
  rehypePlugins: [
    rehypeRaw,
    ...mediaRehypePlugins(),
    [rehypeShiki, shikiConfig],
    rehypeShikiClasses,
    rehypeAlignToClass,
    rehypeHeadingAnchors,
    rehypeScrollTables,
    rehypeDescriptiveLinks,
    [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
    rehypeEmbedHosts,
  ],
};
