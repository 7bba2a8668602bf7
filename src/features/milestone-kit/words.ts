// The phrases every drawing shares, built from the data file.
import { formatCount, shortCount, type Milestone } from './data.ts';

export function phrases(m: Milestone) {
  const count = formatCount(m.milestone);
  return {
    /** "10,000 stars" */
    headline: `${count} ${m.metric}`,
    /** "on GitHub", or "" */
    where: m.where,
    /** "10K" */
    short: shortCount(m.milestone),
    /** "Road to 10,000 stars" */
    road: `Road to ${count} ${m.metric}`,
  };
}

/** Every character any drawing of `m` may set, so the fonts for them are loaded once. */
export function allText(m: Milestone): string {
  const p = phrases(m);
  return [
    m.project.name,
    m.project.name.toUpperCase(),
    m.title,
    m.message,
    m.thanks,
    ...Object.values(p),
    p.headline.toUpperCase(),
    p.where.toUpperCase(),
    ...m.events.map((e) => e.label),
    'JanFebMarAprMayJunJulAugSepOctNovDec JanuaryFebruaryMarchAprilMayJuneJulyAugustSeptemberOctoberNovemberDecember ·',
  ].join(' ');
}
