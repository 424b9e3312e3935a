// The found-objects feature's public face for the app layer (navigation); its screens are routes/*.
export { POPP_ROLES } from './access';
