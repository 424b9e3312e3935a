import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Migration } from '@police/event-store';

/** Schema of the consultation log: its event log, read model and projector checkpoint. */
export const AUDIT_SCHEMA = 'audit';

/** One consultation as oversight queries it (projected from the log; rebuildable). */
@Entity({ schema: AUDIT_SCHEMA, name: 'consultations' })
export class ConsultationRow {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId: string;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'actor_staff_id' }) actorStaffId: string;
  @Column('text', { name: 'actor_username' }) actorUsername: string;
  @Column('text', { name: 'actor_roles', array: true }) actorRoles: string[];
  @Column('text', { name: 'actor_teams', array: true }) actorTeams: string[];
  @Column('text', { name: 'actor_unit' }) actorUnit: string;
  @Column('text', { name: 'subject_type' }) subjectType: string;
  @Column('text', { name: 'subject_ids', array: true }) subjectIds: string[];
  @Column('text', { name: 'case_ref', nullable: true }) caseRef: string | null;
  @Column('text', { name: 'subject_compartments', array: true }) subjectCompartments: string[];
  @Column('text', { name: 'concerned_staff_ids', array: true }) concernedStaffIds: string[];
  @Column('text') kind: string;
  @Column('text') outcome: string;
  @Column('text', { nullable: true }) basis: string | null;
  @Column('text', { nullable: true }) refusal: string | null;
  @Column('text') reason: string;
  @Column('boolean', { name: 'break_glass' }) breakGlass: boolean;
  @Column('text', { nullable: true }) justification: string | null;
  @Column('text', { name: 'justification_case_ref', nullable: true }) justificationCaseRef: string | null;
  @Column('text') method: string;
  @Column('text') route: string;
  @Column('text', { name: 'correlation_id' }) correlationId: string;
  @Column('text', { name: 'stream_id' }) streamId: string;
  @Column('integer', { name: 'stream_version' }) streamVersion: number;
}

/** The read model's table and indexes, as ordered migrations (run once per database). */
export const AUDIT_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'consultations read model',
    sql: (schema) => `
CREATE TABLE "${schema}".consultations (
  event_id               uuid        PRIMARY KEY,
  at                     timestamptz NOT NULL,
  actor_staff_id         text        NOT NULL,
  actor_username         text        NOT NULL,
  actor_roles            text[]      NOT NULL,
  actor_teams            text[]      NOT NULL,
  actor_unit             text        NOT NULL,
  subject_type           text        NOT NULL,
  subject_ids            text[]      NOT NULL,
  case_ref               text,
  subject_compartments   text[]      NOT NULL,
  concerned_staff_ids    text[]      NOT NULL,
  kind                   text        NOT NULL,
  outcome                text        NOT NULL,
  basis                  text,
  refusal                text,
  reason                 text        NOT NULL,
  break_glass            boolean     NOT NULL,
  justification          text,
  justification_case_ref text,
  method                 text        NOT NULL,
  route                  text        NOT NULL,
  correlation_id         text        NOT NULL,
  stream_id              text        NOT NULL,
  stream_version         integer     NOT NULL
);
CREATE INDEX consultations_at_idx ON "${schema}".consultations (at DESC, event_id DESC);
CREATE INDEX consultations_actor_idx ON "${schema}".consultations (actor_staff_id, at DESC);
CREATE INDEX consultations_subject_idx ON "${schema}".consultations USING gin (subject_ids);
CREATE INDEX consultations_break_glass_idx ON "${schema}".consultations (at DESC) WHERE break_glass;`,
  },
];
