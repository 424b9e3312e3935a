import { Inject, Injectable } from '@nestjs/common';
import { RecordedEvent } from '@police/event-store';
import { EVENT_SOURCING, problem, ServiceEventSourcing } from '@police/platform';
import { AccessControl, GrantedAccess, Role, Principal, principalOf, ProtectedResource, resourceNotFound } from '@police/security';
import type { Request } from 'express';
import { ComplaintEvent, OVERSIGHT_BODIES, OversightBody } from './domain/complaint.events';
import { Actor, KORPSCHEF } from './domain/integrity.decide';
import { integrityComplaintStream, integrityOrderMeasureStream, integrityThreatFileStream } from './domain/integrity.stream';
import { OrderMeasureEvent } from './domain/order-measure.events';
import { ThreatFileEvent } from './domain/threat-file.events';
import { INTEGRITY_CONFIG, IntegrityConfig } from './integrity.config';
import { evolveComplaintRow } from './read-model/complaints/complaint.projection';
import { ComplaintRow } from './read-model/complaints/complaint.read-model';
import { evolveOrderMeasureRow, evolveThreatFileRow } from './read-model/tucht/tucht.projection';
import { OrderMeasureRow, ThreatFileRow } from './read-model/tucht/tucht.read-model';

/** Roles with a compartment of their own (BIT, Tucht, DPO) and the chief. */
export const OVERSIGHT_ROLES: Role[] = ['integrity_investigator', 'discipline_officer', 'dpo', 'chief'];
/** Bureau Tucht and the chief: the roles of the `integrity:Tucht` compartment. */
export const TUCHT_ROLES: Role[] = ['discipline_officer', 'chief'];

export function oversightBody(value: string): OversightBody {
  if (!(OVERSIGHT_BODIES as readonly string[]).includes(value))
    throw problem(404, 'unknown_oversight_body', `No oversight body ${value}: comite_p or aig.`, 'recipient');
  return value as OversightBody;
}

/** Bureau Tucht's compartment: order measures, threat files and disciplinary files live here (R-INT-13). */
export const TUCHT_COMPARTMENT = 'integrity:Tucht';

/** The DPO's compartment, where the register of data-subject requests lives (ADR 0056). */
export const DPO_COMPARTMENT = 'integrity:DPO';

/** A data-subject request as a protected record: sealed in the DPO's compartment. */
export function dataSubjectRequestResource(requestId: string): ProtectedResource {
  return { type: 'data_subject_request', id: requestId, compartment: DPO_COMPARTMENT };
}

/** A complaint as a protected record: sealed in its compartment, hidden from the staff it concerns, open to its investigators. */
export function complaintResource(
  row: Pick<ComplaintRow, 'id' | 'registerNumber' | 'compartment' | 'staffConcerned' | 'investigators'>,
): ProtectedResource {
  return {
    type: 'integrity_complaint',
    id: row.id,
    ...(row.registerNumber ? { caseRef: row.registerNumber } : {}),
    compartment: row.compartment,
    concernedStaffIds: [...row.staffConcerned],
    assignees: [...row.investigators],
  };
}

/**
 * Who may know of a complaint. A complaint is a sealed record (no role or team basis): its compartment
 * (intake until triage, then BIT, Tucht or DPO) opens to that unit's roles, its investigators see it by
 * assignment, and the staff members it concerns never see it: to them it is a 404 like a missing id,
 * for reads and writes, whatever their role.
 */
