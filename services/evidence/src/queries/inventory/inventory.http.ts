import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AggregateCommands } from '@police/event-store';
import { EVENT_SOURCING, problem, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { Allow, Consults } from '@police/security';
import type { Request, Response } from 'express';
import { Actor } from '../../domain/evidence.decide';
import { StorageLocation } from '../../domain/evidence.events';
import { InventoryCommand } from '../../domain/inventory.decide';
import { InventoryEvent } from '../../domain/inventory.events';
import { InventoryState } from '../../domain/inventory.state';
import { EvidenceAccess } from '../../evidence.access';
import { inventoryAggregate } from '../../evidence.aggregates';
import { ItemRow } from '../../read-model/items/item.read-model';

/** An inventory count as recorded, with the discrepancies the reader may see. */
@ApiTags('inventories')
@Controller('inventories')
export class InventoryQueriesController {
  private readonly inventories: AggregateCommands<InventoryState, InventoryEvent, InventoryCommand, Actor>;

  constructor(
    private readonly access: EvidenceAccess,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
  ) {
    this.inventories = es.commands(inventoryAggregate);
  }

  @Get(':id')
  @Allow('evidence_officer')
  @Consults('evidence_item')
  async get(
    @UuidParam('id') id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{
    id: string;
    version: number;
    inventory: {
      openDiscrepancies: { [k: string]: unknown };
      resolvedDiscrepancies: { [k: string]: unknown };
      status: 'counted';
      inventoryId: string;
      location: StorageLocation;
      countedAt: string;
    };
  }> {
    const { state, version } = await this.inventories.load(id);
    if (state.status === 'not_counted') throw problem(404, 'inventory_not_found', `No inventory ${id}.`);
    const ids = [...new Set([...Object.keys(state.openDiscrepancies), ...Object.keys(state.resolvedDiscrepancies)])];
    const rows =
      ids.length > 0
        ? await this.es.dataSource.getRepository(ItemRow).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany()
        : [];
    // The desk sees the items of its rooms (it acts for the storage room that holds them); an item it
    // could not see is left out of the answer rather than revealed.
    const visible = await this.access.visible(this.access.principal(req), rows);
    await this.access.accessControl.recordListRead(
      req,
      'evidence_item',
      visible.map((v) => v.resource),
    );
    const shown = new Set(visible.map((v) => v.row.id));
    const hidden = new Set(rows.filter((r) => !shown.has(r.id)).map((r) => r.id));
    const only = (ids: Record<string, unknown>) => Object.fromEntries(Object.entries(ids).filter(([id]) => !hidden.has(id)));
    setEtag(res, version);
    return {
      id,
      version,
      inventory: { ...state, openDiscrepancies: only(state.openDiscrepancies), resolvedDiscrepancies: only(state.resolvedDiscrepancies) },
    };
  }
}
