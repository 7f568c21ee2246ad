export type {
  DescribeTablesInput,
  DescribeTablesResult,
  DescriptionFailure,
  TableDescription,
} from './describe-tables.js';
export { describeTables } from './describe-tables.js';
export {
  type DiscoveredStructure,
  type ManifestShard,
  manifestShards,
  sourceNames,
} from './manifest-shards.js';
export type { ColumnProfile, ProfileFailure, TableProfile, ValueCount } from './profile/table-profile.js';
export { type DiscoverInput, discoverRelationships } from './relationships/discover-relationships.js';
export type {
  PrimaryKeyFinding,
  RelationshipDiagnostics,
  RelationshipFinding,
  RelationshipsResult,
} from './relationships/relationship.js';
export {
  DEFAULT_SCAN_SETTINGS,
  runScan,
  type ScanInput,
  type ScanReport,
  type ScanSettings,
} from './run-scan.js';
export type { ScanPhase, ScanProgress } from './scan-progress.js';
export { type TableFilter, tableAllowed } from './table-filter.js';
