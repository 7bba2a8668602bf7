import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  appendFile,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, ensureHeadlessShell, OFFLINE_ARGS } from '../../scripts/browser.mjs';
import {
  astro,
  astroBuild,
  copyProject,
  ROOT,
  type BuildResult,
} from '../../scripts/project-copy.mjs';
import { serveSite } from '../../scripts/serve.mjs';
import { writeManyPosts } from '../support/many-posts';
import { writeOriginals } from '../support/media-originals';
import { writeSearchPosts } from '../support/search-posts';
import {
  EDIT_URL,
  postsNamedIn,
  SITE_NAMES,
  type BuiltSite,
  type SiteName,
} from '../support/sites';

/**
 * Builds every configuration the suites read, once per run, two at a time, and serves each as
 * soon as it is built: a suite waits only for the site it reads (`builtSite()` in
 * tests/support/sites.ts), so browser tests of one site run while the next one builds.
 */

/** A setup job and the sites it records. */
interface Job {
  sites: string[];
  run(): Promise<void>;
}

const BROKEN = join(ROOT, 'tests/fixtures/broken');

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const runDir = await mkdtemp(join(tmpdir(), 'milestones-tests-'));
  const browser = await chromium.launchServer({
    executablePath: ensureHeadlessShell(),
    args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS],
    headless: true,
  });
  project.provide('runDir', runDir);
  project.provide('browserEndpoint', browser.wsEndpoint());

  const started = performance.now();
  const servers: Array<{ close(): Promise<void> }> = [];
  // `dist: null` for a job that builds no site (astro check): nothing to serve.
  const record = async (
    name: SiteName,
    dir: string,
    build: BuildResult,
    base = '/',
    dist: string | null = 'dist',
  ) => {
    const site: BuiltSite = {
      name,
      dir,
      dist: dist === null ? '' : join(dir, dist),
      code: build.code,
      output: build.output,
    };
    if (build.code === 0 && dist !== null) {
      const server = await serveSite(site.dist, { base });
      servers.push(server);
      site.url = server.url;
    }
    await publish(runDir, site);
    console.log(
      `[test setup] ${name}: ${build.code === 0 ? 'ready' : `failed (exit ${build.code})`} after ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  };
  const copy = (name: string) => copyProject(`milestones-${name}-`);
  // Later builds start from an earlier build's caches (images, cards, media variants: all keyed by
  // their inputs), as a deploy after the first one does; only `site` builds cold. Astro keys an
  // optimized image by its URL, base path included: builds under /milestones/ start from the
  // real-format site's caches, which hold those (from the site's, 27 images were encoded again).
  const siteFolder = builtFolder();
  const realFormatFolder = builtFolder();
  const warmCopy = async (name: string, from = siteFolder) =>
    copyProject(`milestones-${name}-`, { cachesFrom: await from.ready });

  // In the order they start, two at a time: the cold build of the site beside the type check (which
  // needs no build), then the warm builds, the real-format site first (the most suites read it).
  const jobs: Job[] = [
    // The site as deployed, built on a machine whose clock is in Tokyo.
    job(['site'], async () => {
      const site = await copy('site');
      try {
        await record('site', site.dir, await astroBuild(site.dir, { TZ: 'Asia/Tokyo' }));
      } finally {
        siteFolder.done(site.dir);
      }
    }),
    // Type check of the project itself.
    job(['check'], async () => record('check', ROOT, await astro(ROOT, ['check']), '/', null)),
    // Real-format posts beside the seed, for another origin under a sub-path written without
    // slashes, on a machine whose clock is in Los Angeles, with a content repository to edit in.
    job(['real-format'], async () => {
      const site = await warmCopy('real-format');
      for (const folder of ['posts', 'reading', 'sharing', 'hostile']) {
        await cp(join(ROOT, 'tests/fixtures', folder), site.contentDir, { recursive: true });
      }
      const env = {
        SITE_URL: 'https://share.example',
        BASE_PATH: 'milestones',
        TZ: 'America/Los_Angeles',
        CONTENT_EDIT_URL: EDIT_URL,
      };
      try {
        await record('real-format', site.dir, await astroBuild(site.dir, env), '/milestones/');
      } finally {
        realFormatFolder.done(site.dir);
      }
    }),
    // The seed and enough generated posts for every list to run to several pages, with posts for
    // search and two drafts.
    job(['many-posts'], async () => {
      const site = await warmCopy('many-posts');
      await writeManyPosts(site.contentDir);
      await writeSearchPosts(site.contentDir);
      await record('many-posts', site.dir, await astroBuild(site.dir));
    }),
    // The seed under each spelling of the same base, one after the other in one folder (Astro's
    // caches in play): `milestones`, `/milestones/`, `/milestones`; then the media swap there.
    job(['base-path-bare', 'base-path-slashes', 'base-path-leading', 'media-swap'], async () => {
      const site = await warmCopy('base-path', realFormatFolder);
      for (const [name, base] of [
        ['base-path-bare', 'milestones'],
        ['base-path-slashes', '/milestones/'],
        ['base-path-leading', '/milestones'],
      ] as const) {
        const build = await astroBuild(site.dir, { BASE_PATH: base });
        if (build.code === 0) await rename(join(site.dir, 'dist'), join(site.dir, `dist-${name}`));
        await record(name, site.dir, build, '/milestones/', `dist-${name}`);
      }
      await swapMedia(join(site.dir, 'src/assets/media'));
      await record(
        'media-swap',
        site.dir,
        await astroBuild(site.dir, { BASE_PATH: '/milestones/' }),
        '/milestones/',
      );
    }),
    // The next milestone post beside the seed, its media pulled from a folder of originals (twice:
    // the second pull must fetch nothing), then built offline.
    job(['media-pull'], async () => {
      const site = await warmCopy('media-pull');
      await cp(join(ROOT, 'tests/fixtures/media-pull'), site.contentDir, { recursive: true });
      const originals = join(site.dir, 'originals');
      await writeOriginals(originals);
      const pull = () => run(site.dir, [join(ROOT, 'scripts/media-pull.mjs'), '--from', originals]);
      const first = await pull();
      const second = await pull();
      const build = await astroBuild(site.dir);
      await record('media-pull', site.dir, {
        code: build.code,
        output: [
          `=== pull 1: exit ${first.code} ===`,
          first.output,
          `=== pull 2: exit ${second.code} ===`,
          second.output,
          '=== build ===',
          build.output,
        ].join('\n'),
      });
    }),
    // The next milestone as an author makes it with the kit: a fictional project's data file
    // drawn into the media folder (which writes its media data entries), and a post that is
    // exactly the markdown `draw` printed, built offline.
    job(['milestone-kit'], async () => {
      const site = await warmCopy('milestone-kit');
      await cp(join(ROOT, 'tests/fixtures/milestone'), join(site.dir, 'src/assets/media/kestrel'), {
        recursive: true,
      });
      const draw = await run(site.dir, [
        'src/features/milestone-kit/cli.ts',
        'draw',
        'src/assets/media/kestrel/kestrel.yaml',
      ]);
      const markdown = draw.output.split('Markdown for the post:\n\n')[1] ?? '';
      await writeFile(join(site.contentDir, '2031-9-30-kestrel-1m-stars.md'), markdown);
      const build = await astroBuild(site.dir);
      await record('milestone-kit', site.dir, {
        code: draw.code === 0 ? build.code : draw.code,
        output: ['=== draw ===', draw.output, '=== build ===', build.output].join('\n'),
      });
    }),
    // Every broken post beside the seed, fixed the way an author would: sync, remove the posts the
    // failure names, sync again, until it passes. `output` holds every round.
    job(['broken'], async () => {
      const site = await copy('broken');
      await writeBrokenPosts(site.contentDir);
      await record('broken', site.dir, await syncUntilClean(site.dir, site.contentDir));
    }),
  ];

  // TEST_SITES=site,real-format builds only those (for a quick local run); the others are recorded as not built.
  const wanted = process.env.TEST_SITES?.split(',').map((name) => name.trim());
  const selected = wanted
    ? jobs.filter((j) => j.sites.some((name) => wanted.includes(name)))
    : jobs;
  if (!selected.some((j) => j.sites.includes('site'))) siteFolder.done(ROOT);
  if (!selected.some((j) => j.sites.includes('real-format')))
    void siteFolder.ready.then(realFormatFolder.done);
  const running = runPool(selected, 2).then(() => recordMissing(runDir));
  return async () => {
    await running;
    await Promise.all(servers.map((server) => server.close()));
    await browser.close();
    await rm(runDir, { recursive: true, force: true });
  };
}

/** Runs a Node script with the project's Node in `dir`, collecting what it prints. */
function run(dir: string, args: string[]): Promise<BuildResult> {
  return new Promise((done) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/node'), args, { cwd: dir });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}

/** The folder a build ran in, once it is done (or has failed): later builds copy its caches. */
function builtFolder(): { ready: Promise<string>; done(dir: string): void } {
  let done!: (dir: string) => void;
  const ready = new Promise<string>((resolve) => (done = resolve));
  return { ready, done };
}

function job(sites: string[], run: () => Promise<void>): Job {
  return { sites, run };
}

/** Runs jobs with at most `size` at a time; a job that throws is reported, not fatal to the others. */
async function runPool(jobs: Job[], size: number): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await next
        .run()
        .catch((error) => console.error('[test setup]', next?.sites.join(', '), error));
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
}

/** Writes a site's record atomically: suites poll for the file and must never read half of it. */
async function publish(runDir: string, site: BuiltSite): Promise<void> {
  const file = join(runDir, `${site.name}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(site));
  await rename(`${file}.tmp`, file);
}

