import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, newRecordId } from '@police/event-store';
import { EVENT_SOURCING, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow } from '@police/security';
import type { Request, Response } from 'express';
import { Actor } from '../../domain/evidence.decide';
import { StorageLocation } from '../../domain/evidence.events';
import { InventoryCommand } from '../../domain/inventory.decide';
import { InventoryEvent } from '../../domain/inventory.events';
import { InventoryState } from '../../domain/inventory.state';
import { isExpectedAt } from '../../domain/item.state';
import { EvidenceAccess } from '../../evidence.access';
import { inventoryAggregate } from '../../evidence.aggregates';
import { ItemRow } from '../../read-model/items/item.read-model';
import { CountInventoryRequest, ResolveDiscrepancyRequest } from '../found-objects/found-objects.request';

/** Periodic inventory counts of a storage location: what was expected there, what was found, discrepancies. */
@ApiTags('inventories')
@Controller('inventories')
export class InventoryCommandsController {
  private readonly inventories: AggregateCommands<InventoryState, InventoryEvent, InventoryCommand, Actor>;

  constructor(
    private readonly access: EvidenceAccess,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
  ) {
    this.inventories = es.commands(inventoryAggregate);
  }

  @Post()
  @Allow('evidence_officer')
  @ApiOperation({ summary: 'Record a count of a location; every expected item not found raises a discrepancy' })
  async count(
    @Body() body: CountInventoryRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; version: number; inventory: InventoryState }> {
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal));
    const location: StorageLocation = {
      room: body.room,
      ...(body.locker ? { locker: body.locker } : {}),
      ...(body.shelf ? { shelf: body.shelf } : {}),
    };
    const candidates = await this.es.dataSource
      .getRepository(ItemRow)
      .createQueryBuilder('i')
      .where("i.status = 'held'")
      .andWhere('(i.location = :r OR i.location LIKE :rp)', { r: body.room, rp: `${body.room} / %` })
      .getMany();
    const expectedItemIds = candidates.filter((r) => isExpectedAt(r.state, location)).map((r) => r.id);
    const inventoryId = newRecordId('inventory', principal.staffId, ctx.idempotencyKey);
    const result = await this.inventories.handle(
      inventoryId,
      { type: 'RecordInventoryCount', data: { inventoryId, location, expectedItemIds, foundItemIds: body.foundItemIds } },
      ctx,
    );
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/evidence/inventories/${inventoryId}`);
    setEtag(res, result.version);
    return { id: inventoryId, version: result.version, inventory: result.state };
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Allow('evidence_officer')
  async resolve(
    @UuidParam('id') id: string,
    @Body() body: ResolveDiscrepancyRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; version: number; inventory: InventoryState }> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    const result = await this.inventories.handle(id, { type: 'ResolveInventoryDiscrepancy', data: body }, ctx);
    setEtag(res, result.version);
    return { id, version: result.version, inventory: result.state };
  }
}
