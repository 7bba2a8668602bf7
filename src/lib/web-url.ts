const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const BARE_HOST = /^[a-z\d-]+(\.[a-z\d-]+)+(:\d+)?(\/|$)/i;

/**
 * Normalises a URL as Milvus posts write them: with or without a scheme, `//host/...`,
 * or plain `http://`. Web URLs come back as https; anything else is rejected with a reason.
 */
export function normaliseWebUrl(raw: string): { url: string } | { error: string } {
  const value = raw.trim();
  let candidate = value;
  if (value.startsWith('//')) candidate = `https:${value}`;
  else if (!SCHEME.test(value) && BARE_HOST.test(value)) candidate = `https://${value}`;
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { error: `"${value}" is not a URL (expected https://host/path or host/path)` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { error: `"${value}" must be an http(s) URL, not ${parsed.protocol}` };
  }
  if (/\s/.test(value)) {
    return { error: `"${value}" is not a URL (it contains spaces)` };
  }
  parsed.protocol = 'https:';
  return { url: parsed.href };
}
