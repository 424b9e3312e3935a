// The counter feature's public face for the app layer and the item page: its screens are routes/*.
export { ItemActions } from './components/item-actions';
export { HANDOVER_ROLES, INVENTORY_ROLES, ITEM_READER_ROLES, OVERDUE_ROLES, STORAGE_ROLES, DECISION_ROLES } from './access';
