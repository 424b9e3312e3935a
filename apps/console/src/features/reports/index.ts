// The reports feature's public face for the app layer (navigation); its screens are routes/*.
export { DEADLINES_ROLES, REPORT_INTAKE_ROLES, REPORT_READER_ROLES, STATISTICS_ROLES } from './access';
