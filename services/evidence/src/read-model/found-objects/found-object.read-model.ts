import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FoundObjectState } from '../../domain/found-object.state';

/** One row per found object (POPP). */
@Entity({ name: 'found_objects', schema: 'evidence' })
export class FoundObjectRow {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column('text') category: string;
  @Column('text') description: string;
  /** held | returned_to_owner | handed_to_organisation | destroyed */
  @Index() @Column('text') status: string;
  @Column('date') foundOn: string;
  @Column('timestamptz') registeredAt: Date;
  @Column('int') version: number;
  @Column('jsonb') state: FoundObjectState;
}

/** Loss declarations made at the desk, to match found objects against. */
@Entity({ name: 'loss_declarations', schema: 'evidence' })
export class LossDeclarationRow {
  @PrimaryColumn('uuid') reportId: string;
  @Index() @Column('text') category: string;
  @Column('text') description: string;
  @Column('text') municipality: string;
  @Column('date') lostOn: string;
  @Column('text') declarantRef: string;
  @Column('timestamptz') declaredAt: Date;
}
