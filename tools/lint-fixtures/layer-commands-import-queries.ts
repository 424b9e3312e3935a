// lint-as: services/evidence/src/commands/items/items.http.ts
// expect: no-restricted-imports
import { ListItemsQuery } from '../../queries/items/items.query';

export const leak = ListItemsQuery;
