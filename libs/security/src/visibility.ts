import { ACCESS_LEXEME } from '@police/platform';
import { ProtectedResource } from './access-decision';
import { CompartmentRoles, PROCESSING_RESTRICTED, ResourcePolicies, ResourceType } from './access-policy';
import { Principal, Role } from './principal';

/**
 * A record's access attributes as a table stores them beside the record (a search index, a work
 * list): the fields of a {@link ProtectedResource}, plus `assignedTeams` — teams whose members count as
 * assigned (GAK for every report with a PV). Arrays are never null.
 */
export interface AccessRow {
  type: ResourceType;
  id: string;
  caseRef: string | null;
  teams: string[];
  assignees: string[];
  designated: string[];
  assignedTeams: string[];
  restricted: boolean;
  compartment: string | null;
  concerned: string[];
}

/** The SQL expressions (usually quoted columns) that hold each attribute of an {@link AccessRow}. */
export type AccessColumns = Record<Exclude<keyof AccessRow, 'id' | 'caseRef'>, string>;

/** The record a reader would be checked against: `assignedTeams` becomes the reader's assignment. */
export function resourceOfRow(row: AccessRow, principal: Principal): ProtectedResource {
  const assignees = new Set(row.assignees);
  if (principal.teams.some((t) => row.assignedTeams.includes(t))) assignees.add(principal.staffId);
  return {
    type: row.type,
    id: row.id,
    ...(row.caseRef ? { caseRef: row.caseRef } : {}),
    teams: row.teams,
    assignees: [...assignees],
    ...(row.designated.length > 0 ? { designated: row.designated } : {}),
    ...(row.restricted ? { restricted: true } : {}),
    ...(row.compartment !== null ? { compartment: row.compartment } : {}),
    ...(row.concerned.length > 0 ? { concernedStaffIds: row.concerned } : {}),
  };
}

const some = (roles: readonly Role[], allowed: readonly Role[] | undefined): boolean => roles.some((r) => allowed?.includes(r));

/**
 * The read rule of {@link decideAccess} without a justification (what `canSee` answers), as a SQL
 * predicate over stored access attributes, so that a list or search filters, counts and pages in the
 * database over visible records only. Only the principal's values travel as parameters (`param`
 * registers one and returns its placeholder); the policy decides which branches exist at all.
 *
 * Equivalence with `canSee` is proven over every combination of attributes in `visibility.int.spec.ts`.
 */
export function visibilityPredicate(
  principal: Principal,
  types: readonly ResourceType[],
  rules: { policies: ResourcePolicies; compartments: CompartmentRoles },
  c: AccessColumns,
  param: (value: unknown) => string,
): string {
  const me = param([principal.staffId]);
  let teamsParam: string | undefined;
  const teams = (): string => (teamsParam ??= param(principal.teams));
  const open = Object.entries(rules.compartments)
    .filter(([, roles]) => some(principal.roles, roles))
    .map(([name]) => name);
  const byType = types.map((type) => {
    const policy = rules.policies[type];
    const grants: string[] = [];
    if (policy && some(principal.roles, policy.role)) grants.push(`NOT ${c.restricted}`);
    if (policy && some(principal.roles, policy.team) && principal.teams.length > 0) grants.push(`${c.teams} && ${teams()}::text[]`);
    return grants.length === 0 ? undefined : `(${c.type} = ${param(type)} AND (${grants.join(' OR ')}))`;
  });
  const functional = byType.filter((x): x is string => x !== undefined);
  const assigned = [
    `${c.assignees} @> ${me}::text[]`,
    `${c.designated} @> ${me}::text[]`,
    ...(principal.teams.length > 0 ? [`${c.assignedTeams} && ${teams()}::text[]`] : []),
  ];
  // A record whose processing the DPO restricted opens to its compartment's roles only, not by assignment.
  const granted = [
    `(${c.compartment} IS DISTINCT FROM ${param(PROCESSING_RESTRICTED)} AND (${assigned.join(' OR ')}))`,
    ...(open.length > 0 ? [`${c.compartment} = ANY(${param(open)}::text[])`] : []),
    ...(functional.length > 0 ? [`(${c.compartment} IS NULL AND (${functional.join(' OR ')}))`] : []),
  ];
  return `(${c.type} = ANY(${param([...types])}::text[]) AND NOT (${c.concerned} @> ${me}::text[]) AND (${granted.join(' OR ')}))`;
}

/**
 * The access lexemes (`@police/platform` `ACCESS_LEXEME`) of which every record the principal may see
 * holds at least one: the same branches as {@link visibilityPredicate}, so that a search index narrows
 * to them through its GIN index before the predicate decides (the staff a record concerns are excluded
 * by the predicate only).
 */
export function visibilityLexemes(
  principal: Principal,
  types: readonly ResourceType[],
  rules: { policies: ResourcePolicies; compartments: CompartmentRoles },
): string[] {
  const out = [
    ACCESS_LEXEME.assignee(principal.staffId),
    ACCESS_LEXEME.designated(principal.staffId),
    ...principal.teams.map(ACCESS_LEXEME.assignedTeam),
  ];
  for (const [name, roles] of Object.entries(rules.compartments))
    if (some(principal.roles, roles)) out.push(ACCESS_LEXEME.compartment(name));
  for (const type of types) {
    const policy = rules.policies[type];
    if (policy && some(principal.roles, policy.role)) out.push(ACCESS_LEXEME.open(type));
    if (policy && some(principal.roles, policy.team)) out.push(...principal.teams.map((t) => ACCESS_LEXEME.team(type, t)));
  }
  return [...new Set(out)];
}
