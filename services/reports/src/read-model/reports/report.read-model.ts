import { AccessAttributes } from '@police/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OpenReport, RoutedReport } from '../../domain/report.state';
import type { PvStatus } from '../../domain/pv.state';

/** What a report row knows of each of its PVs: enough for its status, deadlines and who may see it. */
export interface PvSummary {
  pvId: string;
  author: string;
  status: PvStatus;
  pvNumber: string | null;
  transmitted: boolean;
  supplementsPvId: string | null;
}

/**
 * received | pv_in_progress | pv_finalised (not all transmitted) | pv_transmitted | routed_to_integrity.
 * A report about police conduct is a bare pointer from the moment it says so.
 */
export type ReportListStatus = 'received' | 'pv_in_progress' | 'pv_finalised' | 'pv_transmitted' | 'routed_to_integrity';
export const REPORT_LIST_STATUSES: readonly ReportListStatus[] = [
  'received',
  'pv_in_progress',
  'pv_finalised',
  'pv_transmitted',
  'routed_to_integrity',
];

/**
 * One row per report: what lists, deadlines and access decisions need, plus the folded state. The row
 * of a report about police conduct holds the pointer to integrity and nothing of the complaint: no kind,
 * channel, office, narrative or parties (its `state` is the domain's pointer state). Who may see it is
 * stored beside it (`AccessAttributes`, filled by `reportListProjection`): the list filters in SQL, and
 * pages newest first through the index on (receivedAt DESC, id).
 */
@Entity({ name: 'reports', schema: 'reports' })
@Index('reports_list_order', ['receivedAt', 'id'])
export class ReportRow extends AccessAttributes {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column('text') status: ReportListStatus;
  @Index() @Column('text', { nullable: true }) kind: string | null;
  @Column('text', { nullable: true }) channel: string | null;
  @Index() @Column('text', { nullable: true }) office: string | null;
  @Column('text', { nullable: true }) incidentType: string | null;
  @Column('boolean') urgent: boolean;
  @Index() @Column('timestamptz') receivedAt: Date;
  @Column('text') receivedBy: string;
  @Index() @Column('text', { nullable: true }) assignedServiceId: string | null;
  @Column('jsonb') pvs: PvSummary[];
  /** The report concerns police conduct: only the pointer to integrity is kept. */
  @Column('boolean') sealed: boolean;
  /** Staff ids the conduct complaint concerns: for access control only, never shown. */
  @Column('jsonb') concernedStaffIds: string[];
  @Column('uuid', { nullable: true }) integrityHandoffId: string | null;
  @Column('timestamptz', { nullable: true }) routedAt: Date | null;
  @Column('text', { nullable: true }) routedBy: string | null;
  /** `erased on <date> under <decision>` once integrity confirmed receipt and the complaint's data here was destroyed. */
  @Column('text', { nullable: true }) erased: string | null;
  /** Set while the DPO restricts the report's processing: it is then a sealed record, for the DPO only (ADR 0056). */
  @Column('jsonb', { nullable: true }) processingRestricted: { at: string; by: string; decision: string } | null;
  /** Version of the report's stream: the resource's ETag. */
  @Column('int') version: number;
  /** The folded report (open), the pointer (routed), or null in the instant between intake and routing. */
  @Column('jsonb', { nullable: true }) state: OpenReport | RoutedReport | null;
}
