import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Suite folders in the order their sites are ready (tests/setup/sites.ts builds `site` and the type
 * check first, then the warm builds). A suite waiting for a late site holds a worker; started in
 * this order, the workers run suites whose site is built while the later ones build. Within a
 * folder, and for every other file, Vitest's own order stands (slowest or largest first).
 */
const READY_ORDER = [
  'site',
  'check',
  'real-format',
  'many-posts',
  'base-path',
  'integrity',
  'media-swap',
  'broken-posts',
];

export default class SiteOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const folder = relative(spec.project.config.root, spec.moduleId).split('/')[1] ?? '';
      const index = READY_ORDER.indexOf(folder);
      return index === -1 ? READY_ORDER.length : index;
    };
    // Projects stay in Vitest's order; array sort is stable, so ties keep its order too.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const project = (spec: TestSpecification) => projects.indexOf(spec.project.name);
    return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
  }
}
