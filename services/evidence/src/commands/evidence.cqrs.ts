import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CommandResult } from '@police/event-store';
import { EVENT_SOURCING, ServiceEventSourcing } from '@police/platform';
import type { FoundObjectCommand } from '../domain/found-object.decide';
import type { InventoryCommand } from '../domain/inventory.decide';
import type { ItemCommand } from '../domain/item.decide';
import type { ItemState } from '../domain/item.state';
import { EvidenceCommands, EvidenceRequestContext } from './evidence-commands';

type Envelope<C extends { type: string; data: unknown }> = Pick<C, 'type' | 'data'>;

/** A command on one seized item, dispatched through the CommandBus. */
export class ExecuteItemCommand {
  constructor(
    readonly itemId: string,
    readonly command: Envelope<ItemCommand>,
    readonly ctx: EvidenceRequestContext,
  ) {}
}

export class ExecuteFoundObjectCommand {
  constructor(
    readonly foundObjectId: string,
    readonly command: Envelope<FoundObjectCommand>,
    readonly ctx: EvidenceRequestContext,
  ) {}
}

export class ExecuteInventoryCommand {
  constructor(
    readonly inventoryId: string,
    readonly command: Envelope<InventoryCommand>,
    readonly ctx: EvidenceRequestContext,
  ) {}
}

const ITEM_SNAPSHOT_EVERY = 50;

@CommandHandler(ExecuteItemCommand)
export class ExecuteItemCommandHandler implements ICommandHandler<ExecuteItemCommand, CommandResult<ItemState>> {
  private readonly commands: EvidenceCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new EvidenceCommands(es.store, { store: es.snapshots, every: ITEM_SNAPSHOT_EVERY, stateVersion: 'item-v1' });
  }
  execute(c: ExecuteItemCommand) {
    return this.commands.item(c.itemId, c.command, c.ctx);
  }
}

@CommandHandler(ExecuteFoundObjectCommand)
export class ExecuteFoundObjectCommandHandler implements ICommandHandler<ExecuteFoundObjectCommand> {
  private readonly commands: EvidenceCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new EvidenceCommands(es.store);
  }
  execute(c: ExecuteFoundObjectCommand) {
    return this.commands.foundObject(c.foundObjectId, c.command, c.ctx);
  }
}

@CommandHandler(ExecuteInventoryCommand)
export class ExecuteInventoryCommandHandler implements ICommandHandler<ExecuteInventoryCommand> {
  private readonly commands: EvidenceCommands;
  constructor(@Inject(EVENT_SOURCING) es: ServiceEventSourcing) {
    this.commands = new EvidenceCommands(es.store);
  }
  execute(c: ExecuteInventoryCommand) {
    return this.commands.inventory(c.inventoryId, c.command, c.ctx);
  }
}

export const EVIDENCE_COMMAND_HANDLERS = [ExecuteItemCommandHandler, ExecuteFoundObjectCommandHandler, ExecuteInventoryCommandHandler];
