import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One step of a record's retention review, as the DPO's list shows it (no personal data). */
export interface RetentionStep {
  type: string;
  at: string;
  by: string;
  /** The reason of an extension or a hold, the decision of an approval or erasure. */
  note?: string;
}

/** One row per record on the retention review list (ADR 0055): the record's retention stream, folded. */
@Entity({ name: 'retention_reviews', schema: 'evidence' })
export class RetentionReviewRow {
  @PrimaryColumn('uuid') recordId: string;
  @Index() @Column('text') dataClass: string;
  /** due | extended | erased */
  @Index() @Column('text') status: string;
  @Column('text') label: string;
  @Column('timestamptz') dueAt: Date;
  @Column('boolean') held: boolean;
  @Column('text', { nullable: true }) holdReason: string | null;
  @Column('text', { nullable: true }) erased: string | null;
  @Column('int') version: number;
  @Column('jsonb') steps: RetentionStep[];
}
