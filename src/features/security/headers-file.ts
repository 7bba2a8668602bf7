/**
 * The `_headers` file format that Netlify and Cloudflare Pages read (and `npm run preview` applies):
 * a path pattern on an unindented line, then its headers indented as `Name: value`; `#` starts a
 * comment. `*` in a pattern matches any run of characters, `/` included.
 * (Loaded by scripts/serve.mjs with Node directly: no imports, erasable types only.)
 */

export interface HeaderRule {
  /** The pattern, with the base path: `/*`, `/milestones/_astro/*`, `/milestones/`. */
  pattern: string;
  headers: Record<string, string>;
}

/** The limits of the strictest host (Cloudflare Pages). */
export const HEADERS_FILE_LIMITS = { rules: 100, lineLength: 2000 } as const;

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/'))
        throw new Error(
          `_headers line ${index + 1}: a path pattern must start with "/": "${line}"`,
        );
      rules.push({ pattern: line.trim(), headers: {} });
      return;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (!rule || colon < 0 || !HEADER_NAME.test(name))
      throw new Error(
        `_headers line ${index + 1}: expected "Name: value" under a path: "${line.trim()}"`,
      );
    if (name.toLowerCase() in lowerCaseKeys(rule.headers))
      throw new Error(`_headers line ${index + 1}: ${name} is set twice for ${rule.pattern}`);
    rule.headers[name] = line.slice(colon + 1).trim();
  });
  return rules;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, true> {
  return Object.fromEntries(Object.keys(headers).map((name) => [name.toLowerCase(), true]));
}

export function formatHeadersFile(rules: readonly HeaderRule[], comment: string): string {
  const lines = comment.split('\n').map((line) => `# ${line}`);
  for (const rule of rules)
    lines.push(
      rule.pattern,
      ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`),
    );
  return `${lines.join('\n')}\n`;
}

/** Whether a rule's pattern matches a request path (as sent, or percent-decoded). */
export function ruleMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`);
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // not valid percent-encoding: match as sent
  }
  return regex.test(path) || regex.test(decoded);
}

/**
 * The headers a request path gets: those of every matching rule. A header that two matching rules
 * set gets both values joined by a comma, as Cloudflare Pages does, so an overlap shows up here
 * rather than only in production.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!ruleMatches(rule.pattern, path)) continue;
    for (const [name, value] of Object.entries(rule.headers))
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
