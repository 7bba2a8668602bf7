import type { Html, Paragraph, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Every element name HTML has or had (obsolete ones included, since browsers still parse them as
 * elements), plus the `svg` and `math` roots. A tag named anything else is not markup.
 */
const HTML_ELEMENTS = new Set(
  `a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
  blockquote body br button canvas caption center cite code col colgroup data datalist dd del details
  dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3
  h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend li
  link listing main map mark marquee math menu menuitem meta meter multicol nav nextid nobr noembed
  noframes noscript object ol optgroup option output p param picture plaintext pre progress q rb rp rt
  rtc ruby s samp script search section select slot small source spacer span strike strong style sub
  summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video
  wbr xmp`.split(/\s+/),
);

export function isHtmlElementName(name: string): boolean {
  return HTML_ELEMENTS.has(name.toLowerCase());
}

/** `<port>`, `</port>`: a start or end tag, capturing its name. */
const TAG = /<(\/?)([a-z][a-z\d-]*)(?=[\s/>]|$)/gi;
/** Nodes whose children are blocks (anything else holds phrasing content). */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
/** An html node that is nothing but one tag. */
const LONE_TAG = /^<\/?([a-z][a-z\d-]*)(\s[^<>]*)?\/?>$/i;

/**
 * Posts write placeholders such as `127.0.0.1:<port>/docs` or `(<username>:<password>)`. Markdown
 * reads them as raw HTML, the HTML parser as unknown elements, and the text disappears. Before
 * `rehype-raw`, an html node that is only such a tag becomes text; in longer raw HTML, the `<` of each
 * such tag is escaped. Real elements are left for the sanitiser to judge.
 */
export function remarkTagLikeText() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      const lone = LONE_TAG.exec(node.value.trim());
      if (lone && !isHtmlElementName(lone[1]!)) {
        if (parent && index !== undefined) {
          const text: Text = { type: 'text', value: node.value, position: node.position };
          // A lone tag on a line of its own is a block: its text gets a paragraph.
          const block: Paragraph = { type: 'paragraph', children: [text], position: node.position };
          (parent.children as Array<Text | Paragraph>)[index] = FLOW_PARENTS.has(parent.type)
            ? block
            : text;
        }
        return;
      }
      node.value = node.value.replace(TAG, (tag, _slash, name: string) =>
        isHtmlElementName(name) ? tag : `&lt;${tag.slice(1)}`,
      );
    });
  };
}
