import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The statistical facts of one report: its dimensions and nothing about anyone. Counts are grouped from
 * these rows. Reports about police conduct have none (integrity's figures are sealed).
 */
@Entity({ name: 'report_statistics', schema: 'reports' })
export class ReportStatisticsRow {
  @PrimaryColumn('uuid') reportId: string;
  @Column('text') kind: string;
  @Column('text') channel: string;
  /** The front-desk office, or `-` for other channels. */
  @Column('text') office: string;
  /** The incident type, or `-` when none was given. */
  @Column('text') incidentType: string;
  /** ISO week of the intake in the zone's time zone, `YYYY-Www`. */
  @Index() @Column('text') week: string;
  /** The day of the intake in the zone's time zone, `YYYY-MM-DD` (the from/to filter). */
  @Index() @Column('text') day: string;
}
