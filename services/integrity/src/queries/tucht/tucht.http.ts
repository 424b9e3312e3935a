import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { problem, setEtag, UuidParam } from '@police/platform';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Consults, resourceNotFound, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { DisciplinaryFileQuery, ListOrderMeasuresQuery, ListThreatFilesQuery } from './tucht.query';
import { SanctionSeverity } from '../../domain/complaint.events';
import { Erasure, erasureOf } from '../../domain/disciplinary-file.state';
import { dayOf } from '../../domain/integrity.decide';
import { ThreatInvolvement } from '../../domain/threat-file.events';
import { IntegrityAccess, TUCHT_ROLES } from '../../integrity.access';
import { INTEGRITY_CONFIG, IntegrityConfig } from '../../integrity.config';
import { ComplaintRow } from '../../read-model/complaints/complaint.read-model';
import { OrderMeasureRow, ThreatFileRow } from '../../read-model/tucht/tucht.read-model';
import {
  OrderMeasureListEntry,
  orderMeasureListEntry,
  OrderMeasureView,
  orderMeasureView,
  ThreatFileAnswer,
  ThreatFileListEntry,
  threatFileListEntry,
  threatFileView,
} from '../../read-model/tucht/tucht.view';

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Reading Bureau Tucht's records. Lists are filtered by what the reader may see before anything is
 * counted: the staff member a record concerns finds no trace of it.
 */
@ApiTags('order-measures')
@Controller('order-measures')
export class OrderMeasureQueriesController {
  constructor(private readonly access: IntegrityAccess) {}

  @Get()
  @SearchRateLimit()
  @Allow(...TUCHT_ROLES)
  @Consults('disciplinary_case')
  @ApiOperation({ summary: 'Order measures you may see, by staff member and status' })
  async list(@Query() q: ListOrderMeasuresQuery, @Req() req: Request): Promise<Page<OrderMeasureListEntry>> {
    const qb = this.access.eventSourcing.dataSource
      .getRepository(OrderMeasureRow)
      .createQueryBuilder('m')
      .orderBy('m.startsOn', 'DESC')
      .addOrderBy('m.id', 'ASC');
    if (q.staffId) qb.andWhere('m.staffId = :staffId', { staffId: q.staffId });
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    const principal = this.access.principal(req);
    const visible = (await qb.getMany()).filter((r) => this.access.canSeeResource(principal, this.access.measureResource(r)));
    const { limit, offset, page } = paged(visible, q);
    await this.access.recordDisciplinaryListRead(
      req,
      page.map((r) => this.access.measureResource(r)),
    );
    return { items: page.map(orderMeasureListEntry), total: visible.length, limit, offset };
  }

  @Get(':id')
  @Allow(...TUCHT_ROLES)
  @Consults('disciplinary_case')
  @ApiOperation({ summary: 'An order measure with its follow-ups (404 to the staff member it is toward, as for a missing id)' })
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<OrderMeasureView> {
    const row = await this.access.measureRow(id);
    const granted = await this.access.authorizeReadResource(req, this.access.measureResource(row));
    res.setHeader('X-Access-Basis', granted.basis);
    setEtag(res, row.version);
    return orderMeasureView(row);
  }
}

@ApiTags('threat-files')
@Controller('threat-files')
export class ThreatFileQueriesController {
  constructor(private readonly access: IntegrityAccess) {}

  @Get()
  @SearchRateLimit()
  @Allow(...TUCHT_ROLES)
  @Consults('disciplinary_case')
  @ApiOperation({ summary: 'Threat files you may see, by a staff member involved and status' })
  async list(@Query() q: ListThreatFilesQuery, @Req() req: Request): Promise<Page<ThreatFileListEntry>> {
    const qb = this.access.eventSourcing.dataSource
      .getRepository(ThreatFileRow)
      .createQueryBuilder('t')
      .orderBy('t.openedOn', 'DESC')
      .addOrderBy('t.id', 'ASC');
    if (q.staffId) qb.andWhere(':staffId = ANY(t.staffIds)', { staffId: q.staffId });
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    const principal = this.access.principal(req);
    const visible = (await qb.getMany()).filter((r) => this.access.canSeeResource(principal, this.access.threatFileResource(r)));
    const { limit, offset, page } = paged(visible, q);
    await this.access.recordDisciplinaryListRead(
      req,
      page.map((r) => this.access.threatFileResource(r)),
    );
    return { items: page.map(threatFileListEntry), total: visible.length, limit, offset };
  }

  @Get(':id')
  @Allow(...TUCHT_ROLES)
  @Consults('disciplinary_case')
  @ApiOperation({ summary: 'A threat file with its notes (404 to every staff member involved, as for a missing id)' })
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ThreatFileAnswer> {
    const row = await this.access.threatFileRow(id);
    const granted = await this.access.authorizeReadResource(req, this.access.threatFileResource(row));
    res.setHeader('X-Access-Basis', granted.basis);
    setEtag(res, row.version);
    return threatFileView(row);
  }
}

