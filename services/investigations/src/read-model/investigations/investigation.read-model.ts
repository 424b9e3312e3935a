import { AccessAttributes } from '@police/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TrigramIndex } from '@police/platform';
import type { Investigation } from '../../domain/investigation.state';

/**
 * One row per investigation: what lists, filters and access decisions need, plus the folded state; who
 * may see it (`AccessAttributes`, filled by `investigationListProjection`), so the list filters in SQL and
 * pages newest first through the index on (openedAt, id).
 */
@Entity({ name: 'investigations', schema: 'investigations' })
@Index('investigations_list_order', ['openedAt', 'id'])
export class InvestigationRow extends AccessAttributes {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') kind: string;
  /** open | closed */
  @Index() @Column('text') status: string;
  @Index() @Column('text') phenomenon: string;
  /** The holding team, as the identity provider names it. */
  @Index() @Column('text') team: string;
  @Column('text') originKind: string;
  @Index() @Column('text', { nullable: true }) leadInvestigator: string | null;
  @Column('text', { array: true }) members: string[];
  /** The referred report and every report joined since. */
  @Column('text', { array: true }) reportIds: string[];
  @Column('text', { array: true }) pvNumbers: string[];
  @Index() @Column('timestamptz') openedAt: Date;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  /** Version of the investigation's stream: the resource's ETag. */
  @Column('int') version: number;
  @Column('jsonb') state: Investigation;
}

/** The person index: one row per party link, across investigations ("this person also appears in…"). */
@Entity({ name: 'party_links', schema: 'investigations' })
export class PartyLinkRow {
  /** `<investigationId>/<partyLinkId>` */
  @PrimaryColumn('text') id: string;
  @Index() @Column('uuid') investigationId: string;
  @Column('text') partyLinkId: string;
  @Index() @Column('text') personId: string;
  /** Searched by a part of the name (the person index): a trigram index. */
  @Index() @TrigramIndex() @Column('text') displayName: string;
  @Column('text') role: string;
  @Column('boolean') identified: boolean;
  @Column('boolean') traced: boolean;
  /** False once unlinked: kept as history. */
  @Column('boolean') linked: boolean;
  @Column('timestamptz') linkedAt: Date;
}
