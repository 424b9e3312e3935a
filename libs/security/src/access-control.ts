import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AccessAction, AccessBasis, AccessDecision, decideAccess, ProtectedResource } from './access-decision';
import { CompartmentRoles, ResourcePolicies, ResourceType } from './access-policy';
import { ConsultationData } from './audit.events';
import { ConsultationLog } from './consultation-log';
import { parseJustification } from './justification';
import { Principal, principalOf } from './principal';
import { correlationIdOf, endpointOf } from './request-context';
import { auditUnavailable, forbiddenRecord, justificationRequired, resourceNotFound, unauthenticated } from './security.problems';
import { AccessColumns, visibilityLexemes, visibilityPredicate } from './visibility';

/** Injection token of the {@link AccessRules} in force. */
export const ACCESS_RULES = Symbol('ACCESS_RULES');

/** The resource policies and compartments in force (defaults, or the host's). */
export interface AccessRules {
  policies: ResourcePolicies;
  compartments: CompartmentRoles;
}

const CONSULTATIONS = Symbol('police:consultations');

/** How many consultations the handler recorded for this request (checked for `@Consults` routes). */
export function consultationsRecorded(req: Request): number {
  return (req as unknown as Record<symbol, number | undefined>)[CONSULTATIONS] ?? 0;
}

function countConsultation(req: Request): void {
  const r = req as unknown as Record<symbol, number | undefined>;
  r[CONSULTATIONS] = (r[CONSULTATIONS] ?? 0) + 1;
}

/** A granted access, as the handler may want to show it (e.g. a break-glass banner). */
export interface GrantedAccess {
  basis: 'assignment' | 'team' | 'role' | 'break_glass';
  reason: string;
  /** Id of the consultation record (reads only). */
  consultationId?: string;
}

/**
 * Object-level access for services: every id a request touches goes through here with a
 * {@link ProtectedResource} the service built from its own read model.
 *
 * - `authorizeRead` decides, writes the consultation record (granted or refused) before returning,
 *   and throws the refusal as problem+json: 403 (justification required, or forbidden) or 404 when
 *   the record must stay invisible. If the record cannot be written, the read fails with 503.
 * - `canSee` is the same rule without a justification and without logging, to filter lists;
 *   `recordListRead` then logs the ids a list or search answer shows.
 * - `authorizeWrite` decides for a change (no break-glass: writes need an assignment, team or role);
 *   writes are attributable through their events' metadata, so they are not logged here.
 */
@Injectable()
export class AccessControl {
  private readonly logger = new Logger('AccessControl');

  constructor(
    private readonly log: ConsultationLog,
    @Inject(ACCESS_RULES) private readonly rules: AccessRules,
  ) {}

  /** The pure decision, for callers that need it without side effects. */
  decide(
    principal: Principal,
    resource: ProtectedResource,
    action: AccessAction,
    justification?: { text: string; caseRef?: string },
  ): AccessDecision {
    return decideAccess(principal, resource, action, justification, this.rules.policies, this.rules.compartments);
  }

  /** Whether the principal sees the record without stating a justification (list filtering; no log). */
  canSee(principal: Principal, resource: ProtectedResource): boolean {
    return this.decide(principal, resource, 'read').granted;
  }

  /**
   * Whether the principal's roles alone may open (unrestricted) records of this type. When not, a list
   * can only ever show records of the principal's teams or assignments: a service may narrow its query
   * to those before `canSee`, instead of reading every row.
   */
  seesByRole(principal: Principal, type: ResourceType): boolean {
    const policy = this.rules.policies[type];
    return !!policy && principal.roles.some((r) => policy.role.includes(r));
  }

  /**
   * {@link canSee} as a SQL predicate over stored access attributes (see `visibilityPredicate`), for
   * lists and searches that must filter, count and page over visible records only.
   */
  visibleWhere(principal: Principal, types: readonly ResourceType[], columns: AccessColumns, param: (value: unknown) => string): string {
    return visibilityPredicate(principal, types, this.rules, columns, param);
  }

  /** The access lexemes a search index narrows by before {@link visibleWhere} decides (see `visibilityLexemes`). */
  visibleLexemes(principal: Principal, types: readonly ResourceType[]): string[] {
    return visibilityLexemes(principal, types, this.rules);
  }

  async authorizeRead(req: Request, resource: ProtectedResource): Promise<GrantedAccess> {
    const principal = this.principal(req);
    const parsed = parseJustification(req.headers);
    const decision = this.decide(principal, resource, 'read', parsed.kind === 'valid' ? parsed.justification : undefined);
    const data = this.consultation(req, principal, resource.type, [resource], resource.caseRef, 'record', decision);
    if (!decision.granted) {
      await this.recordRefusal(req, data);
      if (decision.refusal === 'hidden') throw resourceNotFound(resource.type);
      if (decision.refusal === 'forbidden') throw forbiddenRecord(resource.type);
      throw justificationRequired(resource.type, parsed.kind === 'invalid' ? parsed.errors : undefined);
    }
    const { eventId } = await this.recordGranted(req, data);
    return { basis: decision.basis, reason: decision.reason, consultationId: eventId };
  }

