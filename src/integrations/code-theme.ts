import type { AstroIntegration } from 'astro';
import { codeThemeCss } from '../lib/markdown/shiki-classes';

const ID = 'virtual:code-theme.css';

/** Serves the classes that replace Shiki's inline colours as `virtual:code-theme.css`. */
export function codeThemeStyles(): AstroIntegration {
  return {
    name: 'code-theme-styles',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'code-theme-css',
                resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
                load: (id: string) => (id === `\0${ID}` ? codeThemeCss() : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
