import { AccessAttributes } from '@police/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintState } from '../../domain/complaint.state';
import type { ComplaintFile } from './complaint.file';

/**
 * One row per complaint: what lists, filters and access decisions need, the folded state, and the file;
 * who may see it (`AccessAttributes`, filled by `complaintListProjection`), so the list filters in SQL
 * and pages newest first through the index on (receivedOn, id).
 */
@Entity({ name: 'complaints', schema: 'integrity' })
@Index('complaints_list_order', ['receivedOn', 'id'])
export class ComplaintRow extends AccessAttributes {
  @PrimaryColumn('uuid') id: string;
  @Index({ unique: true }) @Column('text', { nullable: true }) registerNumber: string | null;
  @Column('text') channel: string;
  /** intake | triaged | concluded | closed */
  @Index() @Column('text') phase: string;
  /** integrity:intake | integrity:BIT | integrity:Tucht | integrity:DPO */
  @Index() @Column('text') compartment: string;
  @Index() @Column('uuid', { nullable: true }) reportId: string | null;
  @Index() @Column('text') receivedOn: string;
  /** Never shown in a list to someone it names: access filters rows on it first. */
  @Column('text', { array: true }) staffConcerned: string[];
  @Column('text', { array: true }) investigators: string[];
  /** Version of the complaint's stream: the resource's ETag. */
  @Column('int') version: number;
  @Column('jsonb') state: ComplaintState;
  @Column('jsonb') file: ComplaintFile;
}
