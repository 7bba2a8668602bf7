// The implementation lives in scripts/ so the benchmarks can use it too.
export { ROOT, copyProject, astroBuild, linkNodeModules } from '../../scripts/project-copy.mjs';
export type { ProjectCopy, BuildResult } from '../../scripts/project-copy.mjs';
