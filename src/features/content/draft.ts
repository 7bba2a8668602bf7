// No imports: astro.config.mjs reads this (through post-files.ts) before Vite runs.

/**
 * Whether a post is a draft: `isPublish: false` (the Milvus format) or `draft: true`. YAML booleans,
 * and the words authors write in their place (`"false"`, `no`, `0`), are read as meant.
 */
export function isDraftFrontmatter(frontmatter: Record<string, unknown>): boolean {
  return flag(frontmatter.isPublish) === false || flag(frontmatter.draft) === true;
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(word)) return true;
  if (['false', 'no', 'off', '0'].includes(word)) return false;
  return undefined;
}
