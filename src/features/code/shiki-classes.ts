import type { Element, Root } from 'hast';
import githubDark from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light-default.mjs';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { shortHash } from '../../lib/text';

/**
 * Shiki colours code with `style` attributes, which a strict Content-Security-Policy blocks.
 * Every declaration Shiki can write for our two themes is known in advance (the themes' colours and
 * font styles), so each becomes a class, and the policy needs no `'unsafe-inline'` at all. Because
 * the set is known in advance, one stylesheet serves every page with code, cached or not.
 */
export const codeThemes = { light: githubLight, dark: githubDark } as const;
// The -default variants: github-light/github-dark token colours fail WCAG AA contrast (axe).
export const shikiConfig = {
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
} as const;

interface ThemeLike {
  colors?: Record<string, unknown>;
  tokenColors?: { settings?: { foreground?: string; background?: string } }[];
}

function themeColors(theme: ThemeLike): string[] {
  const colors = new Set<string>();
  for (const value of Object.values(theme.colors ?? {}))
    if (typeof value === 'string') colors.add(value.toLowerCase());
  for (const { settings } of theme.tokenColors ?? []) {
    if (settings?.foreground) colors.add(settings.foreground.toLowerCase());
    if (settings?.background) colors.add(settings.background.toLowerCase());
  }
  return [...colors];
}

const FONT_DECLARATIONS: Array<[string, string[]]> = [
  ['font-style', ['italic', 'inherit']],
  ['font-weight', ['bold', 'inherit']],
  ['text-decoration', ['underline', 'line-through', 'underline line-through', 'inherit']],
];

/** Every `property:value` Shiki may emit for the two themes (the light one is the default colour). */
export function codeThemeDeclarations(): string[] {
  // Astro's Shiki wrapper adds these (scrolling, wrapping, unselectable diff markers).
  const declarations = new Set<string>([
    'overflow-x:auto',
    'white-space:pre-wrap',
    'word-wrap:break-word',
    'user-select:none',
  ]);
  for (const color of themeColors(codeThemes.light as ThemeLike)) {
    declarations.add(`color:${color}`).add(`background-color:${color}`);
  }
  for (const color of themeColors(codeThemes.dark as ThemeLike)) {
    declarations.add(`--shiki-dark:${color}`).add(`--shiki-dark-bg:${color}`);
  }
  // Font styles are never the default colour's plain property: with two themes Shiki writes each
  // theme's as a variable (`--shiki-light-font-style:italic`), which src/styles/prose.css applies per scheme.
  for (const [property, values] of FONT_DECLARATIONS) {
    for (const value of values) {
      declarations
        .add(`${property}:${value}`)
        .add(`--shiki-light-${property}:${value}`)
        .add(`--shiki-dark-${property}:${value}`);
    }
  }
  return [...declarations];
}

/** A short, stable class name for one declaration. */
export function classFor(declaration: string): string {
  return `sk-${shortHash(declaration)}`;
}

/**
 * The rule behind a declaration's class. Shiki writes the light theme's colours as plain `color` and
 * `background-color`; they become variables like the dark ones, so the stylesheet picks a theme's
 * pair with `light-dark()` (src/styles/prose.css).
 */
function ruleFor(declaration: string): string {
  const css = declaration
    .replace(/^color:/, '--shiki-light:')
    .replace(/^background-color:/, '--shiki-light-bg:');
  return `.${classFor(declaration)}{${css}}`;
}

export function codeThemeCss(declarations: readonly string[] = codeThemeDeclarations()): string {
  return [SCHEME_RULES, ...declarations.map(ruleFor)].join('\n');
}

/**
 * How the classes' variables become colours and font styles in each scheme. They live here, in
 * the sheet only pages with code link, not in every post's inline CSS: font styles are not
 * colours, so light-dark() cannot pick them and each scheme reads its own.
 */
const SCHEME_RULES = `.astro-code,.astro-code span{color:light-dark(var(--shiki-light),var(--shiki-dark))}
.astro-code{background-color:light-dark(var(--shiki-light-bg),var(--shiki-dark-bg))}
.astro-code span{font-style:var(--shiki-light-font-style,inherit);font-weight:var(--shiki-light-font-weight,inherit);text-decoration:var(--shiki-light-text-decoration,inherit)}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]) .astro-code span{font-style:var(--shiki-dark-font-style,inherit);font-weight:var(--shiki-dark-font-weight,inherit);text-decoration:var(--shiki-dark-text-decoration,inherit)}}
:root[data-theme=dark] .astro-code span{font-style:var(--shiki-dark-font-style,inherit);font-weight:var(--shiki-dark-font-weight,inherit);text-decoration:var(--shiki-dark-text-decoration,inherit)}`;

function normalise(declaration: string): string {
  const colon = declaration.indexOf(':');
  return `${declaration.slice(0, colon).trim().toLowerCase()}:${declaration
    .slice(colon + 1)
    .trim()
    .toLowerCase()}`;
}

interface StyleClasses {
  classes: string[];
  /** Declarations with no class (which the policy would block). */
  kept: string[];
}

export function rehypeShikiClasses() {
  const known = new Set(codeThemeDeclarations());
  // Shiki writes a handful of distinct style strings, each thousands of times.
  const byStyle = new Map<string, StyleClasses>();
  const classesOf = (style: string): StyleClasses => {
    let result = byStyle.get(style);
    if (!result) {
      result = { classes: [], kept: [] };
      for (const raw of style.split(';')) {
        if (!raw.includes(':')) continue;
        const declaration = normalise(raw);
        if (known.has(declaration)) result.classes.push(classFor(declaration));
        else result.kept.push(declaration);
      }
      byStyle.set(style, result);
    }
    return result;
  };
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (pre: Element) => {
      // Shiki's hast spells the attribute `class`, rehype's `className`.
      const preClass = String(pre.properties.class ?? pre.properties.className ?? '');
      if (pre.tagName !== 'pre' || !/\bastro-code\b/.test(preClass)) return;
      visit(pre, 'element', (node: Element) => {
        const style = node.properties.style;
        if (typeof style !== 'string') return;
        const existing = node.properties.class ?? node.properties.className;
        const own = Array.isArray(existing)
          ? existing.map(String)
          : typeof existing === 'string'
            ? existing.split(/\s+/)
            : [];
        delete node.properties.class;
        const { classes: added, kept } = classesOf(style);
        const classes = [...own, ...added];
        if (classes.length) node.properties.className = classes;
        else delete node.properties.className;
        if (kept.length) {
          node.properties.style = kept.join(';');
          console.warn(
            `[csp] ${file.path ?? 'markdown'}: code style "${kept.join(';')}" has no class; the policy will block it`,
          );
        } else {
          delete node.properties.style;
        }
      });
      return SKIP;
    });
  };
}
