// `npm run bench [section ...]`: runs each benchmark section in scripts/bench/ (files not starting
// with `_`), in name order, or only the named ones. A section exports `title` and `run(context)`.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext } from './bench/_context.mjs';

const dir = join(import.meta.dirname, 'bench');
const wanted = process.argv.slice(2);
const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs') && !f.startsWith('_')).sort();
const sections = files.filter((f) => !wanted.length || wanted.includes(basename(f, '.mjs')));
if (wanted.length && sections.length !== wanted.length) {
  console.error(`unknown bench section(s); available: ${files.map((f) => basename(f, '.mjs')).join(', ')}`);
  process.exit(2);
}

const context = createContext();
try {
  for (const file of sections) {
    const section = await import(pathToFileURL(join(dir, file)).href);
    console.log(`\n## ${section.title ?? basename(file, '.mjs')}\n`);
    await section.run(context);
  }
} finally {
  await context.dispose();
}
