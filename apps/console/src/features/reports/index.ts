// The reports feature's public face for the app layer (navigation); its screens are routes/*.
export { REPORT_INTAKE_ROLES, REPORT_READER_ROLES } from './access';
