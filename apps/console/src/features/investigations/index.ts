// The investigations feature's public face for the app layer (navigation); its screens are routes/*.
export { INVESTIGATION_READER_ROLES, INVESTIGATION_WRITER_ROLES } from './access';
