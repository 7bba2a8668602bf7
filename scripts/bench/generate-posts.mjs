// Posts that look like real Milvus blog posts, for the build benchmark. Frontmatter in the Milvus
// format (three date shapes, comma-separated tags, remote covers, some empty, folded descriptions)
// and bodies with what real posts hold: a cover line, `##`/`###` headings, prose, code in nine
// languages, GFM tables, lists, raw HTML (centred images, <br>, <details>), remote images, and links
// to other posts and to the docs. Lengths spread around a median of about 1,500 words (600–3,000).
// Everything follows from the post's index through a small seeded generator (no Math.random), so
// every run builds the same posts; 300 posts take a few milliseconds to generate.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The post every site copy already holds; generated posts link to it too. */
export const SEED_ID = '2022-4-12-milvus-10k-stars';

/** Target prose words per post: median and bounds. */
const WORDS = { median: 1500, min: 600, max: 3000 };

/** Deterministic numbers in [0, 1) for one post and one purpose (a linear congruential sequence). */
function numbers(/** @type {number} */ index, /** @type {number} */ stream) {
  let state = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream + 7, 0x85ebca6b)) >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) / 0x1000000;
  };
  for (let k = 0; k < 4; k++) next(); // let nearby seeds drift apart
  const api = {
    next,
    int: (/** @type {number} */ lo, /** @type {number} */ hi) =>
      lo + Math.floor(next() * (hi - lo + 1)),
    /** @template T @param {readonly T[]} list @returns {T} */
    pick: (list) => /** @type {any} */ (list[Math.floor(next() * list.length)]),
    chance: (/** @type {number} */ p) => next() < p,
    hex: (/** @type {number} */ length) =>
      Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
  return api;
}
/** @typedef {ReturnType<typeof numbers>} Numbers */

// Vocabulary ------------------------------------------------------------------------------------

const SUBJECTS = [
  'the query node',
  'a growing segment',
  'the proxy',
  'the index node',
  'each data node',
  'the root coordinator',
  'a sealed segment',
  'the vector index',
  'the collection',
  'every partition',
  'the embedding model',
  'our benchmark cluster',
  'the new release',
  'the Python SDK',
  'the object storage layer',
  'the message queue',
  'the HNSW graph',
  'an IVF_PQ index',
  'the DiskANN index',
  'the load balancer',
  'the scalar filter',
  'the bulk insert job',
  'the compaction task',
  'the write-ahead log',
];
const VERBS = [
  'reduces',
  'keeps',
  'trades',
  'spreads',
  'caches',
  'compacts',
  'flushes',
  'rebuilds',
  'filters',
  'routes',
  'normalizes',
  'partitions',
  'replicates',
  'quantizes',
  'streams',
  'merges',
  'prunes',
  'ranks',
  'batches',
  'persists',
  'shards',
  'indexes',
  'loads',
  'releases',
];
const OBJECTS = [
  'the search latency',
  'memory usage',
  'billions of embeddings',
  'the top-k results',
  'incoming vectors',
  'scalar fields',
  'the recall rate',
  'random disk reads',
  'query throughput',
  'the insert buffer',
  'cosine similarity scores',
  'the delete log',
  'high-dimensional vectors',
  'hybrid queries',
  'the segment metadata',
  'tail latency',
  'the candidate list',
  'sparse and dense vectors',
  'image embeddings',
  'product recommendations',
  'the time-travel timestamp',
  'the graph edges',
];
const QUALIFIERS = [
  'without a full rebuild',
  'under heavy write load',
  'at a fraction of the cost',
  'across every shard',
  'when the collection grows past a billion rows',
  'in the background',
  'before the next flush',
  'while queries keep running',
  'on commodity hardware',
  'for each consistency level',
  'with almost no loss of recall',
  'as soon as the segment is sealed',
  'on a single GPU',
  'in a Kubernetes cluster',
  'for every tenant',
  'within a few milliseconds',
];
const OPENERS = [
  'In practice,',
  'As a result,',
  'For example,',
  'In our tests,',
  'On the other hand,',
  'Under the hood,',
  'In Milvus 2.x,',
  'By default,',
  'To be precise,',
  'Most of the time,',
  'At this scale,',
  'Since version 2.2,',
];
const TERMS = [
  'approximate nearest neighbor search',
  'vector similarity search',
  'retrieval-augmented generation',
  'semantic search',
  'product quantization',
  'graph-based indexing',
  'hybrid search',
  'multi-tenancy',
  'dynamic schema',
  'range search',
  'the consistency model',
  'disaggregated storage and compute',
  'reranking',
  'embedding drift',
];
const ACTIONS = [
  'raise nprobe',
  'lower efConstruction',
  'add a query node',
  'switch to the IP metric',
  'enable mmap',
  'load only one partition',
  'turn on the partition key',
  'set the consistency level to Bounded',
  'grow the segment size',
  'batch inserts in groups of ten thousand',
  'upgrade the client SDK',
  'move the index to local NVMe disks',
];
const PARAMS = [
  'nlist',
  'nprobe',
  'M',
  'efConstruction',
  'ef',
  'search_k',
  'segment.maxSize',
  'queryNode.cache.memoryLimit',
  'dataCoord.segment.sealProportion',
  'common.retentionDuration',
];

