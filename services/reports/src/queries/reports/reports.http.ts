import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { accessColumns, ListOrder, listPage, queryParam, setEtag, UuidParam, ApiProblems } from '@police/platform';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, Authenticated, Consults, ProtectedResource, SearchRateLimit } from '@police/security';
import type { Request, Response } from 'express';
import { In } from 'typeorm';
import { CRIMINAL_KINDS } from '../../domain/report.events';
import {
  PvAwaiting,
  pvsAwaitingQualityCheck,
  pvsAwaitingTransmission,
  ReportAwaitingPv,
  reportsAwaitingPv,
} from '../../domain/deadlines.query';
import { REPORT_READERS, ReportsAccess } from '../../reports.access';
import { REPORTS_CONFIG, ReportsConfig } from '../../reports.config';
import { ReportConflict } from '../../domain/report.errors';
import { ListReportsQuery, STATISTICS_DIMENSIONS, StatisticsDimension, StatisticsQuery } from './reports.query';
import { PV_QUEUE_STAGES, PvQueueStage } from '../../domain/pv-queue.query';
import { PvRow } from '../../read-model/pvs/pv.read-model';
import { PvQueueRow } from '../../read-model/pvs/pv-queue.read-model';
import { ReportStatisticsRow } from '../../read-model/statistics/report-statistics.read-model';
import { ReportRow } from '../../read-model/reports/report.read-model';
import { PvView, pvView, ReportListEntry, reportListEntry, ReportView, reportView } from '../../read-model/reports/report.view';

const READERS = REPORT_READERS;

/** The reports list's order, newest first: the index `reports_list_order` walks it. */
const REPORT_LIST_ORDER: ListOrder<ReportRow> = {
  key: 'r.receivedAt',
  keyType: 'timestamptz',
  id: 'r.id',
  position: (row) => [new Date(row.receivedAt).toISOString(), row.id],
};

interface Deadlines {
  now: string;
  reportsAwaitingPv: ReportAwaitingPv[];
  pvsAwaitingQualityCheck: PvAwaiting[];
  pvsAwaitingTransmission: PvAwaiting[];
}

/** What the desk's screens offer to choose from: the zone's configuration, no record data. */
interface Reference {
  offices: { id: string; name: string; walkIn: boolean }[];
  services: { id: string; name: string }[];
  timeZone: string;
  /** What a PV number must look like: the pattern finalisation checks, and an example of it (when configured). */
  pvNumber: { pattern: string; example: string | null };
}

interface Statistics {
  from: string | null;
  to: string | null;
  groupBy: StatisticsDimension[];
  total: number;
  groups: { key: Partial<Record<StatisticsDimension, string>>; count: number }[];
}

/** The PVs in GAK's work per stage: counts only. */
interface PvStatistics {
  at: string;
  stages: { stage: PvQueueStage; count: number; oldestSince: string | null }[];
}

/** Reading reports and PVs, the desk's deadlines, and the statistics. */
@ApiTags('reports')
@Controller()
export class ReportQueriesController {
  constructor(
    private readonly access: ReportsAccess,
    @Inject(REPORTS_CONFIG) private readonly config: ReportsConfig,
  ) {}

  @Get('reference')
  @Authenticated()
  // Configuration, not records; rate-limited like every collection route (the console asks once a session).
  @SearchRateLimit()
  @ApiOperation({
    summary: "The zone's offices (walk-in or by appointment), competent services, time zone and PV number format, for the console's forms",
  })
  reference(): Reference {
    return {
      offices: this.config.offices.map((o) => ({ id: o.id, name: o.name, walkIn: o.walkIn })),
      services: this.config.services.map((s) => ({ id: s.id, name: s.name })),
      timeZone: this.config.timeZone,
      pvNumber: { pattern: this.config.pvNumberPattern, example: this.config.pvNumberExample },
    };
  }

