import { rehypeShiki, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { rehypeAlignToClass } from './rehype-align';
import { rehypeEmbedCards } from '../security/rehype-embed-cards';
import { rehypeEmbedHosts } from '../security/rehype-embed-hosts';
import { rehypeLinkHosts } from '../security/rehype-link-hosts';
import { rehypeSanitizePost } from '../security/rehype-sanitize-post';
import { rehypeEmptyLinks } from './rehype-empty-links';
import { rehypeHeadingAnchors } from './rehype-heading-anchors';
import { rehypePostLinks } from './rehype-post-links';
import { rehypeScrollTables } from './rehype-scroll-tables';
import { rehypeSectionHeadings } from './rehype-section-headings';
import { rehypeDescriptiveLinks } from './rehype-descriptive-links';
import { remarkCodeLanguages } from '../code/remark-code-languages';
import { remarkLeadDuplicates } from '../cover/remark-lead-duplicates';
import { rehypeLocalImages, remarkLocalImages } from './local-images';
import { remarkSmartPunctuation } from './remark-smart-punctuation';
import { remarkTagLikeText } from './remark-tag-like-text';
import { rehypeShikiClasses, shikiConfig } from '../code/shiki-classes';
import { rehypeRestoreCode, rehypeSetAsideCode } from '../code/set-aside-code';
import { rehypeMathClasses } from '../math/rehype-math-classes';
import { mediaRehypePlugins } from './media-plugins';
import type { KnownPosts } from '../content/post-files';

export interface PipelineOptions {
  /** The site's posts, for links between them (`readKnownPosts`, read once at config time). */
  posts?: KnownPosts;
}

/**
 * The unified pipeline every post goes through. GFM comes from `remark-gfm` here (not the
 * processor's built-in switch) so its options live in one visible place.
 *
 * Order matters:
 * - remark: placeholders like `<port>` become text before anything reads them as HTML; the title
 *   and cover the layout shows are dropped from the body;
 * - `rehype-raw` first (Astro parses raw HTML only at the very end of its pipeline), then the
 *   sanitiser, so it judges everything the author wrote and nothing the site adds after it;
 * - then the site's own markup: math, media, Shiki (whose colours become classes for the strict
 *   CSP), section headings and anchors, links; these never look inside highlighted code, which is
 *   set aside while they run (set-aside-code.ts).
 * Only `$$…$$` is math: posts write prices like $5 and $10.
 */
export function createMarkdownPipeline({
  posts = {},
}: PipelineOptions = {}): UnifiedProcessorOptions {
  return {
    gfm: false,
    // Astro's smart punctuation, computed the same way but cheaper (remark-smart-punctuation.ts). It
    // runs first, where Astro runs its own: remark-gfm and remark-math only extend the parser.
    smartypants: false,
    remarkPlugins: [
      remarkSmartPunctuation,
      [remarkGfm, { singleTilde: false }],
      [remarkMath, { singleDollarTextMath: false }],
      remarkTagLikeText,
      remarkLeadDuplicates,
      remarkCodeLanguages,
      remarkLocalImages,
    ],
    rehypePlugins: [
      rehypeRaw,
      rehypeSanitizePost,
      rehypeLocalImages,
      rehypeEmbedCards,
      [rehypeKatex, { output: 'htmlAndMathml' }],
      rehypeMathClasses,
      ...mediaRehypePlugins(),
      [rehypeShiki, shikiConfig],
      rehypeShikiClasses,
      rehypeSetAsideCode,
      rehypeAlignToClass,
      rehypeSectionHeadings,
      rehypeHeadingAnchors,
      rehypeScrollTables,
      rehypeLinkHosts,
      rehypeEmptyLinks,
      [rehypePostLinks, { posts }],
      rehypeDescriptiveLinks,
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
      rehypeEmbedHosts,
      rehypeRestoreCode,
    ],
  };
}

/** The pipeline without the site's list of posts (for tests of single posts). */
export const markdownPipeline: UnifiedProcessorOptions = createMarkdownPipeline();