const HEADINGS = [
  'Background',
  'Why vector search needs its own database',
  'How the index is built',
  'Benchmark setup',
  'Results',
  'Tuning the search parameters',
  'Deploying on Kubernetes',
  'What we learned',
  'Known limitations',
  'Getting started',
  'Architecture overview',
  'The data model',
  'Hybrid search with scalar filters',
  'Consistency levels',
  'Choosing a metric',
  'Memory and disk',
  'Scaling out',
  'Monitoring the cluster',
  'Migrating from 1.x',
  'Summary',
  'What is next',
  'Acknowledgements',
  'Frequently asked questions',
  'A closer look at the query path',
];
const SUBHEADINGS = [
  'Step 1 - Install Milvus',
  'Step 2 - Create a collection',
  'Step 3 - Insert vectors',
  'Step 4 - Build an index',
  'Step 5 - Search',
  'Preparing the data',
  'Hardware',
  'Dataset',
  'Latency',
  'Throughput',
  'Recall',
  'Insert path',
  'Delete path',
  'Caveats',
  'Configuration',
  'Cost',
];
/** @type {((r: Numbers) => string)[]} */
const TITLES = [
  (r) =>
    `How ${r.pick(['a Retailer', 'a Fintech Team', 'a Video Platform', 'an E-commerce Startup', 'a Game Studio'])} Built ${r.pick(['Image Search', 'Product Recommendations', 'Fraud Detection', 'a RAG Chatbot', 'Music Similarity'])} with Milvus`,
  (r) =>
    `Milvus 2.${r.int(0, 5)} - ${r.pick(['Faster Hybrid Search', 'Sparse Vectors Arrive', 'Range Search and Iterators', 'Disk Index for Everyone', 'Multi-tenancy Made Simple'])}`,
  (r) =>
    `A Deep Dive into ${r.pick(['the Milvus Query Path', 'Segment Compaction', 'HNSW Parameters', 'DiskANN on NVMe', 'Bitset Filtering', 'Time Travel'])}`,
  (r) =>
    `Getting Started with ${r.pick(['Vector Search', 'Milvus Lite', 'the Milvus Operator', 'Attu', 'Bulk Insert'])} in ${r.pick(['Python', 'Go', 'Java', 'Node.js'])}`,
  (r) =>
    `${r.pick(['Benchmarking', 'Tuning', 'Scaling', 'Monitoring', 'Securing'])} Milvus ${r.pick(['on Kubernetes', 'at Billion Scale', 'with Prometheus', 'for Production', 'on a Laptop'])}`,
  (r) =>
    `What ${r.pick(['Ten Thousand Stars', 'Our Community', 'Two Years of Releases', 'a Hackathon'])} Taught Us About Vector Databases`,
];
const CATEGORIES = ['Engineering', 'News', 'Community', 'Tutorials', 'Use Cases', 'Events'];
const TAGS = [
  'Data science',
  'Database',
  'Technology',
  'Artificial Intelligence',
  'Vector Management',
  'Cloud',
  'Performance',
  'Search',
  'Machine Learning',
  'Kubernetes',
  'Release',
  'Benchmark',
  'RAG',
  'Open Source',
];
const AUTHORS = [
  'The Milvus Community',
  'Milvus',
  'Zilliz Engineering',
  'Ada Moreno',
  'Chen Wei',
  'Priya Natarajan',
  'Jonas Berg',
  'Lin Hao',
  'Sofia Duarte',
];
const DOCS = [
  'install_standalone-docker.md',
  'index.md',
  'metric.md',
  'manage-collections.md',
  'single-vector-search.md',
  'multi-vector-search.md',
  'consistency.md',
  'configure-docker.md',
  'scaleout.md',
  'import-data.md',
  'release_notes.md',
  'architecture_overview.md',
  'partition_key.md',
  'mmap.md',
  'disk_index.md',
];
const IMAGE_NAMES = [
  'architecture',
  'benchmark',
  'latency_chart',
  'recall_curve',
  'workflow',
  'screenshot',
  'diagram',
  'pipeline',
  'dashboard',
  'cluster',
];
/** Alt texts as real posts write them: often just a file name. */
const ALTS = [
  '1.png',
  'image.png',
  'Architecture of a Milvus cluster',
  'QPS and recall for each index type',
  'Screenshot of the Attu dashboard',
  'How a query travels through the proxy',
  'blog_cover.png',
  'Latency at p99',
];
const LANGUAGES = ['python', 'go', 'java', 'bash', 'yaml', 'json', 'sql', 'cpp', 'javascript'];

