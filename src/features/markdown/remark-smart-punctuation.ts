import type { Node, Parent, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Nodes whose text is read (the literals) or that start a fresh run of text (the blocks). */
const LITERALS = new Set(['text', 'inlineCode']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Children of these MDX elements are code, not prose (and of a fragment, as Astro's plugin has it). */
const RAW_ELEMENTS = new Set(['style', 'script']);

/**
 * What retext-smartypants needs before its dash, ellipsis or backtick rules can change a text:
 * `--`, two backticks or two single quotes, or two dots with only white space between them (its
 * tokeniser's white space, `parse-latin`). A text without any of them comes out as it went in.
 */
const PUNCTUATION_RULE =
  /--|``|''|\.[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*\./;

function isLiteral(node: Node): node is Node & { value: string } {
  return typeof (node as { value?: unknown }).value === 'string';
}

/**
 * Smart punctuation as Astro's `smartypants` option gives it (remark-smartypants): the same two
 * retext passes with the same options and the same output, only cheaper. Quotes are educated once
 * over the whole post's text, so quotes around links and emphasis pair up; dashes, ellipses and
 * backticks per text node. The second pass parsed every text node of every post (about a quarter of the
 * markdown time); here it runs only on text that has something for it to change.
 */
export function remarkSmartPunctuation() {
  const quotes = retext().use(retextSmartypants, {
    ellipses: false,
    dashes: false,
    backticks: false,
  });
  const rest = retext().use(retextSmartypants, { quotes: false });
  return (tree: Root) => {
    const nodes: Node[] = [];
    let text = '';
    visit(tree, (node: Node, _index, parent: Parent | undefined) => {
      if (!parent) return;
      if (parent.type === 'mdxJsxTextElement') {
        const name = (parent as { name?: unknown }).name;
        if (typeof name !== 'string' || RAW_ELEMENTS.has(name)) return;
      }
      if (LITERALS.has(node.type) && isLiteral(node)) {
        const value = node.value;
        // Inline code keeps its place in the text (quote pairing) but is never changed.
        text += node.type === 'text' ? value : 'A'.repeat(value.length);
        nodes.push(node);
      } else if (BLOCKS.has(node.type)) {
        // A block starts fresh: a quote at its start opens.
        text += ' ';
        nodes.push(node);
      }
    });
    if (!nodes.length) return;
    const educated = /["']/.test(text) ? quotes.processSync(text).toString() : text;
    let at = 0;
    for (const node of nodes) {
      if (BLOCKS.has(node.type)) {
        at += 1;
        continue;
      }
      if (!isLiteral(node)) continue;
      const end = at + node.value.length;
      if (node.type === 'text') {
        const value = educated.slice(at, end);
        node.value = PUNCTUATION_RULE.test(value) ? rest.processSync(value).toString() : value;
      }
      at = end;
    }
  };
}
