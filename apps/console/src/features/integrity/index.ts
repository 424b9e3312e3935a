// The integrity feature's public face for the app layer (navigation, live streams); its screens are routes/*.
export { COMPLAINT_DESK_ROLES, OVERSIGHT_ROLES, TUCHT_ROLES } from './access';