const capitalise = (/** @type {string} */ s) => s.charAt(0).toUpperCase() + s.slice(1);
const slugOf = (/** @type {string} */ s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const words = (/** @type {string} */ s) => s.split(/\s+/).filter(Boolean).length;

// Frontmatter -------------------------------------------------------------------------------------

/** The same id, title and date for post `i` whichever post asks (links point at real ids). */
function postMeta(/** @type {number} */ i) {
  const r = numbers(i, 1);
  const title = r.pick(TITLES)(r);
  const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(i * 4.7 + r.int(0, 3)) * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  // The three shapes the Milvus blog writes dates in.
  const date = [
    `${y}-${m}-${d}`,
    `${y}-${pad(m)}-${pad(d)}`,
    `${y}-${pad(m)}-${pad(d)} 04:14:03.7+00`,
  ][i % 3];
  const slug = `${slugOf(title)}-${i}`;
  const id = i % 4 === 0 ? `${y}-${m}-${d}-${slug}` : slug;
  return { r, id, title, date };
}

// Blocks ------------------------------------------------------------------------------------------

/** One sentence of vector-database prose, sometimes with inline code, bold text or a link. */
function sentence(/** @type {Numbers} */ r, /** @type {number} */ i) {
  const [s, v, o, q] = [r.pick(SUBJECTS), r.pick(VERBS), r.pick(OBJECTS), r.pick(QUALIFIERS)];
  switch (r.int(0, 9)) {
    case 0:
      return `${r.pick(OPENERS)} ${s} ${v} ${o} ${q}.`;
    case 1:
      return `${capitalise(s)} ${v} ${o}, which means ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
    case 2:
      return `We found that ${s} ${v} ${o} ${q}, so ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} less often.`;
    case 3:
      return `If you ${r.pick(ACTIONS)}, ${s} ${v} ${o} ${q}.`;
    case 4:
      return `This is why ${r.pick(TERMS)} matters: ${s} ${v} ${o} ${q}.`;
    case 5:
      return `Set \`${r.pick(PARAMS)}\` to ${r.pick([8, 16, 64, 128, 256, 1024])} and ${s} ${v} ${o}.`;
    case 6:
      return `**${capitalise(r.pick(TERMS))}** ${v} ${o} ${q}, and ${s} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
    case 7:
      return `See the [${r.pick(['installation guide', 'index reference', 'search guide', 'configuration reference', 'release notes'])}](https://milvus.io/docs/${r.pick(DOCS)}) for how ${s} ${v} ${o}.`;
    case 8: {
      const other =
        i > 1 ? postMeta(r.int(1, i - 1)) : { id: SEED_ID, title: 'our 10,000 stars post' };
      return `We covered how ${s} ${v} ${o} in [${other.title}](https://milvus.io/blog/${other.id}.md), so this post only sketches it.`;
    }
    default:
      return `${capitalise(s)} ${v} ${o} ${q}; that is what ${r.pick(TERMS)} is about.`;
  }
}

function paragraph(/** @type {Numbers} */ r, /** @type {number} */ i) {
  return Array.from({ length: r.int(2, 6) }, () => sentence(r, i)).join(' ');
}

const remoteImage = (/** @type {Numbers} */ r) =>
  `https://assets.zilliz.com/${r.pick(IMAGE_NAMES)}_${r.hex(10)}.png`;

/** Code as real posts show it: client calls, configs, shell sessions, queries. */
function code(/** @type {Numbers} */ r, /** @type {number} */ i) {
  const lang = r.pick(LANGUAGES);
  const dim = r.pick([128, 384, 768, 1024, 1536]);
  const k = r.pick([5, 10, 50, 100]);
  const name = `${r.pick(['docs', 'images', 'products', 'songs', 'faces'])}_${i}`;
  const metric = r.pick(['L2', 'IP', 'COSINE']);
  const bodies = {
    python: `from pymilvus import MilvusClient, DataType\nimport random\n\nclient = MilvusClient(uri="http://localhost:19530")\nclient.create_collection(collection_name="${name}", dimension=${dim}, metric_type="${metric}")\n\nrows = [{"id": n, "vector": [random.random() for _ in range(${dim})], "tag": "t%d" % (n % 7)} for n in range(1000)]\nclient.insert(collection_name="${name}", data=rows)\n\nres = client.search(\n    collection_name="${name}",\n    data=[rows[0]["vector"]],\n    limit=${k},\n    filter='tag == "t3"',\n    output_fields=["tag"],\n)\nfor hit in res[0]:\n    print(hit["id"], hit["distance"])`,
    go: `package main\n\nimport (\n\t"context"\n\t"log"\n\n\t"github.com/milvus-io/milvus-sdk-go/v2/client"\n\t"github.com/milvus-io/milvus-sdk-go/v2/entity"\n)\n\nfunc main() {\n\tctx := context.Background()\n\tc, err := client.NewClient(ctx, client.Config{Address: "localhost:19530"})\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tdefer c.Close()\n\tsp, _ := entity.NewIndexHNSWSearchParam(${k * 4})\n\tres, err := c.Search(ctx, "${name}", nil, "", []string{"id"}, vectors, "vector", entity.${metric}, ${k}, sp)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tlog.Printf("%d results", res[0].ResultCount)\n}`,
    java: `import io.milvus.v2.client.ConnectConfig;\nimport io.milvus.v2.client.MilvusClientV2;\nimport io.milvus.v2.service.vector.request.SearchReq;\n\npublic class Search${i} {\n    public static void main(String[] args) {\n        MilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri("http://localhost:19530").build());\n        SearchReq request = SearchReq.builder()\n                .collectionName("${name}")\n                .data(queryVectors)\n                .topK(${k})\n                .build();\n        System.out.println(client.search(request).getSearchResults().size());\n    }\n}`,
    bash: `# Start a standalone instance\nwget https://github.com/milvus-io/milvus/releases/download/v2.${r.int(0, 5)}.0/milvus-standalone-docker-compose.yml -O docker-compose.yml\ndocker compose up -d\ndocker compose ps\n\n# Check that it is healthy\ncurl -s http://127.0.0.1:9091/healthz && echo " ok"\npip install -U pymilvus`,
    yaml: `apiVersion: milvus.io/v1beta1\nkind: Milvus\nmetadata:\n  name: ${name.replace('_', '-')}\nspec:\n  mode: cluster\n  components:\n    queryNode:\n      replicas: ${r.int(1, 8)}\n      resources:\n        limits:\n          memory: ${r.pick([8, 16, 32])}Gi\n  config:\n    dataCoord:\n      segment:\n        maxSize: ${r.pick([512, 1024, 2048])}`,
    json: `{\n  "collection_name": "${name}",\n  "index_params": {\n    "index_type": "${r.pick(['HNSW', 'IVF_FLAT', 'IVF_PQ', 'DISKANN'])}",\n    "metric_type": "${metric}",\n    "params": { "M": 16, "efConstruction": ${r.pick([100, 200, 400])} }\n  },\n  "search_params": { "ef": ${k * 4}, "limit": ${k} },\n  "dimension": ${dim}\n}`,
    sql: `-- The same filter expressed in SQL, for comparison\nSELECT id, title, distance\nFROM ${name}\nWHERE category = 'news' AND year >= ${r.int(2019, 2024)}\nORDER BY distance ASC\nLIMIT ${k};`,
    cpp: `#include <cstdio>\n#include <vector>\n\n// Squared L2 distance, the inner loop every flat index runs.\nfloat l2(const std::vector<float>& a, const std::vector<float>& b) {\n    float sum = 0.0f;\n    for (size_t d = 0; d < a.size(); ++d) {\n        float diff = a[d] - b[d];\n        sum += diff * diff;\n    }\n    return sum;\n}\n\nint main() {\n    std::vector<float> x(${dim}, 0.5f), y(${dim}, 0.25f);\n    std::printf("%f\\n", l2(x, y));\n}`,
    javascript: `import { MilvusClient } from '@zilliz/milvus2-sdk-node';\n\nconst client = new MilvusClient({ address: 'localhost:19530' });\nconst res = await client.search({\n  collection_name: '${name}',\n  data: [queryVector],\n  limit: ${k},\n  output_fields: ['title'],\n});\nfor (const hit of res.results) console.log(hit.id, hit.score);`,
  };
  return '```' + lang + '\n' + bodies[/** @type {keyof typeof bodies} */ (lang)] + '\n```';
}

function table(/** @type {Numbers} */ r) {
  if (r.chance(0.5)) {
    const rows = ['FLAT', 'IVF_FLAT', 'IVF_SQ8', 'IVF_PQ', 'HNSW', 'DISKANN', 'SCANN']
      .slice(0, r.int(3, 7))
      .map(
        (index) =>
          `| ${index} | ${r.int(200, 9000)} | ${(0.85 + r.next() * 0.15).toFixed(3)} | ${(1 + r.next() * 40).toFixed(1)} | ${r.int(2, 64)} GB |`,
      );
    return [
      '| Index | QPS | Recall@10 | p99 latency (ms) | Memory |',
      '|:--|--:|--:|--:|--:|',
      ...rows,
    ].join('\n');
  }
  const rows = PARAMS.slice(0, r.int(3, 6)).map(
    (param) =>
      `| \`${param}\` | ${capitalise(r.pick(VERBS))} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)}. | ${r.pick(['16', '128', '0.25', '512 MB', 'true', '-'])} |`,
  );
  return ['| Parameter | What it does | Default |', '|---|---|:-:|', ...rows].join('\n');
}

function list(/** @type {Numbers} */ r, /** @type {number} */ i) {
  const ordered = r.chance(0.4);
  return Array.from(
    { length: r.int(3, 6) },
    (_, n) => `${ordered ? `${n + 1}.` : '-'} ${sentence(r, i)}`,
  ).join('\n');
}

function html(/** @type {Numbers} */ r, /** @type {number} */ i) {
  switch (r.int(0, 2)) {
    case 0:
      return `<div align="center"><img src="${remoteImage(r)}" alt="${r.pick(ALTS)}" width="600"></div>`;
    case 1:
      return `${sentence(r, i)}<br>\n${sentence(r, i)}<br>\n<br>\n${sentence(r, i)}`;
    default:
      return `<details>\n<summary>${capitalise(r.pick(TERMS))} in one paragraph</summary>\n\n${paragraph(r, i)}\n\n</details>`;
  }
}

function image(/** @type {Numbers} */ r) {
  const alt = r.pick(ALTS);
  return r.chance(0.5)
    ? `![${alt}](${remoteImage(r)})`
    : `![${alt}](${remoteImage(r)} "${capitalise(r.pick(OBJECTS))} ${r.pick(QUALIFIERS)}.")`;
}

/** Prose words in a block: markdown without code, HTML tags, URLs and table rules. */
function proseWords(/** @type {string} */ block) {
  if (block.startsWith('```')) return 0;
  return words(
    block
      .replace(/<[^>]*>/g, ' ')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/[|:-]{3,}/g, ' ')
      .replace(/[|#*`>]/g, ' '),
  );
}

// Posts -------------------------------------------------------------------------------------------

/**
 * Post `i` (from 1): `{ id, frontmatter, body, markdown, words }`, where `words` counts prose (code
 * blocks excluded). Lengths are log-normal around the median, clipped to the bounds.
 * @param {number} i
 */
export function benchPost(i) {
  const { r, id, title, date } = postMeta(i);
  const z = (r.next() + r.next() + r.next() + r.next() - 2) * Math.sqrt(3); // ≈ standard normal
  const target = Math.min(
    WORDS.max,
    Math.max(WORDS.min, Math.round(WORDS.median * Math.exp(0.4 * z))),
  );
  const tags = [...new Set(Array.from({ length: r.int(1, 5) }, () => r.pick(TAGS)))];
  const cover =
    i % 8 === 5
      ? ''
      : `https://assets.zilliz.com/${slugOf(title).slice(0, 24).replace(/-/g, '_')}_${r.hex(10)}.png`;
  const desc = `${capitalise(r.pick(TERMS))} in practice - how ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(QUALIFIERS)}.`;

  const b = numbers(i, 2);
  /** @type {string[]} */
  const blocks = [];
  let count = 0;
  const add = (/** @type {string} */ block) => {
    blocks.push(block);
    count += proseWords(block);
  };
  if (cover && i % 3 !== 0) blocks.push(`![Cover image](${cover})`);
  add(paragraph(b, i));
  if (b.chance(0.5)) add(paragraph(b, i));
  const extras = [code, code, code, table, list, html, image, image];
  while (count < target - 100) {
    add(`## ${b.pick(HEADINGS)}`);
    add(paragraph(b, i));
    if (b.chance(0.4)) add(`### ${b.pick(SUBHEADINGS)}`);
    for (let n = b.int(1, 2); n > 0 && count < target; n--) {
      add(b.pick(extras)(b, i));
      add(paragraph(b, i));
    }
  }
  const body = blocks.join('\n\n');
  const frontmatter = [
    '---',
    `id: ${id}.md`,
    `title: ${title}`,
    `author: ${r.pick(AUTHORS)}`,
    `date: ${date}`,
    // Some real posts fold long descriptions over lines.
    i % 5 === 0 ? `desc: >\n  ${desc}` : `desc: ${desc}`,
    `cover: ${cover}`,
    `tag: ${r.pick(CATEGORIES)}`,
    `tags: ${tags.join(', ')}`,
    `canonicalUrl: https://milvus.io/blog/${id}.md`,
    '---',
  ].join('\n');
  return { id, frontmatter, body, markdown: `${frontmatter}\n\n${body}\n`, words: count };
}

/** Writes posts 1..count into `dir` as `<id>.md`; returns them. */
export async function writeBenchPosts(/** @type {string} */ dir, /** @type {number} */ count) {
  await mkdir(dir, { recursive: true });
  const posts = Array.from({ length: count }, (_, k) => benchPost(k + 1));
  await Promise.all(posts.map((post) => writeFile(join(dir, `${post.id}.md`), post.markdown)));
  return posts;
}

/** What `count` generated posts hold, for the bench's report: words (median, min, max) and blocks per post. */
export function describePosts(/** @type {number} */ count) {
  const posts = Array.from({ length: count }, (_, k) => benchPost(k + 1));
  const sorted = posts.map((p) => p.words).sort((a, b) => a - b);
  const per = (/** @type {RegExp} */ pattern) =>
    posts.reduce((sum, p) => sum + (p.body.match(pattern)?.length ?? 0), 0) / Math.max(1, count);
  return {
    count,
    median: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0,
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    codeBlocks: per(/^```[a-z]+$/gm),
    tables: per(/^\|[-:| ]+\|$/gm),
    images: per(/!\[[^\]]*\]\(https:|<img /g),
    headings: per(/^#{2,3} /gm),
  };
}
