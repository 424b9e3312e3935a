import { inputRules } from '@police/event-store/domain';
import {
  InvalidInvestigationCommand,
  InvestigationClosedError,
  InvestigationConflict,
  InvestigationNotFound,
} from './investigation.errors';
import { AUTHORITIES, AuthorityRef, InvestigationKind } from './investigation.events';
import { Investigation, InvestigationState, OpenInvestigation, PartyLink, RoutingConfig } from './investigation.state';
import { CommandMetadata, isBlank, toIso } from './investigations.decide';

// What the investigation's deciders check before they decide: its state, its parties and tasks, and the shared input rules.

export const { requireText, requireOneOf, requireBoolean, requireUuid, requireInstant, requireDate, requireNotAfterNow } =
  inputRules(InvalidInvestigationCommand);

export function open(state: InvestigationState): OpenInvestigation {
  if (state.status === 'unopened') throw new InvestigationNotFound('investigation_not_found', 'No investigation with this id was opened');
  if (state.status === 'closed') throw new InvestigationClosedError(state);
  return state;
}

/**
 * Evidence and lab results come from the evidence service after the fact: a closed investigation still
 * takes them (flagged), since losing them would break the case file; only an unknown one refuses.
 */
export function linkable(state: InvestigationState): Investigation {
  if (state.status === 'unopened') throw new InvestigationNotFound('investigation_not_found', 'No investigation with this id was opened');
  return state;
}

export function recorded(
  investigation: Investigation,
  metadata: CommandMetadata,
): { investigationId: string; recordedBy: string; recordedAt: string } {
  return { investigationId: investigation.investigationId, recordedBy: metadata.actor.staffId, recordedAt: toIso(metadata.now) };
}

export function route(routing: RoutingConfig, phenomenon: string): string {
  const team = Object.prototype.hasOwnProperty.call(routing.routes, phenomenon) ? routing.routes[phenomenon] : undefined;
  if (team === undefined || isBlank(team)) {
    throw new InvalidInvestigationCommand(
      'no_route_for_phenomenon',
      `The zone routes no team for phenomenon "${phenomenon}": name the team`,
      'phenomenon',
    );
  }
  return team;
}

export function validAuthorityRef(value: AuthorityRef, field: string): AuthorityRef {
  requireOneOf(value.authority, AUTHORITIES, `${field}.authority`);
  if (isBlank(value.reference)) throw new InvalidInvestigationCommand('required', `${field}.reference is required`, `${field}.reference`);
  return authorityRef(value);
}

export function authorityRef({ authority, reference }: AuthorityRef): AuthorityRef {
  return { authority, reference };
}

/** [INF] A gerechtelijk onderzoek is led by an onderzoeksrechter; an opsporingsonderzoek by the parket or the arbeidsauditeur. */
export function requireAuthorityForKind(ref: AuthorityRef, kind: InvestigationKind): void {
  const matches = kind === 'gerechtelijk_onderzoek' ? ref.authority === 'onderzoeksrechter' : ref.authority !== 'onderzoeksrechter';
  if (!matches) {
    throw new InvalidInvestigationCommand(
      'authority_does_not_match_kind',
      `A ${kind.replaceAll('_', ' ')} is not directed by the ${ref.authority.replaceAll('_', ' ')}`,
      'directingAuthority.authority',
    );
  }
}

export function activeLink(investigation: OpenInvestigation, partyLinkId: string): PartyLink {
  const link = investigation.parties[partyLinkId];
  if (!link) throw new InvestigationNotFound('party_link_not_found', `No party link ${partyLinkId} on this investigation`);
  if (link.unlinkedAt !== undefined)
    throw new InvestigationConflict('party_unlinked', `${link.displayName} was unlinked from this investigation`);
  return link;
}

export function suspectLink(investigation: OpenInvestigation, partyLinkId: string): PartyLink {
  const link = activeLink(investigation, partyLinkId);
  if (link.role !== 'suspect')
    throw new InvalidInvestigationCommand(
      'wrong_party_role',
      `${link.displayName} is linked as ${link.role}, not as a suspect`,
      'partyLinkId',
    );
  return link;
}

export function parketTask(investigation: OpenInvestigation, parketTaskId: string) {
  const task = investigation.parketTasks[parketTaskId];
  if (!task) throw new InvestigationNotFound('parket_task_not_found', `No parket task ${parketTaskId} on this investigation`);
  if (task.status === 'completed') throw new InvestigationConflict('parket_task_completed', `Parket task ${parketTaskId} is completed`);
  return task;
}

export function requireSameInvestigation(investigation: Investigation, investigationId: string | undefined): void {
  if (investigationId !== undefined && investigationId !== investigation.investigationId) {
    throw new InvalidInvestigationCommand(
      'invalid_id',
      `This belongs to investigation ${investigationId}, not ${investigation.investigationId}`,
      'investigationId',
    );
  }
}
