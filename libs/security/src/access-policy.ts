import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ACCESS_POLICY, CONSULTS, PROCESSING_RESTRICTED as PLATFORM_PROCESSING_RESTRICTED, PublicPolicy } from '@police/platform';
import { Role, ROLES } from './principal';

export { ACCESS_POLICY, CONSULTS, Public } from '@police/platform';

/** What a route states about who may call it; read by the access guard from handler, then class. */
export type AccessPolicy =
  | PublicPolicy
  | {
      kind: 'authenticated';
      /** Any of these roles; `'any'` for every authenticated member of staff. */
      roles: Role[] | 'any';
    };

/**
 * The kinds of records a service may protect. Services add theirs here, with a policy in
 * {@link DEFAULT_RESOURCE_POLICIES}: an unknown type is refused to everyone.
 */
export const RESOURCE_TYPES = [
  'report',
  'investigation',
  'evidence_item',
  'found_object',
  'loss_declaration',
  'person',
  'integrity_complaint',
  'integrity_investigation',
  'disciplinary_case',
  'consultation_log',
  'data_subject_request',
] as const;
/** One of {@link RESOURCE_TYPES}. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Metadata key of a route that also opens to the metrics scrape token. */
export const SCRAPE_TOKEN_ROUTE = 'police:scrape-token';

/**
 * Opens a route (besides its `@Allow` roles) to the scrape token of the deployment
 * (`METRICS_SCRAPE_TOKEN`), sent as `Authorization: Bearer <token>`: for Prometheus, which holds no
 * person's token. Only the metrics endpoints carry it.
 */
export function AcceptsScrapeToken(): MethodDecorator & ClassDecorator {
  return SetMetadata(SCRAPE_TOKEN_ROUTE, true);
}

/**
 * Route access: callers need a valid token and one of `roles`. Object-level checks stay the
 * handler's job (`AccessControl`), since only it knows the record.
 */
export function Allow(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Allow() needs at least one role; use @Authenticated() for any member of staff');
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`@Allow(): unknown role(s) ${unknown.join(', ')}`);
  return decorate({ kind: 'authenticated', roles });
}

/** Route access for any authenticated member of staff, whatever their role. */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return decorate({ kind: 'authenticated', roles: 'any' });
}

/**
 * Declares that the route answers with records of these types. The route must then record each
 * consultation through `AccessControl.authorizeRead` or `recordListRead`: an answer with none recorded
 * is replaced by a 500, so a read can never go unlogged. Needs `@Allow` or `@Authenticated` too (a
 * public route cannot consult records: the host refuses to start).
 */
export function Consults(...types: ResourceType[]): MethodDecorator & ClassDecorator {
  if (types.length === 0) throw new Error('@Consults() needs at least one resource type');
  return SetMetadata(CONSULTS, types);
}

function decorate(policy: AccessPolicy): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (problem+json).' }),
    ApiForbiddenResponse({ description: 'Not allowed for this role or record (problem+json).' }),
  );
}

/**
 * Who may read records of a type, and on what basis. Assignment (being named on the record) always
 * counts; compartments and the people a record concerns are handled before any of this.
 */
export interface ResourcePolicy {
  /** Roles that see every (unrestricted) record of the type by their function: basis `role`. */
  role: Role[];
  /** Roles that see the records of their own teams: basis `team`. */
  team: Role[];
  /** Roles that may read any other (unrestricted) record with a stated justification: `break_glass`. */
  breakGlass: Role[];
  /** Roles that may break the glass on a restricted record (Zeden, …). Default: none. */
  restrictedBreakGlass?: Role[];
}

/** A policy for every resource type. */
export type ResourcePolicies = Record<ResourceType, ResourcePolicy>;

/** The compartment of the pointers reports keeps of conduct complaints handed on to integrity. */
export const CONDUCT_COMPLAINT_POINTERS = 'reports:conduct-complaints';

/**
 * The compartment of a record whose processing the DPO restricted (LED art. 16 §3; ADR 0056): it answers
 * like a sealed record, 404 to everyone but the DPO, whatever their role, team or assignment.
 */
export const PROCESSING_RESTRICTED = PLATFORM_PROCESSING_RESTRICTED;

/** Roles that may open a compartment's records; anyone else is told they do not exist (404). */
export type CompartmentRoles = Record<string, Role[]>;

const CASE_READERS: Role[] = ['detective', 'team_lead'];
const SEALED: ResourcePolicy = { role: [], team: [], breakGlass: [] };

/**
 * The default policy table. Case data is team-based with break-glass for investigators and the chief;
 * the evidence desk and lab see every item by function; integrity records are only ever readable
 * through their compartment (see {@link DEFAULT_COMPARTMENTS}).
 */
export const DEFAULT_RESOURCE_POLICIES: ResourcePolicies = {
  report: { role: ['front_desk'], team: CASE_READERS, breakGlass: [...CASE_READERS, 'chief'], restrictedBreakGlass: ['chief'] },
  investigation: { role: [], team: CASE_READERS, breakGlass: [...CASE_READERS, 'chief'], restrictedBreakGlass: ['chief'] },
  evidence_item: {
    role: ['evidence_officer', 'lab_liaison'],
    team: CASE_READERS,
    breakGlass: [...CASE_READERS, 'chief'],
    restrictedBreakGlass: ['chief'],
  },
  found_object: { role: ['evidence_officer', 'front_desk'], team: [], breakGlass: [...CASE_READERS, 'chief'] },
  loss_declaration: { role: ['evidence_officer', 'front_desk'], team: [], breakGlass: ['chief'] },
  person: { role: [], team: CASE_READERS, breakGlass: [...CASE_READERS, 'front_desk', 'chief'], restrictedBreakGlass: ['chief'] },
  integrity_complaint: SEALED,
  integrity_investigation: SEALED,
  disciplinary_case: SEALED,
  consultation_log: { role: ['dpo', 'integrity_investigator'], team: [], breakGlass: [] },
  /** The DPO's register of data-subject requests: sealed in the DPO's compartment. */
  data_subject_request: SEALED,
};

/**
 * The DIT entities are independent of each other (docs/domain.md §3.3): Intern Toezicht (BIT), Tucht and
 * the DPO each have a compartment; complaints not yet routed sit in `integrity:intake`. The chief
 * (who engages BIT and Tucht) may open theirs.
 */
export const DEFAULT_COMPARTMENTS: CompartmentRoles = {
  'integrity:intake': ['integrity_investigator', 'discipline_officer', 'chief'],
  'integrity:BIT': ['integrity_investigator', 'chief'],
  'integrity:Tucht': ['discipline_officer', 'chief'],
  'integrity:DPO': ['dpo'],
  /**
   * The pointer reports keeps of a conduct complaint it handed on to integrity: the desk that took it in keeps
   * it; for everyone else it does not exist. Its staff concerned are erased once integrity has it (ADR 0053),
   * so the compartment, not the list of the concerned, keeps it from the officers it is about.
   */
  [CONDUCT_COMPLAINT_POINTERS]: ['front_desk'],
  /** Restricted by the DPO: no assignment opens it either (see `decideAccess`). */
  [PROCESSING_RESTRICTED]: ['dpo'],
};