@Injectable()
export class IntegrityAccess {
  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(INTEGRITY_CONFIG) private readonly config: IntegrityConfig,
    private readonly access: AccessControl,
  ) {}

  principal(req: Request): Principal {
    const p = principalOf(req);
    if (!p) throw problem(401, 'unauthenticated', 'This endpoint needs a bearer token.');
    return p;
  }

  /** The domain's actor: the chief acts as korpschef; other disciplinary authorities are configured by staff id. */
  actor(principal: Principal): Actor {
    const authority = principal.roles.includes('chief') ? KORPSCHEF : this.config.authorities[principal.staffId];
    return { staffId: principal.staffId, ...(authority !== undefined && { authority }) };
  }

  /** Investigators (designated ones included: access to this one file) are assignees. */
  resource(row: Pick<ComplaintRow, 'id' | 'registerNumber' | 'compartment' | 'staffConcerned' | 'investigators'>): ProtectedResource {
    return complaintResource(row);
  }

  /** Whether the principal may see the complaint (without a justification, and without a log entry). */
  canSee(principal: Principal, row: ComplaintRow): boolean {
    return this.access.canSee(principal, this.resource(row));
  }

  /** Rows the reader may see, in order: the filter every list, count and signal goes through first. */
  visible(principal: Principal, rows: ComplaintRow[]): ComplaintRow[] {
    return rows.filter((row) => this.access.canSee(principal, this.resource(row)));
  }

  /**
   * A complaint's row, or the platform's 404. The read model trails the log by a few milliseconds; a
   * complaint received a moment ago is built from its stream instead.
   */
  async row(complaintId: string): Promise<ComplaintRow> {
    const row = await this.es.dataSource.getRepository(ComplaintRow).findOneBy({ id: complaintId });
    return row ?? this.currentRow(complaintId);
  }

  /** The complaint as its stream has it now (for decisions on a change, which must not use a trailing view). */
  async currentRow(complaintId: string): Promise<ComplaintRow> {
    return this.rowOf((await this.es.store.readStream(integrityComplaintStream(complaintId))).events);
  }

  /** The row from the whole stream's events (for a command: those it loaded), or 404. */
  rowOf(events: RecordedEvent[]): ComplaintRow {
    let row: ComplaintRow | null = null;
    events.forEach((e, version) => (row = evolveComplaintRow(row, { type: e.type, data: e.data } as ComplaintEvent, version)));
    if (!row) throw resourceNotFound('integrity_complaint');
    return row;
  }

  authorizeRead(req: Request, row: ComplaintRow): Promise<GrantedAccess> {
    return this.access.authorizeRead(req, this.resource(row));
  }

  authorizeWrite(req: Request, row: ComplaintRow): GrantedAccess {
    return this.access.authorizeWrite(req, this.resource(row));
  }

  recordListRead(req: Request, rows: ComplaintRow[]): Promise<void> {
    return this.access.recordListRead(
      req,
      'integrity_complaint',
      rows.map((r) => this.resource(r)),
    );
  }

  get accessControl(): AccessControl {
    return this.access;
  }

  get eventSourcing(): ServiceEventSourcing {
    return this.es;
  }

  // Bureau Tucht's records (R-INT-13): sealed `disciplinary_case` resources in the Tucht compartment, hidden
  // from the staff members they concern (the one a measure or disciplinary file is about, everyone a threat
  // file involves), whatever their role.

  measureResource(row: Pick<OrderMeasureRow, 'id' | 'staffId'>): ProtectedResource {
    return { type: 'disciplinary_case', id: row.id, compartment: TUCHT_COMPARTMENT, concernedStaffIds: [row.staffId] };
  }

  threatFileResource(row: Pick<ThreatFileRow, 'id' | 'staffIds'>): ProtectedResource {
    return { type: 'disciplinary_case', id: row.id, compartment: TUCHT_COMPARTMENT, concernedStaffIds: [...row.staffIds] };
  }

  /** A staff member's disciplinary file (tuchtblad), as one record. */
  staffFileResource(staffId: string): ProtectedResource {
    return {
      type: 'disciplinary_case',
      id: staffId,
      caseRef: `tuchtblad ${staffId}`,
      compartment: TUCHT_COMPARTMENT,
      concernedStaffIds: [staffId],
    };
  }

  canSeeResource(principal: Principal, resource: ProtectedResource): boolean {
    return this.access.canSee(principal, resource);
  }

  authorizeReadResource(req: Request, resource: ProtectedResource): Promise<GrantedAccess> {
    return this.access.authorizeRead(req, resource);
  }

  authorizeWriteResource(req: Request, resource: ProtectedResource): GrantedAccess {
    return this.access.authorizeWrite(req, resource);
  }

  recordDisciplinaryListRead(req: Request, resources: ProtectedResource[]): Promise<void> {
    return this.access.recordListRead(req, 'disciplinary_case', resources);
  }

  /** An order measure's row (its stream when the read model has not caught up), or the platform's 404. */
  async measureRow(measureId: string): Promise<OrderMeasureRow> {
    const row = await this.es.dataSource.getRepository(OrderMeasureRow).findOneBy({ id: measureId });
    return row ?? this.currentMeasure(measureId);
  }

  async currentMeasure(measureId: string): Promise<OrderMeasureRow> {
    return this.measureRowOf((await this.es.store.readStream(integrityOrderMeasureStream(measureId))).events);
  }

  /** The row from the whole stream's events (for a command: those it loaded), or 404. */
  measureRowOf(events: RecordedEvent[]): OrderMeasureRow {
    let row: OrderMeasureRow | null = null;
    events.forEach((e, version) => (row = evolveOrderMeasureRow(row, { type: e.type, data: e.data } as OrderMeasureEvent, version)));
    if (!row) throw resourceNotFound('disciplinary_case');
    return row;
  }

  async threatFileRow(threatFileId: string): Promise<ThreatFileRow> {
    const row = await this.es.dataSource.getRepository(ThreatFileRow).findOneBy({ id: threatFileId });
    return row ?? this.currentThreatFile(threatFileId);
  }

  async currentThreatFile(threatFileId: string): Promise<ThreatFileRow> {
    return this.threatFileRowOf((await this.es.store.readStream(integrityThreatFileStream(threatFileId))).events);
  }

  /** The row from the whole stream's events (for a command: those it loaded), or 404. */
  threatFileRowOf(events: RecordedEvent[]): ThreatFileRow {
    let row: ThreatFileRow | null = null;
    events.forEach((e, version) => (row = evolveThreatFileRow(row, { type: e.type, data: e.data } as ThreatFileEvent, version)));
    if (!row) throw resourceNotFound('disciplinary_case');
    return row;
  }
}