/** A job that crashed leaves its sites unrecorded; record them as failed so no suite waits for them. */
async function recordMissing(runDir: string): Promise<void> {
  const written = new Set(await readdir(runDir));
  for (const name of SITE_NAMES) {
    const file = `${name}.json`;
    if (!written.has(file))
      await publish(runDir, {
        name: name as SiteName,
        dir: '',
        dist: '',
        code: -1,
        output: 'not built: its setup job crashed (see the log above) or TEST_SITES left it out',
      });
  }
}

/**
 * Writes each fixture in tests/fixtures/broken/ into the posts folder. A `.json` fixture is a set of
 * files a checkout could not hold (`what?.md` on Windows, `Launch.md` beside `launch.md` on macOS,
 * NFC and NFD twins), or that would be too large or unsafe to commit as they are:
 * - `files`: path in the posts folder → text (written as `encoding`, UTF-8 by default);
 * - `repeat`: path → `{ text, times }`, appended to that file `times` times;
 * - `outside` and `links`: files written outside the project, and links in the posts folder to them.
 */
async function writeBrokenPosts(contentDir: string): Promise<void> {
  for (const file of await readdir(BROKEN)) {
    if (!file.endsWith('.json')) {
      await copyFile(join(BROKEN, file), join(contentDir, file));
      continue;
    }
    const fixture = JSON.parse(await readFile(join(BROKEN, file), 'utf8')) as {
      files?: Record<string, string>;
      encoding?: BufferEncoding;
      repeat?: Record<string, { text: string; times: number }>;
      outside?: Record<string, string>;
      links?: Record<string, string>;
    };
    const write = async (path: string, text: string) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, Buffer.from(text, fixture.encoding ?? 'utf8'));
    };
    for (const [name, text] of Object.entries(fixture.files ?? {}))
      await write(join(contentDir, name), text);
    for (const [name, { text, times }] of Object.entries(fixture.repeat ?? {}))
      await appendFile(join(contentDir, name), text.repeat(times));
    const outside = await mkdtemp(join(tmpdir(), 'milestones-outside-'));
    for (const [name, text] of Object.entries(fixture.outside ?? {}))
      await write(join(outside, name), text);
    for (const [name, target] of Object.entries(fixture.links ?? {}))
      await symlink(join(outside, target), join(contentDir, name));
  }
}

