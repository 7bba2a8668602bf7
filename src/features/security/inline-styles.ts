/** A `<style>` element of a built page; its text, between the tags, is what a policy hash covers. */
const STYLE = /<style\b[^>]*>([^]*?)<\/style\s*>/gi;

export interface PageStyles {
  /** The texts of the `<style>` elements in the page's `<head>`, in order: its stylesheets (inline-stylesheets.ts). */
  head: string[];
  /** Those after the `<head>`: never allowed (a post's markup cannot bring its own CSS). */
  body: string[];
}

/** The inline `<style>` elements of a built page, split at the end of its `<head>`. */
export function pageStyles(html: string): PageStyles {
  const end = html.search(/<\/head\s*>/i);
  const styles = [...html.matchAll(STYLE)].map((m) => ({ at: m.index, text: m[1] ?? '' }));
  const inHead = (at: number) => end >= 0 && at < end;
  return {
    head: styles.filter((s) => inHead(s.at)).map((s) => s.text),
    body: styles.filter((s) => !inHead(s.at)).map((s) => s.text),
  };
}
