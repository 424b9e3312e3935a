import { invalidCommand, refusal } from '@police/event-store/domain';

export class InventoryNotFound extends refusal<'inventory_not_found' | 'discrepancy_not_found'>('InventoryNotFound', 404) {}

export class InventoryConflict extends refusal<'inventory_already_counted' | 'discrepancy_already_resolved'>('InventoryConflict', 409) {}

export class InvalidInventoryCommand extends invalidCommand<'required' | 'duplicate_item_ids'>('InvalidInventoryCommand') {}
