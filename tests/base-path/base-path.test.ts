import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from 'vitest';
import { filesIn } from '../support/dist-links';
import { readySite } from '../support/sites';

/** `path → bytes` of every file in a built site. */
function tree(dist: string): Map<string, Buffer> {
  return new Map(filesIn(dist).map((file) => [relative(dist, file), readFileSync(file)]));
}

// The same site built with BASE_PATH=milestones, /milestones/ and /milestones, one after the other
// in one folder (the first on a fresh content store, the others warm): one base, so one dist/, byte for byte.
const bare = await readySite('base-path-bare');
const others = [await readySite('base-path-leading'), await readySite('base-path-slashes')];

test('every spelling of BASE_PATH gives the same dist/', () => {
  const reference = tree(bare.dist);
  expect(reference.size).toBeGreaterThan(10);
  for (const other of others) {
    const files = tree(other.dist);
    expect([...files.keys()].sort(), other.name).toEqual([...reference.keys()].sort());
    const different = [...files]
      .filter(([path, bytes]) => !bytes.equals(reference.get(path)!))
      .map(([path]) => path);
    expect(different, `${other.name} differs from BASE_PATH=milestones`).toEqual([]);
  }
});

test('under the base, the post page serves its media and wallpaper from /milestones/media/', () => {
  const html = readFileSync(`${bare.dist}/blog/2022-4-12-milvus-10k-stars/index.html`, 'utf8');
  const media =
    html.match(/(?:src|srcset|href|data-still|data-moving)="([^"]*media\/[^"]*)"/g) ?? [];
  expect(media.length).toBeGreaterThan(10);
  for (const attribute of media) expect(attribute).toMatch(/="\/milestones\/media\//);
});
