import { DomainError } from '@police/event-store';

export class InventoryNotFound extends DomainError {
  constructor(code: 'inventory_not_found' | 'discrepancy_not_found', message: string) {
    super(code, message, 404);
    this.name = 'InventoryNotFound';
  }
}

export class InventoryConflict extends DomainError {
  constructor(code: 'inventory_already_counted' | 'discrepancy_already_resolved', message: string) {
    super(code, message, 409);
    this.name = 'InventoryConflict';
  }
}

export class InvalidInventoryCommand extends DomainError {
  constructor(code: 'required' | 'duplicate_item_ids', message: string, field?: string) {
    super(code, message, 422, field);
    this.name = 'InvalidInventoryCommand';
  }
}
