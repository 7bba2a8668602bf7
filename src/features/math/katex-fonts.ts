import type { Plugin } from 'vite';

/**
 * KaTeX's stylesheet lists each font as woff2, woff and ttf. Every browser that can run this site
 * reads woff2, so the other two are left out of the stylesheet before Vite reads it, and only the
 * woff2 files (about 300 kB for all twenty, of which a page loads the few it uses) are copied into
 * the build.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'milestones:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css(\?|$)/.test(id)) return undefined;
      return { code: code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, ''), map: null };
    },
  };
}
