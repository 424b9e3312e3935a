import { aggregate } from '@police/event-store';
import { Actor } from './domain/evidence.decide';
import { foundObjectStream, inventoryStream, itemStream } from './domain/evidence.stream';
import { decideFoundObject, FoundObjectCommand } from './domain/found-object.decide';
import { FoundObjectEvent } from './domain/found-object.events';
import { evolveFoundObject, FoundObjectState, initialFoundObjectState } from './domain/found-object.state';
import { decideInventory, InventoryCommand } from './domain/inventory.decide';
import { InventoryEvent } from './domain/inventory.events';
import { evolveInventory, initialInventoryState, InventoryState } from './domain/inventory.state';
import { decideItem, ItemCommand } from './domain/item.decide';
import { ItemEvent } from './domain/item.events';
import { evolveItem, initialItemState, ItemState } from './domain/item.state';

/** A seized item or trace: long-lived (every handover, check-in and lab visit is an event), so snapshotted. */
export const itemAggregate = aggregate<ItemState, ItemEvent, ItemCommand, Actor>({
  stream: itemStream,
  initialState: initialItemState,
  evolve: evolveItem,
  decide: decideItem,
  snapshots: { every: 50, stateVersion: 'item-v1' },
});

/** An object found and brought to the desk (POPP). */
export const foundObjectAggregate = aggregate<FoundObjectState, FoundObjectEvent, FoundObjectCommand, Actor>({
  stream: foundObjectStream,
  initialState: initialFoundObjectState,
  evolve: evolveFoundObject,
  decide: decideFoundObject,
});

/** A stock-take of a storage room. */
export const inventoryAggregate = aggregate<InventoryState, InventoryEvent, InventoryCommand, Actor>({
  stream: inventoryStream,
  initialState: initialInventoryState,
  evolve: evolveInventory,
  decide: decideInventory,
});
