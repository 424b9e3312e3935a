import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  AccessControl,
  CONDUCT_COMPLAINT_POINTERS,
  GrantedAccess,
  PROCESSING_RESTRICTED,
  Principal,
  principalOf,
  ProtectedResource,
  resourceNotFound,
} from '@police/security';
import { EVENT_SOURCING, problem, SearchAccess, ServiceEventSourcing } from '@police/platform';
import type { Request } from 'express';
import { Actor } from './domain/reports.decide';
import { pvStream, reportStream } from './domain/report.stream';
import { LoadedState, RecordedEvent } from '@police/event-store';
import { evolvePv, initialPvState, PvState } from './domain/pv.state';
import { PvEvent } from './domain/pv.events';
import { REPORTS_CONFIG, ReportsConfig, teamsOfService } from './reports.config';
import { ReportRow } from './read-model/reports/report.read-model';
import { reportsProjection } from './read-model/reports/report.projection';
import { PvRow } from './read-model/pvs/pv.read-model';
import { pvRow } from './read-model/pvs/pv.projection';

/** Who may read reports and PVs (route policy; AccessControl then decides per record). */
export const REPORT_READERS = ['front_desk', 'detective', 'team_lead', 'chief'] as const;

/**
 * GAK/DIAK's steps are open to the roles a GAK member may have; the domain refuses anyone outside the
 * configured GAK teams (`not_gak`), and the author of a PV its own quality check (`own_pv`).
 */
export const GAK_CAPABLE = ['front_desk', 'detective', 'team_lead'] as const;

/**
 * The report as a protected record, whoever reads it. Assigned to it: who took it in and the authors of
 * its PVs; GAK, whose function is the quality control of every PV, once it has one (see
 * {@link ReportsAccess.resource}, and `assignedTeams` in the search index). A report about police
 * conduct names the staff it concerns: they never see even its pointer.
 */
export function reportResource(config: ReportsConfig, row: ReportRow): ProtectedResource {
  const finalised = row.pvs.find((p) => p.pvNumber !== null);
  return {
    type: 'report',
    id: row.id,
    ...(finalised?.pvNumber ? { caseRef: finalised.pvNumber } : {}),
    teams: teamsOfService(config, row.assignedServiceId),
    assignees: [...new Set<string>([row.receivedBy, ...row.pvs.map((p) => p.author)])],
    ...(row.concernedStaffIds.length > 0 ? { concernedStaffIds: row.concernedStaffIds } : {}),
    // A conduct complaint's pointer exists for the desk only: after integrity's receipt it no longer names the
    // staff it concerned, and must stay as hidden from them as before (404, not 403).
    ...(row.sealed ? { compartment: CONDUCT_COMPLAINT_POINTERS } : {}),
    // Restricted by the DPO (ADR 0056): a sealed record for everyone else, its assignees too.
    ...(row.processingRestricted ? { compartment: PROCESSING_RESTRICTED } : {}),
  };
}

/**
 * The report's access as its list row and its search entry store it (`AccessAttributes`): its protected
 * record, with GAK's teams assigned once it has a PV (what {@link ReportsAccess.resource} adds for a GAK reader).
 */
export function reportAccess(config: ReportsConfig, row: ReportRow): SearchAccess {
  return { ...reportResource(config, row), assignedTeams: row.pvs.length > 0 ? config.gakTeams : [] };
}

/**
 * Who may see and act on a report and its PVs: built from the report row, checked by the shared
 * AccessControl (which also writes the consultation record of every read). The front desk sees every
 * report by its function; detectives and team leads the reports assigned to their team's service, and
 * those they took in or wrote a PV for; the chief and detectives may break the glass.
 */
