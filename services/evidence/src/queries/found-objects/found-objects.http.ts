import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_SOURCING, problem, ServiceEventSourcing, setEtag, UuidParam } from '@police/platform';
import { AccessControl, Allow, Consults, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { POPP_ROLES } from '../../evidence.access';
import { EVIDENCE_CONFIG, EvidenceConfig } from '../../evidence.config';
import { FoundObjectRow, LossDeclarationRow } from '../../read-model/found-objects/found-object.read-model';
import { FoundObjectView, foundObjectView, holdingEndsAt } from '../../read-model/found-objects/found-object.view';
import { ListFoundObjectsQuery } from './found-objects.query';

/** Found objects (POPP) and the desk's loss declarations, as the evidence desk and the front desk read them. */
@ApiTags('found-objects')
@Controller()
export class FoundObjectQueriesController {
  constructor(
    private readonly control: AccessControl,
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
  ) {}

  @Get('found-objects')
  @SearchRateLimit()
  @Allow(...POPP_ROLES)
  @Consults('found_object')
  async list(
    @Query() q: ListFoundObjectsQuery,
    @Req() req: Request,
  ): Promise<{
    foundObjects: {
      id: string;
      category: string;
      description: string;
      status: string;
      foundOn: string;
      version: number;
      holdingPeriodEndsAt: string | null;
    }[];
  }> {
    const where: Partial<FoundObjectRow> = {};
    if (q.status) where.status = q.status;
    if (q.category) where.category = q.category;
    const rows = await this.es.dataSource.getRepository(FoundObjectRow).find({ where, order: { registeredAt: 'DESC' }, take: 200 });
    await this.control.recordListRead(
      req,
      'found_object',
      rows.map((r) => ({ type: 'found_object' as const, id: r.id })),
    );
    return {
      foundObjects: rows.map((r) => ({
        id: r.id,
        category: r.category,
        description: r.description,
        status: r.status,
        foundOn: r.foundOn,
        version: r.version,
        holdingPeriodEndsAt: holdingEndsAt(r.state, this.config.holdingPeriods),
      })),
    };
  }

  @Get('found-objects/:id')
  @Allow(...POPP_ROLES)
  @Consults('found_object')
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<FoundObjectView> {
    const row = await this.es.dataSource.getRepository(FoundObjectRow).findOneBy({ id });
    if (!row) throw problem(404, 'found_object_not_found', `No found object ${id}.`);
    await this.control.authorizeRead(req, { type: 'found_object', id });
    setEtag(res, row.version);
    return foundObjectView(row.state, row.version, this.config.holdingPeriods)!;
  }

  @Get('loss-declarations')
  @SearchRateLimit()
  @Allow(...POPP_ROLES)
  @Consults('loss_declaration')
  @ApiOperation({ summary: 'Loss declarations from the desk, to match found objects against' })
  async losses(@Req() req: Request): Promise<{
    lossDeclarations: {
      declaredAt: string;
      reportId: string;
      category: string;
      description: string;
      municipality: string;
      lostOn: string;
      declarantRef: string;
    }[];
  }> {
    const rows = await this.es.dataSource.getRepository(LossDeclarationRow).find({ order: { declaredAt: 'DESC' }, take: 200 });
    await this.control.recordListRead(
      req,
      'loss_declaration',
      rows.map((r) => ({ type: 'loss_declaration', id: r.reportId })),
    );
    return { lossDeclarations: rows.map((r) => ({ ...r, declaredAt: r.declaredAt.toISOString() })) };
  }
}
