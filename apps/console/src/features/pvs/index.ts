// The PV feature's public face for the app layer (navigation); its screens are routes/*.
export { GAK_CAPABLE_ROLES, GAK_TEAMS } from './access';
