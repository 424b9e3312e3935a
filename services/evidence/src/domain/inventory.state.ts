import { StorageLocation } from './evidence.events';
import { DiscrepancyKind, InventoryEvent } from './inventory.events';

export interface CountedInventory {
  status: 'counted';
  inventoryId: string;
  location: StorageLocation;
  countedAt: string;
  openDiscrepancies: Record<string, DiscrepancyKind>;
  resolvedDiscrepancies: Record<string, DiscrepancyKind>;
}

export type InventoryState = { status: 'not_counted' } | CountedInventory;

export const initialInventoryState = (): InventoryState => ({ status: 'not_counted' });

export function evolveInventory(state: InventoryState, event: InventoryEvent): InventoryState {
  switch (event.type) {
    case 'InventoryCounted':
      if (state.status !== 'not_counted') return state;
      return {
        status: 'counted',
        inventoryId: event.data.inventoryId,
        location: event.data.location,
        countedAt: event.data.countedAt,
        openDiscrepancies: {},
        resolvedDiscrepancies: {},
      };
    case 'InventoryDiscrepancyRaised':
      if (state.status !== 'counted') return state;
      return { ...state, openDiscrepancies: { ...state.openDiscrepancies, [event.data.itemId]: event.data.kind } };
    case 'InventoryDiscrepancyResolved': {
      if (state.status !== 'counted') return state;
      const { [event.data.itemId]: kind, ...stillOpen } = state.openDiscrepancies;
      if (kind === undefined) return state;
      return {
        ...state,
        openDiscrepancies: stillOpen,
        resolvedDiscrepancies: { ...state.resolvedDiscrepancies, [event.data.itemId]: kind },
      };
    }
  }
}
