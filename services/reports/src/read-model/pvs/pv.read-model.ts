import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WrittenPv } from '../../domain/pv.state';

/** One row per PV (a supplementary PV is a PV of its own). */
@Entity({ name: 'pvs', schema: 'reports' })
export class PvRow {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column('uuid') reportId: string;
  /** draft | submitted | rejected | approved | finalised */
  @Index() @Column('text') status: string;
  @Column('text') author: string;
  @Column('text') destination: string;
  @Index() @Column('text', { nullable: true }) pvNumber: string | null;
  @Column('uuid', { nullable: true }) supplementsPvId: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt: Date | null;
  @Column('timestamptz', { nullable: true }) transmittedAt: Date | null;
  @Column('int') version: number;
  @Column('jsonb') state: WrittenPv;
}
