import { commandContext, CommandResult, EventStore, handleCommand, RequestContext, SnapshotPolicy } from '@police/event-store';
import { Actor } from '../domain/evidence.decide';
import { foundObjectStream, inventoryStream, itemStream } from '../domain/evidence.stream';
import { decideFoundObject, FoundObjectCommand } from '../domain/found-object.decide';
import { evolveFoundObject, FoundObjectState, initialFoundObjectState } from '../domain/found-object.state';
import { decideInventory, InventoryCommand } from '../domain/inventory.decide';
import { evolveInventory, initialInventoryState, InventoryState } from '../domain/inventory.state';
import { ItemCommand, decideItem } from '../domain/item.decide';
import { ItemEvent } from '../domain/item.events';
import { evolveItem, initialItemState, ItemState } from '../domain/item.state';
import { FoundObjectEvent } from '../domain/found-object.events';
import { InventoryEvent } from '../domain/inventory.events';

export { newRecordId } from '@police/event-store';

/** Who asks and in answer to what, as the HTTP edge (or a consumer) established it. */
export interface EvidenceRequestContext extends RequestContext<Actor> {
  /**
   * The actor for the state the command is decided on (who may act for the item's party at hand —
   * custodian, recipient, lab — depends on that state, not on an earlier read of it).
   */
  actorFor?: (state: ItemState) => Actor;
}

type Envelope<C extends { type: string; data: unknown }> = Pick<C, 'type' | 'data'>;

/** The three aggregates of the evidence service, each one load → decide → append. */
export class EvidenceCommands {
  constructor(
    private readonly store: EventStore,
    private readonly itemSnapshots?: SnapshotPolicy<ItemState>,
  ) {}

  item(itemId: string, command: Envelope<ItemCommand>, ctx: EvidenceRequestContext): Promise<CommandResult<ItemState>> {
    return handleCommand<ItemState, ItemEvent>(
      this.store,
      itemStream(itemId),
      (state) => decideItem(state, { ...command, metadata: { actor: ctx.actorFor?.(state) ?? ctx.actor, now: ctx.now } } as ItemCommand),
      { evolve: evolveItem, initialState: initialItemState, context: commandContext(ctx), expected: ctx.expected, snapshots: this.itemSnapshots },
    );
  }

  foundObject(foundObjectId: string, command: Envelope<FoundObjectCommand>, ctx: EvidenceRequestContext): Promise<CommandResult<FoundObjectState>> {
    return handleCommand<FoundObjectState, FoundObjectEvent>(
      this.store,
      foundObjectStream(foundObjectId),
      (state) => decideFoundObject(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as FoundObjectCommand),
      { evolve: evolveFoundObject, initialState: initialFoundObjectState, context: commandContext(ctx), expected: ctx.expected },
    );
  }

  inventory(inventoryId: string, command: Envelope<InventoryCommand>, ctx: EvidenceRequestContext): Promise<CommandResult<InventoryState>> {
    return handleCommand<InventoryState, InventoryEvent>(
      this.store,
      inventoryStream(inventoryId),
      (state) => decideInventory(state, { ...command, metadata: { actor: ctx.actor, now: ctx.now } } as InventoryCommand),
      { evolve: evolveInventory, initialState: initialInventoryState, context: commandContext(ctx), expected: ctx.expected },
    );
  }
}