@Injectable()
export class ReportsAccess {
  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(REPORTS_CONFIG) private readonly config: ReportsConfig,
    private readonly access: AccessControl,
  ) {}

  principal(req: Request): Principal {
    const p = principalOf(req);
    if (!p) throw problem(401, 'unauthenticated', 'This endpoint needs a bearer token.');
    return p;
  }

  /** GAK/DIAK membership is configuration (`REPORTS_GAK_TEAMS`), not a role. */
  isGak(principal: Principal): boolean {
    return principal.teams.some((t) => this.config.gakTeams.includes(t));
  }

  actor(principal: Principal): Actor {
    return { staffId: principal.staffId, ...(this.isGak(principal) && { gak: true }) };
  }

  /**
   * The report as a protected record. Assigned to it: who took it in and the authors of its PVs; GAK,
   * whose function is the quality control of every PV, once it has one. A report about police conduct
   * names the staff it concerns: they never see even its pointer.
   */
  resource(row: ReportRow, principal?: Principal): ProtectedResource {
    const resource = reportResource(this.config, row);
    if (principal && row.pvs.length > 0 && this.isGak(principal))
      resource.assignees = [...new Set([...(resource.assignees ?? []), principal.staffId])];
    return resource;
  }

  /** A PV is read and acted on as part of its report; its author is assigned to it whatever the report's state. */
  pvResource(report: ReportRow, pv: Pick<PvRow, 'author' | 'pvNumber'>, principal?: Principal): ProtectedResource {
    const base = this.resource(report, principal);
    return { ...base, assignees: [...new Set([...(base.assignees ?? []), pv.author])], ...(pv.pvNumber ? { caseRef: pv.pvNumber } : {}) };
  }

  /** Rows the reader sees without a justification, as protected records (for list answers). */
  visible(principal: Principal, rows: ReportRow[]): { row: ReportRow; resource: ProtectedResource }[] {
    return rows.map((row) => ({ row, resource: this.resource(row, principal) })).filter((x) => this.access.canSee(principal, x.resource));
  }

  /**
   * A report's row, or 404. The read model trails the log by a few milliseconds; a report received a
   * moment ago is built from its stream instead, so a client can act on what it just created.
   */
  async row(reportId: string): Promise<ReportRow> {
    const row = await this.es.dataSource.getRepository(ReportRow).findOneBy({ id: reportId });
    return row ?? this.currentRow(reportId);
  }

  /** The report as its stream has it now (for decisions on a change), with the PVs the read model knows. */
  async currentRow(reportId: string): Promise<ReportRow> {
    return this.rowOf(reportId, (await this.es.store.readStream(reportStream(reportId))).events);
  }

  /** The report's row from its events (for a command: those it loaded), with the PVs the read model knows; or 404. */
  async rowOf(reportId: string, events: RecordedEvent[]): Promise<ReportRow> {
    const projected = await this.es.dataSource.getRepository(ReportRow).findOneBy({ id: reportId });
    let row: ReportRow | null = null;
    for (const e of events) row = reportsProjection.evolve(row, e);
    // The same answer as for a report the reader may not know of.
    if (!row) throw resourceNotFound('report');
    return { ...row, pvs: projected?.pvs ?? row.pvs };
  }

  async pvRow(pvId: string): Promise<PvRow> {
    const row = await this.es.dataSource.getRepository(PvRow).findOneBy({ id: pvId });
    return row ?? this.currentPvRow(pvId);
  }

  async currentPvRow(pvId: string): Promise<PvRow> {
    return (await this.currentPv(pvId)).row;
  }

  /** The PV's row from its stream as loaded (for a command: the state it is decided on), or 404. */
  pvRowOf(loaded: LoadedState<PvState>): PvRow {
    const row = pvRow(loaded.state, loaded.version);
    if (!row) throw resourceNotFound('report');
    return row;
  }

  /** The PV as its stream has it now, with its events (its history), or 404. */
  async currentPv(pvId: string): Promise<{ row: PvRow; events: PvEvent[] }> {
    const stream = await this.es.store.readStream(pvStream(pvId));
    const events = stream.events.map((e) => ({ type: e.type, data: e.data }) as PvEvent);
    const row = pvRow(events.reduce(evolvePv, initialPvState()), stream.currentVersion);
    if (!row) throw resourceNotFound('report');
    return { row, events };
  }

  /** The rows of these reports that the read model has, by id (for list answers that name reports). */
  async rowsById(ids: string[]): Promise<Map<string, ReportRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.es.dataSource.getRepository(ReportRow).find({ where: { id: In(unique) } });
    return new Map(rows.map((r) => [r.id, r]));
  }

  async authorizeRead(req: Request, row: ReportRow): Promise<GrantedAccess> {
    return this.access.authorizeRead(req, this.resource(row, this.principal(req)));
  }

  authorizeWrite(req: Request, row: ReportRow): GrantedAccess {
    return this.access.authorizeWrite(req, this.resource(row, this.principal(req)));
  }

  async authorizePvRead(req: Request, report: ReportRow, pv: PvRow): Promise<GrantedAccess> {
    return this.access.authorizeRead(req, this.pvResource(report, pv, this.principal(req)));
  }

  authorizePvWrite(req: Request, report: ReportRow, pv: PvRow): GrantedAccess {
    return this.access.authorizeWrite(req, this.pvResource(report, pv, this.principal(req)));
  }

  get accessControl(): AccessControl {
    return this.access;
  }

  get eventSourcing(): ServiceEventSourcing {
    return this.es;
  }
}