  @Get()
  @ApiProblems(422)
  @SearchRateLimit()
  @Allow(...READERS)
  @Consults('report')
  @ApiOperation({
    summary:
      'Reports you may see, newest first, filtered by status, kind, channel, office and intake time, paged: `next` is the cursor of the following page (absent on the last), to pass as `after`',
  })
  async list(
    @Query() q: ListReportsQuery,
    @Req() req: Request,
  ): Promise<{ items: ReportListEntry[]; limit: number; offset: number; next?: string }> {
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    const principal = this.access.principal(req);
    const qb = this.access.eventSourcing.dataSource.getRepository(ReportRow).createQueryBuilder('r');
    if (q.status) qb.andWhere('r.status = :s', { s: q.status });
    if (q.kind) qb.andWhere('r.kind = :k', { k: q.kind });
    if (q.channel) qb.andWhere('r.channel = :c', { c: q.channel });
    if (q.office) qb.andWhere('r.office = :o', { o: q.office });
    if (q.from) qb.andWhere('r.receivedAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('r.receivedAt < :to', { to: new Date(q.to) });
    // Need-to-know in the SQL, over the access the row stores (ADR 0061); recordListRead re-checks the page with canSee.
    qb.andWhere(this.access.accessControl.visibleWhere(principal, ['report'], accessColumns('r'), queryParam(qb, 'visible')));
    const page = await listPage(qb, REPORT_LIST_ORDER, { limit, offset, after: q.after });
    const shown = page.rows.map((row) => ({ row, resource: this.access.resource(row, principal) }));
    await this.access.accessControl.recordListRead(
      req,
      'report',
      shown.map((v) => v.resource),
    );
    return { items: shown.map((v) => reportListEntry(v.row)), limit, offset, ...(page.next ? { next: page.next } : {}) };
  }

  @Get('deadlines')
  @SearchRateLimit()
  @Allow('front_desk', 'detective', 'team_lead')
  @Consults('report')
  @ApiOperation({
    summary:
      "What waits, the most overdue first: aangiften and klachten without a PV, PVs waiting for quality control, PVs waiting for transmission; each with its due time (the zone's time limits)",
  })
  async deadlines(@Req() req: Request): Promise<Deadlines> {
    const ds = this.access.eventSourcing.dataSource;
    const principal = this.access.principal(req);
    const now = new Date();
    const waitingReports = await ds.getRepository(ReportRow).find({ where: { status: 'received', kind: In([...CRIMINAL_KINDS]) } });
    const pvs = await ds
      .getRepository(PvRow)
      .createQueryBuilder('p')
      .where("p.status = 'submitted' OR (p.status IN ('approved', 'finalised') AND p.transmittedAt IS NULL)")
      .getMany();
    const pvReports = await this.access.rowsById(pvs.map((p) => p.reportId));
    const seen = new Map<string, ProtectedResource>();
    const reports = this.access.visible(principal, waitingReports);
    for (const r of reports) seen.set(r.row.id, r.resource);
    // PVs of a report about police conduct are not listed: integrity's matters are sealed.
    const visiblePvs = pvs.filter((pv) => {
      const report = pvReports.get(pv.reportId);
      if (!report || report.sealed) return false;
      const resource = this.access.pvResource(report, pv, principal);
      if (!this.access.accessControl.canSee(principal, resource)) return false;
      seen.set(report.id, resource);
      return true;
    });
    await this.access.accessControl.recordListRead(req, 'report', [...seen.values()]);
    const states = visiblePvs.map((p) => p.state);
    return {
      now: now.toISOString(),
      reportsAwaitingPv: reportsAwaitingPv(
        reports.flatMap((r) => (r.row.state && r.row.state.status === 'open' ? [r.row.state] : [])),
        [],
        now,
        this.config.timeLimits,
      ),
      pvsAwaitingQualityCheck: pvsAwaitingQualityCheck(states, now, this.config.timeLimits),
      pvsAwaitingTransmission: pvsAwaitingTransmission(states, now, this.config.timeLimits),
    };
  }

  @Get('statistics')
  @SearchRateLimit()
  @Allow('chief', 'team_lead', 'front_desk')
  @ApiOperation({
    summary:
      'Counts of reports per kind, channel, office, incident type and ISO week (zone time), between two days; no personal data, no conduct complaints',
  })
  async statistics(@Query() q: StatisticsQuery): Promise<Statistics> {
    const groupBy = (q.groupBy ? [...new Set(q.groupBy.split(','))] : ['kind']) as StatisticsDimension[];
    const qb = this.access.eventSourcing.dataSource
      .getRepository(ReportStatisticsRow)
      .createQueryBuilder('s')
      .select('COUNT(*)::int', 'count');
    for (const d of groupBy) {
      if (!STATISTICS_DIMENSIONS.includes(d)) continue;
      qb.addSelect(`s."${d}"`, d).addGroupBy(`s."${d}"`).addOrderBy(`s."${d}"`);
    }
    if (q.from) qb.andWhere('s.day >= :from', { from: q.from });
    if (q.to) qb.andWhere('s.day <= :to', { to: q.to });
    const raw = await qb.getRawMany<Record<string, string | number>>();
    const groups = raw.map((r) => ({ key: Object.fromEntries(groupBy.map((d) => [d, String(r[d])])), count: Number(r.count) }));
    return { from: q.from ?? null, to: q.to ?? null, groupBy, total: groups.reduce((n, g) => n + g.count, 0), groups };
  }

  @Get('pv-statistics')
  @SearchRateLimit()
  @Allow('chief')
  @ApiOperation({
    summary:
      'The PVs submitted to GAK per stage of their way (waiting for the quality check, a correction, a number, transmission, the ANG feed) and since when the oldest waits, for the chief: counts only; PVs of reports routed to integrity or concerning you are not counted',
  })
  async pvStatistics(@Req() req: Request): Promise<PvStatistics> {
    const principal = this.access.principal(req);
    const ds = this.access.eventSourcing.dataSource;
    // One row per stage a PV waits in (a finalised PV may wait for transmission and the ANG feed at once),
    // with the queue's own need-to-know: no PV of a sealed report, none of a report concerning the reader.
    const raw = (await ds.query(
      `SELECT s.stage AS stage, COUNT(*)::int AS count, MIN(p."statusSince") AS oldest
         FROM ${ds.getMetadata(PvQueueRow).tablePath} p
         JOIN ${ds.getMetadata(ReportRow).tablePath} r ON r.id = p."reportId"
         CROSS JOIN LATERAL unnest(p.stages) AS s(stage)
        WHERE p.round >= 1 AND r.sealed = false AND NOT (r."concernedStaffIds" @> $1::jsonb)
        GROUP BY s.stage`,
      [JSON.stringify([principal.staffId])],
    )) as { stage: PvQueueStage; count: number; oldest: Date | string | null }[];
    const byStage = new Map(raw.map((r) => [r.stage, r]));
    return {
      at: new Date().toISOString(),
      stages: PV_QUEUE_STAGES.map((stage) => {
        const r = byStage.get(stage);
        return { stage, count: Number(r?.count ?? 0), oldestSince: r?.oldest ? new Date(r.oldest).toISOString() : null };
      }),
    };
  }

  @Get('pvs/:pvId')
  @Allow(...READERS)
  @Consults('report')
  @ApiOperation({ summary: 'One PV: content, quality-control rounds, number, transmission and ANG feed' })
  async pv(@UuidParam('pvId') pvId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PvView> {
    const pv = await this.access.pvRow(pvId);
    const report = await this.access.row(pv.reportId);
    const granted = await this.access.authorizePvRead(req, report, pv);
    res.setHeader('X-Access-Basis', granted.basis);
    if (report.sealed)
      throw new ReportConflict('report_routed_to_integrity', 'The report of this PV was routed to integrity; it is handled there');
    setEtag(res, pv.version);
    return pvView(pv);
  }

  @Get(':id')
  @Allow(...READERS)
  @Consults('report')
  @ApiOperation({ summary: 'One report; a report routed to integrity shows only its pointer' })
  async get(@UuidParam('id') id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ReportView> {
    const row = await this.access.row(id);
    const granted = await this.access.authorizeRead(req, row);
    res.setHeader('X-Access-Basis', granted.basis);
    setEtag(res, row.version);
    return reportView(row);
  }

  @Get(':id/pvs')
  @Allow(...READERS)
  @Consults('report')
  @ApiOperation({ summary: 'The PVs of a report, supplementary PVs included' })
  async pvs(@UuidParam('id') id: string, @Req() req: Request): Promise<{ reportId: string; pvs: PvView[] }> {
    const row = await this.access.row(id);
    await this.access.authorizeRead(req, row);
    if (row.sealed) return { reportId: id, pvs: [] };
    const pvs = await this.access.eventSourcing.dataSource.getRepository(PvRow).find({ where: { reportId: id } });
    pvs.sort((a, b) => a.state.draftedAt.localeCompare(b.state.draftedAt));
    return { reportId: id, pvs: pvs.map(pvView) };
  }
}
