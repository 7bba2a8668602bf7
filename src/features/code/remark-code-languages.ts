import type { Root } from 'mdast';
import { bundledLanguages, bundledLanguagesAlias } from 'shiki';
import { visit } from 'unist-util-visit';

const SPECIAL = new Set(['plaintext', 'plain', 'text', 'txt', 'ansi']);
/** Names posts use that Shiki reads as another language (`c++` would be highlighted as C). */
const ALIASES: Record<string, string> = { 'c++': 'cpp', 'objective-c++': 'objective-cpp' };

/** `Python` → `python`, `sh` stays `sh`, `unknownlang` → `plaintext` (no warning in the build log). */
export function normaliseCodeLanguage(lang: string | null | undefined): string {
  const key = (lang ?? '').trim().toLowerCase();
  if (!key) return 'plaintext';
  if (key in ALIASES) return ALIASES[key]!;
  if (SPECIAL.has(key) || key in bundledLanguages || key in bundledLanguagesAlias) return key;
  return 'plaintext';
}

export function remarkCodeLanguages() {
  return (tree: Root) => {
    visit(tree, 'code', (node) => {
      node.lang = normaliseCodeLanguage(node.lang);
    });
  };
}
