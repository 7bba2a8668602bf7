import type { Sharp, SharpOptions } from 'sharp';

// Loaded on first use: a card served from the cache never loads satori or sharp.

type SatoriFunction = (element: never, options: Record<string, unknown>) => Promise<string>;
type SharpFunction = (input?: Buffer, options?: SharpOptions) => Sharp;

let satoriModule: Promise<SatoriFunction> | undefined;
let sharpModule: Promise<SharpFunction> | undefined;

export function loadSatori(): Promise<SatoriFunction> {
  satoriModule ??= import('satori').then((module) => module.default as unknown as SatoriFunction);
  return satoriModule;
}

export function loadSharp(): Promise<SharpFunction> {
  sharpModule ??= import('sharp').then((module) => module.default as unknown as SharpFunction);
  return sharpModule;
}
