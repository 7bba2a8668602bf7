import { readFileSync } from 'node:fs';
import { siteInlineStyles } from '../../src/features/security/headers-integration';
import { filesIn } from './dist-links';

/** A built site's inline stylesheets, read from every page as the build reads them: what its one policy allows by hash. */
export function builtInlineStyles(dist: string): string[] {
  return siteInlineStyles(
    filesIn(dist)
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ file, html: readFileSync(file, 'utf8') })),
  );
}
