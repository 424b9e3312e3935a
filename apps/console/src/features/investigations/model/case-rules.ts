import type { SessionUser } from '@/lib/auth';
import type { ActionKind, CaseFile, PartyLink } from '../api/investigations.api';

/**
 * Why a command is not offered, as the investigations API would refuse it (investigations.access.ts
 * and the domain's decide): a key of the feature catalogue's `rules`, with its values.
 */
export interface Refusal {
  key: 'readOnlyRole' | 'notOnCase' | 'notTeamLead' | 'notLeadOrTeamLead' | 'closed' | 'notClosed' | 'alreadyReported' | 'historical';
  values?: Record<string, string>;
}

/** What the user may do on this case file: `null` when allowed, else why not. */
export interface CaseRules {
  /** Work on the case: parties, actions, tasks, parket tasks, reports, series links, directing authority. */
  work: Refusal | null;
  /** Team, lead investigator, members. */
  assign: Refusal | null;
  /** Report to the magistrate. */
  report: Refusal | null;
  close: Refusal | null;
  reopen: Refusal | null;
}

const teamKey = (team: string): string => team.replace(/^team\s+/i, '').trim();

const WRITER_ROLES = ['detective', 'team_lead'] as const;

/** A detective or team lead of the case's team, or one of its assignees (the API's write rule). */
function mayWrite(user: SessionUser, file: CaseFile): Refusal | null {
  if (!user.roles.some((r) => (WRITER_ROLES as readonly string[]).includes(r))) return { key: 'readOnlyRole' };
  const team = teamKey(file.team);
  const assigned = file.leadInvestigator === user.staffId || file.members.includes(user.staffId);
  if (!assigned && !user.teams.map(teamKey).includes(team)) return { key: 'notOnCase', values: { team } };
  return null;
}

function isTeamLead(user: SessionUser, file: CaseFile): boolean {
  return user.roles.includes('team_lead') && user.teams.map(teamKey).includes(teamKey(file.team));
}

/**
 * The rules of the investigations API, checked before the user asks (the API still decides, and its
 * refusal is shown when it comes): writes by the team or the assignees; assignment by a team lead of
 * the team; reporting, closing and reopening by the lead investigator or a team lead; a closed case
 * takes nothing but reopening; a historical view takes nothing at all.
 */
export function caseRules(user: SessionUser, file: CaseFile, historical = false): CaseRules {
  if (historical) {
    const h: Refusal = { key: 'historical' };
    return { work: h, assign: h, report: h, close: h, reopen: h };
  }
  const write = mayWrite(user, file);
  const team = teamKey(file.team);
  const closed: Refusal | null = file.status === 'closed' ? { key: 'closed' } : null;
  const lead: Refusal | null =
    write ?? (isTeamLead(user, file) || file.leadInvestigator === user.staffId ? null : { key: 'notLeadOrTeamLead', values: { team } });
  return {
    work: write ?? closed,
    assign: write ?? (isTeamLead(user, file) ? closed : { key: 'notTeamLead', values: { team } }),
    report: lead ?? closed ?? (file.reportedToMagistrate !== null ? { key: 'alreadyReported' } : null),
    close: lead ?? closed,
    reopen: lead ?? (file.status === 'closed' ? null : { key: 'notClosed' }),
  };
}

/** Why an action of this kind cannot be recorded on this case yet (R-INV-1), or null. */
export function actionRefusal(
  kind: ActionKind,
  coercive: readonly ActionKind[],
  file: CaseFile,
): 'directingAuthorityRequired' | 'noSuspect' | 'noParty' | null {
  if (coercive.includes(kind) && file.directingAuthority === null) return 'directingAuthorityRequired';
  const active = file.parties.filter((p) => p.unlinkedAt === undefined);
  if ((kind === 'arrest' || kind === 'brought_before_magistrate') && !active.some((p) => p.role === 'suspect')) return 'noSuspect';
  if (kind === 'hearing' && active.length === 0) return 'noParty';
  return null;
}

/**
 * The Salduz rules of a hearing as the API enforces them [INF]: a deferred Salduz hearing is a
 * suspect's; a suspect is heard with a lawyer present or having waived one; a minor cannot waive.
 */
export function hearingRules(
  party: PartyLink | undefined,
  minor: boolean,
): { deferredSalduz: boolean; assistance: ('present' | 'waived' | 'not_applicable')[] } {
  const suspect = party?.role === 'suspect';
  const assistance: ('present' | 'waived' | 'not_applicable')[] = ['present'];
  if (!minor) assistance.push('waived');
  if (!suspect) assistance.push('not_applicable');
  return { deferredSalduz: suspect, assistance };
}

/** A task or parket task not done by its day (Belgian calendar day `today`, `YYYY-MM-DD`). */
export function isOverdue(due: string, done: boolean, today: string): boolean {
  return !done && due < today;
}
