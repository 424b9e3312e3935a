import { Inject, Injectable } from '@nestjs/common';
import { LoadedState, loadState } from '@police/event-store';
import { EVENT_SOURCING, problem, ServiceEventSourcing } from '@police/platform';
import {
  AccessControl,
  forbiddenRecord,
  GrantedAccess,
  Principal,
  principalOf,
  ProtectedResource,
  resourceNotFound,
} from '@police/security';
import type { Request } from 'express';
import { Actor } from './domain/investigations.decide';
import { InvestigationEvent } from './domain/investigation.events';
import { assignees, evolveInvestigation, initialInvestigationState, Investigation, InvestigationState } from './domain/investigation.state';
import { investigationStream } from './domain/investigation.stream';
import { INVESTIGATIONS_CONFIG, InvestigationsConfig, teamKey } from './investigations.config';
import { InvestigationRow } from './read-model/investigations/investigation.read-model';

/** An investigation as its stream has it now (or then), with its events and version. */
export interface LoadedInvestigation {
  state: Investigation;
  version: number;
  events: InvestigationEvent[];
}

/** The investigation as a protected record: its team (restricted for Zeden and the like) and its assignees. */
export function investigationResource(config: Pick<InvestigationsConfig, 'restrictedTeams'>, state: Investigation): ProtectedResource {
  const caseRef = state.directingAuthority?.reference ?? (state.origin.kind === 'report' ? state.origin.report.pvNumber : undefined);
  return {
    type: 'investigation',
    id: state.investigationId,
    ...(caseRef ? { caseRef } : {}),
    teams: [teamKey(state.team)],
    assignees: assignees(state),
    restricted: config.restrictedTeams.includes(teamKey(state.team)),
  };
}

/**
 * Need-to-know on investigations: the case's team and its assignees (lead and members) see it; a
 * restricted team's case (Zeden, COPPRA, informant work) does not exist for anyone else but those who
 * may break the glass on it (the chief), so its refusals are answered as a missing id (404).
 */
@Injectable()
export class InvestigationsAccess {
  constructor(
    @Inject(EVENT_SOURCING) private readonly es: ServiceEventSourcing,
    @Inject(INVESTIGATIONS_CONFIG) readonly config: InvestigationsConfig,
    private readonly access: AccessControl,
  ) {}

  principal(req: Request): Principal {
    const p = principalOf(req);
    if (!p) throw problem(401, 'unauthenticated', 'This endpoint needs a bearer token.');
    return p;
  }

  actor(principal: Principal): Actor {
    return { staffId: principal.staffId };
  }

  isRestrictedTeam(team: string): boolean {
    return this.config.restrictedTeams.includes(teamKey(team));
  }

  resource(state: Investigation): ProtectedResource {
    return investigationResource(this.config, state);
  }

  rowResource(row: InvestigationRow): ProtectedResource {
    return this.resource(row.state);
  }

  /** A case about to be opened for a team: who may open it (that team's detectives and team leads). */
  newResource(investigationId: string, team: string): ProtectedResource {
    return { type: 'investigation', id: investigationId, teams: [teamKey(team)], assignees: [], restricted: this.isRestrictedTeam(team) };
  }

  canSee(principal: Principal, resource: ProtectedResource): boolean {
    return this.access.canSee(principal, resource);
  }

  /** The investigation from its stream (never a trailing read model: decisions and reads of one case use this), or 404. */
  async load(investigationId: string, asOf?: Date): Promise<LoadedInvestigation | null> {
    const { state, version, events } = await loadState<InvestigationState, InvestigationEvent>(
      this.es.store,
      investigationStream(investigationId),
      {
        evolve: evolveInvestigation,
        initialState: initialInvestigationState,
        asOf,
      },
    );
    if (state.status === 'unopened') return null;
    return { state, version, events: events.map((e) => ({ type: e.type, data: e.data }) as InvestigationEvent) };
  }

