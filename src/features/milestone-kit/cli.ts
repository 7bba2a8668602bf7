// npm run milestone -- draw FILE [--out DIR]
// npm run milestone -- history OWNER/REPO [--metric stars|forks] [--out FILE]
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMilestone } from './data.ts';
import { drawMilestone, underMediaRoot, writeEntries } from './draw.ts';
import { fetchHistory, HISTORY_METRICS, type HistoryMetric } from './github.ts';

const USAGE = `usage:
  npm run milestone -- draw FILE [--out DIR]
  npm run milestone -- history OWNER/REPO [--metric ${HISTORY_METRICS.join('|')}] [--out FILE]`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      metric: { type: 'string', default: 'stars' },
      api: { type: 'string' },
    },
  });
  const [command, target] = positionals;
  if (command === 'draw' && target) {
    const m = await loadMilestone(target);
    const out = values.out ?? dirname(target);
    const drawn = await drawMilestone(m, out);
    for (const f of drawn.files)
      console.log(
        `${relative('.', f.path)}: ${f.width}×${f.height}${f.frames ? `, ${f.frames} frames` : ''}, ${Math.round(f.bytes / 1000)} kB`,
      );
    if (underMediaRoot(out)) {
      await writeEntries(drawn.entries);
      console.log('media data entries written to src/content/media.yaml');
    } else {
      console.log(
        `${out} is outside src/assets/media/, so no media data entries were written; move the files there and draw again, or add these entries to src/content/media.yaml:`,
      );
      console.log(JSON.stringify(drawn.entries, null, 2));
    }
    console.log(`\nMarkdown for the post:\n\n${drawn.markdown}\n`);
    return;
  }
  if (command === 'history' && target) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(target))
      throw new Error(`history: "${target}" is not OWNER/REPO`);
    if (!HISTORY_METRICS.includes(values.metric as HistoryMetric))
      throw new Error(`history: --metric must be one of ${HISTORY_METRICS.join(', ')}`);
    const out = values.out ?? `${target.split('/')[1]}-${values.metric}.csv`;
    const tty = process.stderr.isTTY;
    const points = await fetchHistory({
      repository: target,
      metric: values.metric as HistoryMetric,
      out,
      token: process.env.GITHUB_TOKEN,
      api: values.api ?? process.env.GITHUB_API_URL,
      progress: (line) =>
        tty ? process.stderr.write(`\r\x1b[2K${line}`) : process.stderr.write(`${line}\n`),
    });
    if (tty) process.stderr.write('\n');
    console.log(
      `${out}: ${points.length} days, ${points.at(-1)?.count ?? 0} ${values.metric} in all`,
    );
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
