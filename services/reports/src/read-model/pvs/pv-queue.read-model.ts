import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PvStatus } from '../../domain/pv.state';
import type { PvQueueStage } from '../../domain/pv-queue.query';

/**
 * GAK's work list: one row per PV its author submitted at least once (a draft never submitted is the
 * author's alone), with what it waits for and since when. Need-to-know is the report's: the queue's
 * answer joins `reports.reports` and asks AccessControl of every row it shows.
 */
@Entity({ name: 'pv_queue', schema: 'reports' })
export class PvQueueRow {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column('uuid') reportId: string;
  @Index() @Column('text') status: PvStatus;
  /** What the PV waits for now (pvQueueStages). */
  @Column('text', { array: true }) stages: PvQueueStage[];
  @Index() @Column('text') destination: string;
  @Column('text') offenceType: string;
  @Column('text') legalQualification: string;
  @Index() @Column('text') author: string;
  /** Submissions so far; 0 for a draft (not listed). */
  @Column('int') round: number;
  @Column('text', { nullable: true }) pvNumber: string | null;
  @Column('uuid', { nullable: true }) supplementsPvId: string | null;
  @Column('text', { nullable: true }) supplementsPvNumber: string | null;
  @Column('timestamptz') draftedAt: Date;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  /** When the PV entered its status (drafted, submitted, checked, finalised): the queue's age. */
  @Index() @Column('timestamptz') statusSince: Date;
  /** GAK's member who last checked it (approved or rejected). */
  @Column('text', { nullable: true }) checkedBy: string | null;
  /** The reasons of the last rejection, while the PV waits for its correction. */
  @Column('jsonb') rejectionReasons: string[];
  @Column('timestamptz', { nullable: true }) transmittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) fedToAngAt: Date | null;
  /** Version of the PV's stream: its ETag. */
  @Column('int') version: number;
}
