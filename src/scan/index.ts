export { type ManifestShard, manifestShards, sourceNames } from './manifest-shards.js';
export { runScan, type ScanInput, type ScanReport } from './run-scan.js';
export { type TableFilter, tableAllowed } from './table-filter.js';
