import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrderMeasureFile, ThreatFileView } from './tucht.file';

/** One row per order measure: what lists and access decisions need, and the whole measure. */
@Entity({ name: 'order_measures', schema: 'integrity' })
export class OrderMeasureRow {
  @PrimaryColumn('uuid') id: string;
  /** The staff member it concerns: never shown it, in a list or otherwise. */
  @Index() @Column('text') staffId: string;
  @Column('text') kind: string;
  /** active | lifted | ended */
  @Index() @Column('text') status: string;
  @Index() @Column('text') startsOn: string;
  @Column('uuid', { nullable: true }) complaintId: string | null;
  /** Version of the measure's stream: the resource's ETag. */
  @Column('int') version: number;
  @Column('jsonb') measure: OrderMeasureFile;
}

/** One row per threat file. */
@Entity({ name: 'threat_files', schema: 'integrity' })
export class ThreatFileRow {
  @PrimaryColumn('uuid') id: string;
  /** open | closed */
  @Index() @Column('text') status: string;
  /** The staff members involved (subject, target or unspecified): none of them is ever shown it. */
  @Column('text', { array: true }) staffIds: string[];
  @Index() @Column('text') openedOn: string;
  @Column('int') version: number;
  @Column('jsonb') file: ThreatFileView;
}
