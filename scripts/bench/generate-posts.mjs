// Posts in the Milvus blog's frontmatter format for the benchmarks: varied dates, date shapes and
// tags, with a table, a code block, a list and links in each, about the length of a real post.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TAGS = ['Engineering', 'News', 'Community', 'Release', 'Tutorial', 'Data science', 'Database', 'Technology',
  'Artificial Intelligence', 'Vector Management', 'Cloud', 'Performance', 'Search', 'Use Cases', 'Events'];
const LANGS = [
  ['python', 'from pymilvus import connections\n\nconnections.connect(host="127.0.0.1", port="19530")\nprint("connected")'],
  ['go', 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("search top-k", 10)\n}'],
  ['bash', 'docker compose up -d\ncurl -s http://127.0.0.1:9091/healthz'],
  ['yaml', 'index:\n  type: HNSW\n  metric: L2\n  params: { M: 16, efConstruction: 200 }'],
];

/** Frontmatter date in one of the shapes the Milvus blog uses. */
function dateFor(/** @type {number} */ i) {
  const d = new Date(Date.UTC(2019, 0, 1) + i * 86_400_000 * 1.7);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  if (i % 3 === 0) return `${y}-${m}-${day}`;
  if (i % 3 === 1) return `${y}-${pad(m)}-${pad(day)}`;
  return `${y}-${pad(m)}-${pad(day)} 04:14:03.7+00`;
}

/** @param {number} i */
export function benchPost(i) {
  const id = `bench-post-${String(i).padStart(4, '0')}`;
  const tags = [TAGS[i % TAGS.length], TAGS[(i * 7 + 3) % TAGS.length]].filter((t, k, all) => all.indexOf(t) === k);
  const [lang, code] = /** @type {[string, string]} */ (LANGS[i % LANGS.length]);
  const paragraph = `Post ${i} looks at how a vector database keeps **recall** high while the collection grows, ` +
    `why an index such as \`HNSW\` trades memory for speed, and what the [Milvus documentation](https://milvus.io/docs) ` +
    'suggests for a first deployment. Each section below is short, like a release note, so a reader on a phone can follow it.';
  const body = [
    `We measured milestone ${i} of the project and wrote down what changed.`,
    paragraph,
    '## What changed',
    paragraph,
    '| Metric | Before | After |\n|:--|--:|--:|\n' +
      `| QPS | ${1000 + i} | ${1500 + i} |\n| p99 latency (ms) | ${40 + (i % 9)} | ${25 + (i % 7)} |\n| Memory (GB) | 12 | 9 |`,
    '## Try it',
    `\`\`\`${lang}\n${code}\n\`\`\``,
    paragraph,
    '- Thanks to every contributor\n- Read the [release notes](https://milvus.io/docs/release_notes.md)\n- Join the community on [GitHub](https://github.com/milvus-io/milvus)',
    '## What is next',
    paragraph,
    paragraph,
  ].join('\n\n');
  const frontmatter = [
    '---',
    `id: ${id}.md`,
    `title: Milestone ${i} - Notes from the Milvus Community`,
    'author: The Milvus Community',
    `date: ${dateFor(i)}`,
    `desc: What milestone ${i} changed for recall, latency and memory, with a table and a code sample.`,
    'cover: ',
    `tag: ${tags[0]}`,
    `tags: ${tags.join(', ')}`,
    `canonicalUrl: https://milvus.io/blog/${id}.md`,
    '---',
  ].join('\n');
  return { id, frontmatter, body, markdown: `${frontmatter}\n\n${body}\n` };
}

/** Writes `count` posts into `dir` as `<id>.md`. */
export async function writeBenchPosts(/** @type {string} */ dir, /** @type {number} */ count) {
  await mkdir(dir, { recursive: true });
  for (let i = 1; i <= count; i++) {
    const post = benchPost(i);
    await writeFile(join(dir, `${post.id}.md`), post.markdown);
  }
}
