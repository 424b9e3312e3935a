import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, newRecordId } from '@police/event-store';
import { EVENT_SOURCING, problem, requestContext, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow, Consults } from '@police/security';
import type { Request, Response } from 'express';
import { Actor } from '../../domain/evidence.decide';
import { StorageLocation } from '../../domain/evidence.events';
import { InventoryCommand } from '../../domain/inventory.decide';
import { InventoryEvent } from '../../domain/inventory.events';
import { InventoryState } from '../../domain/inventory.state';
import { isExpectedAt } from '../../domain/item.state';
import { EvidenceAccess } from '../../evidence.access';
import { inventoryAggregate } from '../../evidence.aggregates';
import { ItemRow } from '../../queries/items/item.read-model';
import { CountInventoryRequest, ResolveDiscrepancyRequest } from '../found-objects/found-objects.request';

/** Periodic inventory counts of a storage location: what was expected there, what was found, discrepancies. */
@ApiTags('inventories')
@Controller('inventories')
export class InventoryController {
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
  async count(@Body() body: CountInventoryRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ id: string; version: number; inventory: InventoryState; }> {
    const principal = this.access.principal(req);
    const ctx = requestContext(req, this.access.actor(principal));
    const location: StorageLocation = { room: body.room, ...(body.locker ? { locker: body.locker } : {}), ...(body.shelf ? { shelf: body.shelf } : {}) };
    const candidates = await this.es.dataSource.getRepository(ItemRow).createQueryBuilder('i').where("i.status = 'held'").andWhere('(i.location = :r OR i.location LIKE :rp)', { r: body.room, rp: `${body.room} / %` }).getMany();
    const expectedItemIds = candidates.filter((r) => isExpectedAt(r.state, location)).map((r) => r.id);
    const inventoryId = newRecordId('inventory', principal.staffId, ctx.idempotencyKey);
    const result = await this.inventories.handle(inventoryId, { type: 'RecordInventoryCount', data: { inventoryId, location, expectedItemIds, foundItemIds: body.foundItemIds } }, ctx);
    res.status(result.alreadyHandled ? 200 : 201).location(`/api/evidence/inventories/${inventoryId}`);
    setEtag(res, result.version);
    return { id: inventoryId, version: result.version, inventory: result.state };
  }

  @Get(':id')
  @Allow('evidence_officer')
  @Consults('evidence_item')
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ id: string; version: number; inventory: { openDiscrepancies: { [k: string]: unknown; }; resolvedDiscrepancies: { [k: string]: unknown; }; status: "counted"; inventoryId: string; location: StorageLocation; countedAt: string; }; }> {
    const { state, version } = await this.inventories.load(id);
    if (state.status === 'not_counted') throw problem(404, 'inventory_not_found', `No inventory ${id}.`);
    const ids = [...new Set([...Object.keys(state.openDiscrepancies), ...Object.keys(state.resolvedDiscrepancies)])];
    const rows = ids.length > 0 ? await this.es.dataSource.getRepository(ItemRow).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany() : [];
    // The desk sees the items of its rooms (it acts for the storage room that holds them); an item it
    // could not see is left out of the answer rather than revealed.
    const visible = await this.access.visible(this.access.principal(req), rows);
    await this.access.accessControl.recordListRead(req, 'evidence_item', visible.map((v) => v.resource));
    const shown = new Set(visible.map((v) => v.row.id));
    const hidden = new Set(rows.filter((r) => !shown.has(r.id)).map((r) => r.id));
    const only = (ids: Record<string, unknown>) => Object.fromEntries(Object.entries(ids).filter(([id]) => !hidden.has(id)));
    setEtag(res, version);
    return { id, version, inventory: { ...state, openDiscrepancies: only(state.openDiscrepancies), resolvedDiscrepancies: only(state.resolvedDiscrepancies) } };
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Allow('evidence_officer')
  async resolve(@UuidParam('id') id: string, @Body() body: ResolveDiscrepancyRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ id: string; version: number; inventory: InventoryState; }> {
    const ctx = requestContext(req, this.access.actor(this.access.principal(req)));
    const result = await this.inventories.handle(id, { type: 'ResolveInventoryDiscrepancy', data: body }, ctx);
    setEtag(res, result.version);
    return { id, version: result.version, inventory: result.state };
  }
}
