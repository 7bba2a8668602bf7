// Bench section: share cards (src/features/sharing/card/render-card.ts), each template with
// distinct texts, drawn cold (an empty cache directory) and then asked for again (from the cache).
// The first cold card also loads satori, sharp and the fonts; it is shown apart. A cached card is
// what a rebuild pays, shown as a ratio to the cold one of the same run.
//   BENCH_CARDS=24   cards per pass (spread over the templates)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT } from '../project-copy.mjs';
import { median } from '../audit/report.mjs';
import { printTable } from './format.mjs';

const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(3)}×`;

export const title = 'Share cards: cold (drawn) and cached, per card';

const TITLES = [
  'A Small Step for Milvus - 10,000 Stars',
  'Milvus 2.4 Release Notes: GPU Indexing, Multi-Vector Search and Sparse Vectors',
  'How We Made Vector Search 10x Faster With a New Graph Index',
  'Milvus Community Call Recap',
  '向量数据库 Milvus 正式发布 2.0 版本 🚀',
  'Thank You, Contributors! 🎉 1,000 Pull Requests Merged in One Year',
  'Getting Started with Hybrid Search: Dense and Sparse Vectors in One Query, From Schema to Results',
  'Milvus Lite',
];

async function inputs(count) {
  // The seed's cover (1600×900 PNG, the size of a Milvus blog cover), and a banner cut from it
  // (wider than 2.4:1) for the cover-above template.
  const seedCover = await readFile(join(ROOT, 'src/assets/media/covers/milvus-10k-cover.png'));
  const banner = await sharp(seedCover).resize(1600, 600, { fit: 'cover' }).png().toBuffer();
  const kinds = [
    { template: 'typographic', cover: undefined },
    { template: 'cover beside', cover: { data: seedCover } },
    { template: 'cover above', cover: { data: banner } },
    { template: 'cover only', cover: { data: seedCover, carriesTitle: true } },
  ];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length];
    return {
      template: kind.template,
      input: {
        title: `${TITLES[i % TITLES.length]}${i >= TITLES.length ? ` (${i + 1})` : ''}`,
        siteName: 'Milvus Milestones',
        byline: `The Milvus Community · April ${(i % 28) + 1}, 2022`,
        host: 'milestones.milvus.io',
        cover: kind.cover,
      },
    };
  });
}

export async function run() {
  const count = Number(process.env.BENCH_CARDS ?? 24);
  const cache = await mkdtemp(join(tmpdir(), 'milestones-bench-cards-'));
  const previous = process.env.CARD_CACHE_DIR;
  process.env.CARD_CACHE_DIR = cache;
  try {
    // Loaded by Node itself (type stripping): the renderer imports satori and sharp lazily, which
    // a Vite runner closed after the import could no longer do.
    const { renderCard } = await import(join(ROOT, 'src/features/sharing/card/render-card.ts'));
    const cards = await inputs(count);
    const pass = async () => {
      const out = [];
      for (const card of cards) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        const result = await renderCard(card.input);
        const used = process.cpuUsage(cpu);
        out.push({
          ...card,
          ms: performance.now() - start,
          cpuMs: (used.user + used.system) / 1000,
          bytes: result.data.length,
          fromCache: result.fromCache,
        });
      }
      return out;
    };
    const cold = await pass();
    const cached = await pass();
    if (cold.some((c) => c.fromCache) || cached.some((c) => !c.fromCache))
      throw new Error('cards bench: the cold pass hit the cache or the second pass missed it');
    const [first, ...rest] = cold;
    const rows = [
      [
        'first cold card (loads satori, sharp, fonts)',
        first.ms.toFixed(1),
        first.cpuMs.toFixed(1),
        '',
        '',
        (first.bytes / 1000).toFixed(1),
      ],
    ];
    for (const template of [...new Set(cards.map((c) => c.template))]) {
      const drawn = rest.filter((c) => c.template === template);
      const again = cached.filter((c) => c.template === template);
      const coldMs = median(drawn.map((c) => c.ms));
      const warmMs = median(again.map((c) => c.ms));
      const sizes = drawn.map((c) => c.bytes / 1000);
      rows.push([
        `${template} (${drawn.length} cold, ${again.length} cached)`,
        coldMs.toFixed(1),
        median(drawn.map((c) => c.cpuMs)).toFixed(1),
        warmMs.toFixed(2),
        ratio(warmMs, coldMs),
        `${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)}`,
      ]);
    }
    const coldAll = median(rest.map((c) => c.ms));
    const warmAll = median(cached.map((c) => c.ms));
    const sizes = cold.map((c) => c.bytes / 1000);
    rows.push([
      'all but the first',
      coldAll.toFixed(1),
      median(rest.map((c) => c.cpuMs)).toFixed(1),
      warmAll.toFixed(2),
      ratio(warmAll, coldAll),
      `${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)}`,
    ]);
    printTable(
      [
        'cards',
        'cold ms/card (median)',
        'cold CPU ms',
        'cached ms/card',
        'cached / cold',
        'JPEG kB',
      ],
      rows,
    );
  } finally {
    if (previous === undefined) delete process.env.CARD_CACHE_DIR;
    else process.env.CARD_CACHE_DIR = previous;
    await rm(cache, { recursive: true, force: true });
  }
}
