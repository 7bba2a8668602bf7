// The bundled fonts (no system fonts): Inter for Latin, Greek and Cyrillic, Noto Sans SC for CJK,
// both from @fontsource. Only the subsets whose unicode-range covers the drawn text are loaded.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'satori';

const require = createRequire(import.meta.url);

/** Family, package, and the weights the art uses (Noto Sans SC has no 800: 700 stands in). */
const FAMILIES = [
  { name: 'Inter', pkg: '@fontsource/inter', weights: { 400: 400, 700: 700, 800: 800 } },
  {
    name: 'Noto Sans SC',
    pkg: '@fontsource/noto-sans-sc',
    weights: { 400: 400, 700: 700, 800: 700 },
  },
] as const;

export type Weight = 400 | 700 | 800;

interface Face {
  file: string;
  ranges: [number, number][];
}

function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)];
  });
}

/** The @font-face rules of a package's `<weight>.css`: each subset's WOFF file and unicode-range. */
async function faces(pkg: string, weight: number): Promise<Face[]> {
  const folder = dirname(require.resolve(`${pkg}/package.json`));
  const css = await readFile(join(folder, `${weight}.css`), 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body]) => {
    if (!/font-style:\s*normal/.test(body!)) return [];
    const woff = /url\(\.\/(files\/[^)]+\.woff)\)/.exec(body!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
    return woff && range ? [{ file: join(folder, woff), ranges: parseRanges(range) }] : [];
  });
}

const loaded = new Map<string, Promise<Buffer>>();
const load = (file: string) => {
  let data = loaded.get(file);
  if (!data) loaded.set(file, (data = readFile(file)));
  return data;
};

/**
 * Satori fonts for `text`: per family and weight, every subset that covers one of its
 * characters (Inter's Latin subset always, so digits and punctuation have a face).
 */
export async function fontsFor(text: string): Promise<Font[]> {
  const codes = [...new Set([...text, ...'0123456789,.—! '])].map((c) => c.codePointAt(0)!);
  const fonts: Font[] = [];
  for (const family of FAMILIES) {
    for (const [weight, fileWeight] of Object.entries(family.weights)) {
      for (const [index, face] of (await faces(family.pkg, fileWeight)).entries()) {
        const used = codes.some((code) => face.ranges.some(([a, b]) => code >= a && code <= b));
        // Each subset under a name of its own: satori takes one face per name and weight, and
        // falls back along the font-family list for characters that face lacks.
        if (used)
          fonts.push({
            name: `${family.name} ${index}`,
            data: await load(face.file),
            weight: Number(weight) as Weight,
            style: 'normal',
          });
      }
    }
  }
  return fonts;
}

/** The CSS font-family list naming every loaded subset, Inter's first. */
export const fontFamily = (fonts: readonly Font[]) =>
  [...new Set(fonts.map((f) => f.name))].map((name) => `'${name}'`).join(', ');
