import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { problem, setEtag, UuidParam } from '@police/platform';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Consults, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { PvDestination, SupplementedPv } from '../../domain/pv.events';
import { PvStatus } from '../../domain/pv.state';
import { PvHistoryEntry, pvHistory } from '../../domain/pv-history.read-model';
import { PvQueueStage } from '../../domain/pv-queue.query';
import { ReportConflict } from '../../domain/report.errors';
import { GAK_CAPABLE, REPORT_READERS, ReportsAccess } from '../../reports.access';
import { ReportRow } from '../../read-model/reports/report.read-model';
import { isoOrNull } from '../../read-model/pvs/pv-queue.projection';
import { PvQueueRow } from '../../read-model/pvs/pv-queue.read-model';
import { PvQueueQuery } from './pv-queue.query';

/** A line of GAK's queue. */
export interface PvQueueEntry {
  pvId: string;
  reportId: string;
  status: PvStatus;
  stages: PvQueueStage[];
  destination: PvDestination;
  offenceType: string;
  legalQualification: string;
  author: string;
  round: number;
  pvNumber: string | null;
  supplements: SupplementedPv | null;
  draftedAt: string;
  submittedAt: string | null;
  /** When the PV entered its status: how long it has been waiting. */
  statusSince: string;
  checkedBy: string | null;
  rejectionReasons: string[];
  transmittedAt: string | null;
  fedToAngAt: string | null;
  version: number;
}

export interface PvQueue {
  items: PvQueueEntry[];
  limit: number;
  offset: number;
}

export interface PvHistory {
  pvId: string;
  reportId: string;
  version: number;
  entries: PvHistoryEntry[];
}

function queueEntry(r: PvQueueRow): PvQueueEntry {
  return {
    pvId: r.id,
    reportId: r.reportId,
    status: r.status,
    stages: r.stages,
    destination: r.destination as PvDestination,
    offenceType: r.offenceType,
    legalQualification: r.legalQualification,
    author: r.author,
    round: r.round,
    pvNumber: r.pvNumber,
    supplements:
      r.supplementsPvId !== null && r.supplementsPvNumber !== null ? { pvId: r.supplementsPvId, pvNumber: r.supplementsPvNumber } : null,
    draftedAt: new Date(r.draftedAt).toISOString(),
    submittedAt: isoOrNull(r.submittedAt),
    statusSince: new Date(r.statusSince).toISOString(),
    checkedBy: r.checkedBy,
    rejectionReasons: r.rejectionReasons,
    transmittedAt: isoOrNull(r.transmittedAt),
    fedToAngAt: isoOrNull(r.fedToAngAt),
    version: r.version,
  };
}

/** GAK's queue of submitted PVs, and the history of one PV. */
@ApiTags('pvs')
@Controller('pvs')
export class PvQueriesController {
  constructor(private readonly access: ReportsAccess) {}

  @Get()
  @SearchRateLimit()
  @Allow(...GAK_CAPABLE)
  @Consults('report')
  @ApiOperation({
    summary:
      "GAK's queue: the PVs submitted for quality control and what each waits for (check, correction, finalisation, transmission, ANG feed), longest waiting first; GAK only",
  })
  async queue(@Query() q: PvQueueQuery, @Req() req: Request): Promise<PvQueue> {
    const principal = this.access.principal(req);
    if (!this.access.isGak(principal))
      throw problem(403, 'not_gak', 'The PV queue is the quality control of GAK/DIAK: only members of its teams see it.');
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    // Need-to-know in the query, so that paging counts only what the reader may see: no PV of a report
    // routed to integrity, none of a report that concerns the reader. AccessControl has the last word below.
    const qb = this.access.eventSourcing.dataSource
      .getRepository(PvQueueRow)
      .createQueryBuilder('p')
      .innerJoin(ReportRow, 'r', 'r.id = p.reportId')
      .where('p.round >= 1')
      .andWhere('r.sealed = false')
      .andWhere('NOT (r.concernedStaffIds @> CAST(:me AS jsonb))', { me: JSON.stringify([principal.staffId]) })
      .orderBy('p.statusSince', q.order === 'newest' ? 'DESC' : 'ASC')
      .addOrderBy('p.id')
      .limit(limit)
      .offset(offset);
    if (q.stage) qb.andWhere(':stage = ANY(p.stages)', { stage: q.stage });
    if (q.destination) qb.andWhere('p.destination = :destination', { destination: q.destination });
    if (q.author) qb.andWhere('p.author = :author', { author: q.author });
    if (q.offenceType)
      qb.andWhere("p.offenceType ILIKE :offenceType ESCAPE '\\'", {
        offenceType: `%${q.offenceType.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    const rows = await qb.getMany();
    const reports = await this.access.rowsById(rows.map((r) => r.reportId));
    const visible = rows.flatMap((row) => {
      const report = reports.get(row.reportId);
      if (!report) return [];
      const resource = this.access.pvResource(report, row, principal);
      return this.access.accessControl.canSee(principal, resource) ? [{ row, resource }] : [];
    });
    await this.access.accessControl.recordListRead(
      req,
      'report',
      visible.map((v) => v.resource),
    );
    return { items: visible.map((v) => queueEntry(v.row)), limit, offset };
  }

  @Get(':pvId/history')
  @Allow(...REPORT_READERS)
  @Consults('report')
  @ApiOperation({
    summary: 'Every step of the PV, in order: who took it, when, and what it said (reasons, corrections, number, recipient)',
  })
  async history(@UuidParam('pvId') pvId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvHistory> {
    const { row, events } = await this.access.currentPv(pvId);
    const report = await this.access.row(row.reportId);
    const granted = await this.access.authorizePvRead(req, report, row);
    res.setHeader('X-Access-Basis', granted.basis);
    if (report.sealed)
      throw new ReportConflict('report_routed_to_integrity', 'The report of this PV was routed to integrity; it is handled there');
    setEtag(res, row.version);
    return { pvId, reportId: row.reportId, version: row.version, entries: pvHistory(events) };
  }
}
