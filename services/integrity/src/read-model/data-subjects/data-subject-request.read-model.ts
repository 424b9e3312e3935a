import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DataSubjectRequestView } from './data-subject-request.view';

/** One row per data-subject request in the DPO's register. */
@Entity({ name: 'data_subject_requests', schema: 'integrity' })
export class DataSubjectRequestRow {
  @PrimaryColumn('uuid') id: string;
  /** received | decided */
  @Index() @Column('text') status: string;
  @Index() @Column('text') receivedOn: string;
  @Column('int') version: number;
  @Column('jsonb') request: DataSubjectRequestView;
}