/** A line of the tuchtblad: a disciplinary procedure on a complaint, with the sanction once decided. */
export interface DisciplinaryFileSanction {
  complaintId: string;
  registerNumber: string | null;
  procedure: { authority: string; startedBy: string; startedAt: string };
  sanction: { sanction: string; severity: SanctionSeverity; authority: string; decidedOn: string; decidedBy: string } | null;
  /** Null until a sanction is decided. An erased sanction is marked, never dropped. */
  erasure: Erasure | null;
}

export interface DisciplinaryFile {
  staffId: string;
  asOf: string;
  erasurePolicy: IntegrityConfig['erasure'];
  sanctions: DisciplinaryFileSanction[];
  orderMeasures: OrderMeasureListEntry[];
  threatFiles: (ThreatFileListEntry & { involvement: ThreatInvolvement })[];
}

@ApiTags('disciplinary-files')
@Controller('staff')
export class DisciplinaryFileController {
  constructor(
    private readonly access: IntegrityAccess,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
  ) {}

  @Get(':staffId/disciplinary-file')
  @Allow(...TUCHT_ROLES)
  @Consults('disciplinary_case')
  @ApiOperation({
    summary:
      "A staff member's disciplinary file (tuchtblad): disciplinary procedures and sanctions across complaints (erased ones marked as erased), order measures and threat files. 404 to the staff member themself, and for a staff member with nothing on file.",
  })
  async get(@Param('staffId') staffId: string, @Query() q: DisciplinaryFileQuery, @Req() req: Request): Promise<DisciplinaryFile> {
    if (!/^[A-Za-z0-9._:-]{1,64}$/.test(staffId))
      throw problem(400, 'invalid_staff_id', 'staffId must be 1 to 64 letters, digits or . _ : -', 'staffId');
    await this.access.authorizeReadResource(req, this.access.staffFileResource(staffId));
    const principal = this.access.principal(req);
    const asOf = q.asOf ?? dayOf(new Date());
    const ds = this.access.eventSourcing.dataSource;

    // Tucht keeps every tuchtblad (R-INT-13): the procedure lines of complaints in any compartment, but never
    // from a complaint that concerns the reader (it would tell them it exists).
    const complaints = await ds
      .getRepository(ComplaintRow)
      .createQueryBuilder('c')
      .where(':staffId = ANY(c.staffConcerned)', { staffId })
      .orderBy('c.receivedOn', 'ASC')
      .addOrderBy('c.registerNumber', 'ASC')
      .getMany();
    const sanctions = complaints
      .filter((c) => !c.staffConcerned.includes(principal.staffId))
      .flatMap((c) =>
        c.file.disciplinaryProcedures
          .filter((p) => p.staffId === staffId)
          .map((p) => ({
            complaintId: c.id,
            registerNumber: c.registerNumber,
            procedure: { authority: p.authority, startedBy: p.startedBy, startedAt: p.startedAt },
            sanction: p.sanction,
            erasure: p.sanction === null ? null : erasureOf(p.sanction.decidedOn, p.sanction.severity, this.config.erasure, asOf),
          })),
      );

    const measures = (await ds.getRepository(OrderMeasureRow).find({ where: { staffId }, order: { startsOn: 'ASC', id: 'ASC' } })).filter(
      (r) => this.access.canSeeResource(principal, this.access.measureResource(r)),
    );
    const threats = (
      await ds
        .getRepository(ThreatFileRow)
        .createQueryBuilder('t')
        .where(':staffId = ANY(t.staffIds)', { staffId })
        .orderBy('t.openedOn', 'ASC')
        .addOrderBy('t.id', 'ASC')
        .getMany()
    ).filter((r) => this.access.canSeeResource(principal, this.access.threatFileResource(r)));
    if (sanctions.length === 0 && measures.length === 0 && threats.length === 0) throw resourceNotFound('disciplinary_case');
    await this.access.recordDisciplinaryListRead(req, [
      ...measures.map((r) => this.access.measureResource(r)),
      ...threats.map((r) => this.access.threatFileResource(r)),
    ]);
    return {
      staffId,
      asOf,
      erasurePolicy: this.config.erasure,
      sanctions,
      orderMeasures: measures.map(orderMeasureListEntry),
      threatFiles: threats.map((r) => ({
        ...threatFileListEntry(r),
        involvement: r.file.involved.find((m) => m.staffId === staffId)?.involvement ?? 'unspecified',
      })),
    };
  }
}

function paged<T>(rows: T[], q: { limit?: number; offset?: number }): { limit: number; offset: number; page: T[] } {
  const limit = Math.min(q.limit ?? 50, 200);
  const offset = q.offset ?? 0;
  return { limit, offset, page: rows.slice(offset, offset + limit) };
}
