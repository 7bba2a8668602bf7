/** Decimal units, as file managers on most systems show them: `1.9 MB`, `245 kB`, `812 B`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0)
    throw new Error(`formatBytes: ${bytes} is not a byte count`);
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
