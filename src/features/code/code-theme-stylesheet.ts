import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { codeThemeCss } from './shiki-classes';

/** The module id pages import (`virtual:code-theme.css?url`) for the code colours' stylesheet. */
export const CODE_THEME_ID = 'virtual:code-theme.css';
/** Where Vite thinks the stylesheet lives: a path, so Vite names, hashes and serves it like any CSS file. */
const FILE = fileURLToPath(new URL('./code-theme.css', import.meta.url));

/**
 * A Vite plugin that serves the code colours (every class `rehypeShikiClasses` may write) as one
 * stylesheet generated from the themes: built into `_astro/` with a content hash like the other
 * CSS, linked only by pages with code, cached across them, and allowed by `style-src 'self'`.
 */
export function codeThemeStylesheet(): Plugin {
  let servedAs = '';
  return {
    name: 'milestones:code-theme-stylesheet',
    configResolved(config) {
      servedAs = `/${relative(config.root, FILE).split(sep).join('/')}`;
    },
    resolveId(id) {
      const [path, query] = id.split('?');
      if (path === CODE_THEME_ID) return query ? `${FILE}?${query}` : FILE;
      // Vite imports the file again by its path while bundling it; the dev server asks for it by URL.
      if (path === FILE) return id;
      if (path === servedAs) return query ? `${FILE}?${query}` : FILE;
      return undefined;
    },
    load(id) {
      return id.split('?')[0] === FILE ? codeThemeCss() : undefined;
    },
  };
}
