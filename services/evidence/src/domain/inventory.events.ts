import type { DomainEvent } from '@police/event-store/domain';
import { StorageLocation } from './evidence.events';

// An inventory is its own stream (`evidence-inventory-<id>`): one append records the count and every
// discrepancy it raises, atomically; the items' own streams stay the custody record and a count never writes to them.
export type DiscrepancyKind = 'missing' | 'unexpected';

/** One count of one place, once. `expectedItemIds` is what the storage records said was there when counting began. */
export type InventoryCounted = DomainEvent<
  'InventoryCounted',
  {
    inventoryId: string;
    location: StorageLocation;
    expectedItemIds: string[];
    foundItemIds: string[];
    missingItemIds: string[];
    unexpectedItemIds: string[];
    countedBy: string;
    countedAt: string;
  }
>;

/** One per item that was expected and not found (missing) or found and not expected (unexpected). */
export type InventoryDiscrepancyRaised = DomainEvent<
  'InventoryDiscrepancyRaised',
  { inventoryId: string; itemId: string; kind: DiscrepancyKind; location: StorageLocation; raisedBy: string; raisedAt: string }
>;

export type InventoryDiscrepancyResolved = DomainEvent<
  'InventoryDiscrepancyResolved',
  { inventoryId: string; itemId: string; kind: DiscrepancyKind; resolution: string; resolvedBy: string; resolvedAt: string }
>;

export type InventoryEvent = InventoryCounted | InventoryDiscrepancyRaised | InventoryDiscrepancyResolved;
