// The implementation lives in scripts/ so the audit and the benchmarks serve pages the same way.
export { serveStatic } from '../../scripts/static-server.mjs';
export type { RunningServer, ServeOptions } from '../../scripts/static-server.mjs';