/** Syncs, removes the posts the failure names, and again, until a sync passes or names nothing new. */
async function syncUntilClean(dir: string, contentDir: string): Promise<BuildResult> {
  const rounds: string[] = [];
  let first: BuildResult | undefined;
  for (let round = 1; ; round++) {
    const result = await astro(dir, ['sync']);
    first ??= result;
    rounds.push(`=== round ${round}: exit ${result.code} ===\n${result.output}`);
    const named = new Set(
      postsNamedIn(result.output).filter((file) => existsSync(join(contentDir, file))),
    );
    if (result.code === 0 || named.size === 0)
      return { code: first.code, output: rounds.join('\n') };
    for (const file of named) await rm(join(contentDir, file));
  }
}

/** "The real originals" dropped in place of two stand-ins: a 3-frame GIF and a flat wallpaper master. */
async function swapMedia(media: string): Promise<void> {
  const frames = await Promise.all(
    ['#c00', '#0c0', '#00c'].map((background) =>
      sharp({ create: { width: 320, height: 180, channels: 4, background } })
        .png()
        .toBuffer(),
    ),
  );
  await writeFile(
    join(media, 'milvus-10k-stars-timeline.gif'),
    await sharp(frames, { join: { animated: true } })
      .gif({ delay: [200, 200, 200], loop: 0 })
      .toBuffer(),
  );
  await sharp({ create: { width: 4000, height: 2400, channels: 3, background: '#345' } })
    .png()
    .toFile(join(media, 'milvus-10k-wallpaper.png'));
}
