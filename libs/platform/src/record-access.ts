import type { Projection, RecordedEvent } from '@police/event-store';
import { Column, ObjectLiteral } from 'typeorm';

/**
 * Who may see a record, as stored beside it: the fields of the service's `ProtectedResource` for it
 * (built by the same function its read routes use), and `assignedTeams` — teams whose members count as
 * assigned to it (GAK for a report with a PV).
 */
export interface SearchAccess {
  type: string;
  caseRef?: string | null;
  teams?: string[];
  assignees?: string[];
  designated?: string[];
  assignedTeams?: string[];
  restricted?: boolean;
  compartment?: string | null;
  concernedStaffIds?: string[];
}

/**
 * The access attributes of a record as columns of a read model (the search index, a list), so that
 * need-to-know is a SQL predicate over them (`@police/security` `visibilityPredicate`, through
 * {@link accessColumns}). A table's read model extends this class; its projection fills the columns
 * with {@link accessAttributes} (see {@link withAccessAttributes}). Defaults let the columns be added
 * to a populated table: such rows stay invisible (`accessType` empty) until the projection is rebuilt.
 */
export abstract class AccessAttributes {
  @Column('text', { default: '' }) accessType: string;
  @Column('text', { array: true, default: '{}' }) accessTeams: string[];
  @Column('text', { array: true, default: '{}' }) accessAssignees: string[];
  @Column('text', { array: true, default: '{}' }) accessDesignated: string[];
  @Column('text', { array: true, default: '{}' }) accessAssignedTeams: string[];
  @Column('boolean', { default: false }) accessRestricted: boolean;
  @Column('text', { nullable: true }) accessCompartment: string | null;
  @Column('text', { array: true, default: '{}' }) accessConcerned: string[];
}

/** The column values of {@link AccessAttributes} for a record's access; null: a record nobody finds through the columns. */
export function accessAttributes(a: SearchAccess | null | undefined): AccessAttributes {
  return {
    accessType: a?.type ?? '',
    accessTeams: a?.teams ?? [],
    accessAssignees: a?.assignees ?? [],
    accessDesignated: a?.designated ?? [],
    accessAssignedTeams: a?.assignedTeams ?? [],
    accessRestricted: a?.restricted ?? false,
    accessCompartment: a?.compartment ?? null,
    accessConcerned: a?.concernedStaffIds ?? [],
  };
}

/** The SQL of the {@link AccessAttributes} columns of the table aliased `alias` (for a visibility predicate). */
export function accessColumns(alias: string) {
  return {
    type: `${alias}."accessType"`,
    teams: `${alias}."accessTeams"`,
    assignees: `${alias}."accessAssignees"`,
    designated: `${alias}."accessDesignated"`,
    assignedTeams: `${alias}."accessAssignedTeams"`,
    restricted: `${alias}."accessRestricted"`,
    compartment: `${alias}."accessCompartment"`,
    concerned: `${alias}."accessConcerned"`,
  } as const;
}

/**
 * A list's projection whose rows carry their access attributes: after every event the row's access is
 * computed again from the row (by `access`, the function the service's search index and read routes
 * use), so a reassignment, a new PV's author or a restriction shows in the list's SQL at once.
 */
export function withAccessAttributes<Row extends AccessAttributes & ObjectLiteral>(
  projection: Projection<Row>,
  access: (row: Row) => SearchAccess,
): Projection<Row> {
  return {
    ...projection,
    evolve: (row: Row | null, e: RecordedEvent) => {
      const next = projection.evolve(row, e);
      return next && { ...next, ...accessAttributes(access(next)) };
    },
  };
}
