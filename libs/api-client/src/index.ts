export * from './client';
export type { paths as ReportsPaths, components as ReportsComponents, operations as ReportsOperations } from './generated/reports';
export type {
  paths as InvestigationsPaths,
  components as InvestigationsComponents,
  operations as InvestigationsOperations,
} from './generated/investigations';
export type { paths as EvidencePaths, components as EvidenceComponents, operations as EvidenceOperations } from './generated/evidence';
export type { paths as IntegrityPaths, components as IntegrityComponents, operations as IntegrityOperations } from './generated/integrity';
export type { paths as PlatformPaths, components as PlatformComponents, operations as PlatformOperations } from './generated/platform';
