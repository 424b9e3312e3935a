// The evidence desk's public face for the app layer (navigation, the item page's actions area); its screens are routes/*.
export { ITEM_READER_ROLES, ITEM_REGISTER_ROLES } from './access';
export type { ItemAnswer } from './api/evidence.api';