  /** The investigation as a command loaded it (the state it is decided on), or 404. */
  opened(loaded: LoadedState<InvestigationState>): LoadedInvestigation {
    if (loaded.state.status === 'unopened') throw resourceNotFound('investigation');
    return {
      state: loaded.state,
      version: loaded.version,
      events: loaded.events.map((e) => ({ type: e.type, data: e.data }) as InvestigationEvent),
    };
  }

  async current(investigationId: string): Promise<LoadedInvestigation> {
    const loaded = await this.load(investigationId);
    if (!loaded) throw resourceNotFound('investigation');
    return loaded;
  }

  /** Whether the reader could ever read the record (with a justification): else it must look missing. */
  mayKnowOf(principal: Principal, resource: ProtectedResource): boolean {
    return this.access.decide(principal, resource, 'read', { text: 'probe of break-glass eligibility' }).granted;
  }

  /**
   * The other investigations among these ids (a case file's series links, its merger) that the reader
   * may not know of: a case file must not name them. An id of no investigation hides nothing.
   */
  async unknowableTo(principal: Principal, ids: Iterable<string>): Promise<Set<string>> {
    const hidden = new Set<string>();
    for (const id of new Set(ids)) {
      const other = await this.load(id);
      if (other && !this.mayKnowOf(principal, this.resource(other.state))) hidden.add(id);
    }
    return hidden;
  }

  /**
   * Whether the reader may know of a report, as this service knows reports: only through referrals
   * (`reports.ReportReferredForInvestigation.v1` opens a case with it) and the joins made since, so a
   * report is known when a case holds it, and seen through the cases that hold it. A report in no case
   * the reader may see is as unknown as one that does not exist.
   */
  async mayNameReport(principal: Principal, reportId: string): Promise<boolean> {
    const holding = await this.es.dataSource
      .getRepository(InvestigationRow)
      .createQueryBuilder('i')
      .where(':r = ANY(i.reportIds)', { r: reportId })
      .getMany();
    return holding.some((row) => this.canSee(principal, this.rowResource(row)));
  }

  /** Whether the reader may know of another investigation (a series link, a merger): one they may see. */
  async mayNameInvestigation(principal: Principal, investigationId: string): Promise<boolean> {
    const other = await this.load(investigationId);
    return !!other && this.canSee(principal, this.resource(other.state));
  }

  /** A restricted case is a 404 to whoever could never open it (the shared rule, `decideAccess`). */
  async authorizeRead(req: Request, state: Investigation): Promise<GrantedAccess> {
    return this.access.authorizeRead(req, this.resource(state));
  }

  /** A change to the case: its team's detectives and team leads, its assignees. Writes never break the glass. */
  authorizeWrite(req: Request, state: Investigation): GrantedAccess {
    return this.access.authorizeWrite(req, this.resource(state));
  }

  /** Assignment (team, lead, members): a team lead of the team holding the case. */
  authorizeAssignment(req: Request, state: Investigation): void {
    this.authorizeWrite(req, state);
    const principal = this.principal(req);
    if (!(principal.roles.includes('team_lead') && principal.teams.includes(teamKey(state.team)))) {
      throw problem(403, 'not_team_lead', `Only a team lead of ${teamKey(state.team)} assigns this investigation.`);
    }
  }

  /** Reporting to the magistrate, closing and reopening: the lead investigator or a team lead of the team. */
  authorizeClosing(req: Request, state: Investigation): void {
    this.authorizeWrite(req, state);
    const principal = this.principal(req);
    const teamLead = principal.roles.includes('team_lead') && principal.teams.includes(teamKey(state.team));
    if (!teamLead && state.leadInvestigator !== principal.staffId) {
      throw problem(
        403,
        'not_lead_investigator',
        'Only the lead investigator or a team lead of the team reports, closes or reopens this investigation.',
      );
    }
  }

  authorizeNew(req: Request, resource: ProtectedResource): void {
    const decision = this.access.decide(this.principal(req), resource, 'write');
    if (!decision.granted) throw forbiddenRecord('investigation');
  }

  get accessControl(): AccessControl {
    return this.access;
  }

  get eventSourcing(): ServiceEventSourcing {
    return this.es;
  }
}
