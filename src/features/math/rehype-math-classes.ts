import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { shortHash } from '../../lib/text';

/**
 * KaTeX lays out math with `style` attributes (heights, offsets, colours), which the strict
 * Content-Security-Policy blocks. Each declaration becomes a class, and the rules for this post's
 * classes are kept with its render result (`mathStyles` in the metadata frontmatter); the post page
 * inlines them, hashed for the policy, with KaTeX's stylesheet (MathStyles.astro). Unlike Shiki's,
 * KaTeX's values are open-ended numbers, so the rules are collected per post, not known in advance.
 */

const MATH_ROOTS = new Set(['katex', 'katex-display', 'katex-error']);

/** A short, stable class name for one declaration. */
export function mathClassFor(declaration: string): string {
  return `kx-${shortHash(declaration)}`;
}

/**
 * The rule for a declaration. `!important` keeps what the inline style had: precedence over every
 * rule of KaTeX's stylesheet.
 */
export function mathRule(declaration: string): string {
  return `.${mathClassFor(declaration)}{${declaration}!important}`;
}

function classesOf(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/\s+/)
      : [];
}

/** `height:0.6444em;vertical-align:0em;` → its declarations, normalised. */
function declarationsOf(style: string): string[] {
  return (
    style
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.includes(':'))
      .map((part) => {
        const colon = part.indexOf(':');
        return `${part.slice(0, colon).trim().toLowerCase()}:${part.slice(colon + 1).trim()}`;
      })
      // Nothing that could load or run anything: KaTeX writes lengths and colours only.
      .filter((declaration) => !/url\(|expression\(|@import|[<>{}\\]/i.test(declaration))
  );
}

export function rehypeMathClasses() {
  return (tree: Root, file: VFile) => {
    const declarations = new Set<string>();
    visit(tree, 'element', (root: Element) => {
      if (!classesOf(root).some((name) => MATH_ROOTS.has(name))) return undefined;
      visit(root, 'element', (node: Element) => {
        const style = node.properties.style;
        if (typeof style !== 'string') return;
        delete node.properties.style;
        const found = declarationsOf(style);
        if (!found.length) return;
        for (const declaration of found) declarations.add(declaration);
        node.properties.className = [...classesOf(node), ...found.map(mathClassFor)];
      });
      return 'skip';
    });
    if (!declarations.size) return;
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??=
      {});
    (astro.frontmatter ??= {}).mathStyles = [...declarations].sort().map(mathRule).join('\n');
  };
}

/** The per-post rules `rehypeMathClasses` kept (from `render()`'s `remarkPluginFrontmatter`). */
export function mathStylesOf(frontmatter: unknown): string {
  const styles = (frontmatter as Record<string, unknown> | undefined)?.mathStyles;
  return typeof styles === 'string' ? styles : '';
}
