import { Command, hasDuplicates, isBlank, toIso } from './evidence.decide';
import { formatLocation, StorageLocation } from './evidence.events';
import { InventoryCounted, InventoryDiscrepancyRaised, InventoryDiscrepancyResolved, InventoryEvent } from './inventory.events';
import { InvalidInventoryCommand, InventoryConflict, InventoryNotFound } from './inventory.errors';
import { CountedInventory, InventoryState } from './inventory.state';

/**
 * `expectedItemIds` comes from the storage read model (the items `isExpectedAt` the location when counting
 * began); the count records it, so the discrepancies can be checked against what was expected at the time.
 */
export type RecordInventoryCount = Command<
  'RecordInventoryCount',
  { inventoryId: string; location: StorageLocation; expectedItemIds: readonly string[]; foundItemIds: readonly string[] }
>;

export type ResolveInventoryDiscrepancy = Command<'ResolveInventoryDiscrepancy', { itemId: string; resolution: string }>;

export type InventoryCommand = RecordInventoryCount | ResolveInventoryDiscrepancy;

export function decideInventory(state: InventoryState, command: InventoryCommand): InventoryEvent[] {
  switch (command.type) {
    case 'RecordInventoryCount':
      return decideRecordInventoryCount(state, command);
    case 'ResolveInventoryDiscrepancy':
      return decideResolveInventoryDiscrepancy(state, command);
  }
}

export function decideRecordInventoryCount(
  state: InventoryState,
  { data, metadata }: RecordInventoryCount,
): [InventoryCounted, ...InventoryDiscrepancyRaised[]] {
  if (state.status === 'counted') {
    throw new InventoryConflict(
      'inventory_already_counted',
      `Inventory ${state.inventoryId} of ${formatLocation(state.location)} was already counted at ${state.countedAt}`,
    );
  }
  if (isBlank(data.inventoryId)) throw new InvalidInventoryCommand('required', 'inventoryId is required', 'inventoryId');
  if (isBlank(data.location.room)) throw new InvalidInventoryCommand('required', 'An inventory counts at least a room', 'location.room');
  for (const field of ['expectedItemIds', 'foundItemIds'] as const) {
    if (data[field].some((id) => isBlank(id))) throw new InvalidInventoryCommand('required', `${field} may not hold blank ids`, field);
    if (hasDuplicates(data[field])) throw new InvalidInventoryCommand('duplicate_item_ids', `${field} names an item twice`, field);
  }
  const { room, locker, shelf } = data.location;
  const location: StorageLocation = { room, ...(locker !== undefined && { locker }), ...(shelf !== undefined && { shelf }) };
  const found = new Set(data.foundItemIds);
  const expected = new Set(data.expectedItemIds);
  const missingItemIds = data.expectedItemIds.filter((id) => !found.has(id));
  const unexpectedItemIds = data.foundItemIds.filter((id) => !expected.has(id));
  const by = metadata.actor.staffId;
  const at = toIso(metadata.now);
  const raise = (itemId: string, kind: 'missing' | 'unexpected'): InventoryDiscrepancyRaised => ({
    type: 'InventoryDiscrepancyRaised',
    data: { inventoryId: data.inventoryId, itemId, kind, location, raisedBy: by, raisedAt: at },
  });
  return [
    {
      type: 'InventoryCounted',
      data: {
        inventoryId: data.inventoryId,
        location,
        expectedItemIds: [...data.expectedItemIds],
        foundItemIds: [...data.foundItemIds],
        missingItemIds,
        unexpectedItemIds,
        countedBy: by,
        countedAt: at,
      },
    },
    ...missingItemIds.map((id) => raise(id, 'missing')),
    ...unexpectedItemIds.map((id) => raise(id, 'unexpected')),
  ];
}

export function decideResolveInventoryDiscrepancy(
  state: InventoryState,
  { data, metadata }: ResolveInventoryDiscrepancy,
): [InventoryDiscrepancyResolved] {
  const inventory = counted(state);
  const kind = Object.hasOwn(inventory.openDiscrepancies, data.itemId) ? inventory.openDiscrepancies[data.itemId] : undefined;
  if (kind === undefined) {
    if (Object.hasOwn(inventory.resolvedDiscrepancies, data.itemId)) {
      throw new InventoryConflict(
        'discrepancy_already_resolved',
        `The discrepancy for item ${data.itemId} in inventory ${inventory.inventoryId} is already resolved`,
      );
    }
    throw new InventoryNotFound(
      'discrepancy_not_found',
      `Inventory ${inventory.inventoryId} raised no discrepancy for item ${data.itemId}`,
    );
  }
  if (isBlank(data.resolution)) throw new InvalidInventoryCommand('required', 'Say how the discrepancy was resolved', 'resolution');
  return [
    {
      type: 'InventoryDiscrepancyResolved',
      data: {
        inventoryId: inventory.inventoryId,
        itemId: data.itemId,
        kind,
        resolution: data.resolution,
        resolvedBy: metadata.actor.staffId,
        resolvedAt: toIso(metadata.now),
      },
    },
  ];
}

function counted(state: InventoryState): CountedInventory {
  if (state.status === 'not_counted') throw new InventoryNotFound('inventory_not_found', 'No inventory was counted under this id');
  return state;
}