  authorizeWrite(req: Request, resource: ProtectedResource): GrantedAccess {
    const decision = this.decide(this.principal(req), resource, 'write');
    if (decision.granted) return { basis: decision.basis, reason: decision.reason };
    if (decision.refusal === 'hidden') throw resourceNotFound(resource.type);
    throw forbiddenRecord(resource.type);
  }

  /**
   * Logs that a list or search answer showed these records (filter them with {@link canSee} first).
   * An empty answer is logged too: a search that found nothing is still a consultation.
   */
  async recordListRead(req: Request, type: ResourceType, resources: ProtectedResource[]): Promise<void> {
    const principal = this.principal(req);
    const counts = new Map<string, number>();
    for (const r of resources) {
      const d = this.decide(principal, r, 'read');
      if (!d.granted)
        throw new Error(`recordListRead: ${r.type} ${r.id} is not visible to the reader; filter the list with canSee() first`);
      counts.set(d.basis, (counts.get(d.basis) ?? 0) + 1);
    }
    const reason = `list of ${resources.length} visible record(s)${counts.size > 0 ? `: ${[...counts].map(([b, n]) => `${b} ${n}`).join(', ')}` : ''}`;
    const { basis: _any, ...data } = this.consultation(req, principal, type, resources, undefined, 'list', {
      granted: true,
      basis: 'role',
      reason,
    });
    // One basis when every record shares it; none for a mixed list (the reason gives the counts).
    const uniform = counts.size === 1 ? ([...counts.keys()][0] as AccessBasis) : undefined;
    await this.recordGranted(req, uniform ? { ...data, basis: uniform } : data);
  }

  /**
   * Logs the DPO's look-up of a data subject (ADR 0056): the records of one type the answer shows, whatever
   * their compartment or restriction, since the DPO must see everything held about the person. Only for the
   * DPO; a route that calls it is `@Allow('dpo')`.
   */
  async recordDataSubjectLookup(req: Request, type: ResourceType, resources: ProtectedResource[]): Promise<void> {
    const principal = this.principal(req);
    if (!principal.roles.includes('dpo')) throw new Error('recordDataSubjectLookup: only the DPO looks up a data subject');
    const reason = `data-subject request: ${resources.length} record(s) that mention the person`;
    const data = this.consultation(req, principal, type, resources, undefined, 'list', { granted: true, basis: 'role', reason });
    await this.recordGranted(req, data);
  }

  private principal(req: Request): Principal {
    const principal = principalOf(req);
    if (!principal) throw unauthenticated('This endpoint reads protected records: it needs a bearer token.');
    return principal;
  }

  private consultation(
    req: Request,
    principal: Principal,
    type: ResourceType,
    resources: ProtectedResource[],
    caseRef: string | undefined,
    kind: 'record' | 'list',
    decision: AccessDecision,
  ): ConsultationData {
    const compartments = [...new Set(resources.flatMap((r) => (r.compartment === undefined ? [] : [r.compartment])))];
    const concerned = [...new Set(resources.flatMap((r) => r.concernedStaffIds ?? []))];
    return {
      at: new Date().toISOString(),
      actor: {
        staffId: principal.staffId,
        username: principal.username,
        roles: principal.roles,
        teams: principal.teams,
        unit: principal.unit,
      },
      subject: {
        type,
        ids: resources.map((r) => r.id),
        ...(caseRef ? { caseRef } : {}),
        ...(compartments.length > 0 ? { compartments } : {}),
        ...(concerned.length > 0 ? { concernedStaffIds: concerned } : {}),
      },
      kind,
      outcome: decision.granted ? 'granted' : 'refused',
      ...(decision.granted ? { basis: decision.basis } : { refusal: decision.refusal }),
      reason: decision.reason,
      breakGlass: decision.granted && decision.basis === 'break_glass',
      ...(decision.granted && decision.justification ? { justification: decision.justification } : {}),
      endpoint: endpointOf(req),
      correlationId: correlationIdOf(req),
    };
  }

  private async recordGranted(req: Request, data: ConsultationData): Promise<{ eventId: string }> {
    try {
      const r = await this.log.record(data);
      countConsultation(req);
      return r;
    } catch (e) {
      this.logger.error(`consultation log append failed; read refused: ${e instanceof Error ? e.message : String(e)}`);
      throw auditUnavailable();
    }
  }

  /** A refusal stands whether or not it could be logged; a failed log write is reported, not hidden. */
  private async recordRefusal(req: Request, data: ConsultationData): Promise<void> {
    try {
      await this.log.record(data);
      countConsultation(req);
    } catch (e) {
      this.logger.error(`consultation log append failed for a refused read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
