import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ItemState } from '../../domain/item.state';

/** One row per seized item or trace: what lists and access decisions need, plus the folded state. */
@Entity({ name: 'items', schema: 'evidence' })
// The list's order, newest first (ADR 0061): the items list reads it a chunk at a time.
@Index('items_list_order', ['registeredAt', 'id'])
export class ItemRow {
  @PrimaryColumn('uuid') id: string;
  @Index({ unique: true }) @Column('text') labelNumber: string;
  @Index() @Column('uuid', { nullable: true }) investigationId: string | null;
  @Index() @Column('text', { nullable: true }) pvNumber: string | null;
  @Column('text') category: string;
  @Column('text') description: string;
  /** held | disposed */
  @Index() @Column('text') status: string;
  /** with_custodian | in_storage | checked_out */
  @Column('text', { nullable: true }) whereabouts: string | null;
  @Column('text') custodianKind: string;
  @Index() @Column('text') custodianId: string;
  @Index() @Column('text', { nullable: true }) location: string | null;
  @Column('timestamptz', { nullable: true }) expectedReturnAt: Date | null;
  @Column('text') seizedBy: string;
  @Column('timestamptz') registeredAt: Date;
  /** Version of the item's stream: the resource's ETag. */
  @Column('int') version: number;
  @Column('jsonb') state: ItemState;
}

/** The investigations the evidence service knows of, from the investigations service's contracts. */
@Entity({ name: 'case_directory', schema: 'evidence' })
export class CaseRow {
  @PrimaryColumn('uuid') investigationId: string;
  @Column('text', { nullable: true }) caseNumber: string | null;
  @Column('text') team: string;
  @Column('text', { nullable: true }) leadInvestigator: string | null;
  /** open | closed */
  @Column('text') status: string;
}
