import { AssignInvestigator, Organisation, Relationships } from './complaint.commands';
import { ComplaintConflict, ComplaintForbidden, ConflictOfInterest, InvalidComplaintCommand } from './complaint.errors';
import { InvestigatorAssigned, InvestigatorConflict } from './complaint.events';
import { investigating, label, requireBoolean } from './complaint.guards';
import { Complaint, ComplaintState } from './complaint.state';
import { Actor, isBlank, KORPSCHEF, toIso } from './integrity.decide';

// The investigator: who may be assigned, and who may not for a conflict of interest.

/**
 * A staff member concerned can never investigate their own file, override or not. Sharing a team or unit with one,
 * or a recorded relationship, is a conflict the chief may override with a reason; the event keeps both.
 */
export function decideAssignInvestigator(state: ComplaintState, { data, metadata }: AssignInvestigator): [InvestigatorAssigned] {
  const complaint = investigating(state);
  const authority = metadata.actor.authority;
  if (!mayAssignInvestigator(complaint, metadata.actor)) {
    throw new ComplaintForbidden(
      'not_an_ordering_authority',
      `Only the korpschef or the authority that ordered the investigation may assign its investigator`,
    );
  }
  if (isBlank(data.investigatorId)) throw new InvalidComplaintCommand('required', 'investigatorId is required', 'investigatorId');
  requireBoolean(data.designated, 'designated');
  const { verdict, conflicts } = investigatorCheck(complaint, data.investigatorId, data.organisation, data.relationships);
  if (verdict === 'concerned') {
    throw new ComplaintConflict(
      'investigator_concerned',
      `${data.investigatorId} is a staff member concerned by complaint ${label(complaint)}`,
    );
  }
  if (verdict === 'already_assigned') {
    throw new ComplaintConflict(
      'investigator_already_assigned',
      `${data.investigatorId} is already an investigator of complaint ${label(complaint)}`,
    );
  }
  if (data.override !== undefined) {
    if (authority !== KORPSCHEF) throw new ComplaintForbidden('not_the_chief', 'Only the korpschef may override a conflict of interest');
    if (isBlank(data.override.reason)) throw new InvalidComplaintCommand('required', 'An override needs a reason', 'override.reason');
    if (conflicts.length === 0)
      throw new InvalidComplaintCommand(
        'override_without_conflict',
        `${data.investigatorId} has no conflict of interest to override`,
        'override',
      );
  } else if (conflicts.length > 0) {
    throw new ConflictOfInterest(data.investigatorId, conflicts);
  }
  return [
    {
      type: 'InvestigatorAssigned',
      data: {
        complaintId: complaint.complaintId,
        investigatorId: data.investigatorId,
        designated: data.designated,
        conflicts,
        ...(data.override !== undefined && { override: { decidedBy: metadata.actor.staffId, reason: data.override.reason } }),
        assignedBy: metadata.actor.staffId,
        assignedAt: toIso(metadata.now),
      },
    },
  ];
}

/**
 * Whether a person may investigate the complaint, as the assignment decides it: never a staff member concerned
 * (override or not), nobody twice, and a conflict of interest only with the chief's override. The console asks
 * it before the choice is confirmed; the assignment decides by the same function.
 */
export type InvestigatorVerdict = 'eligible' | 'conflict' | 'concerned' | 'already_assigned';

export function investigatorCheck(
  complaint: Pick<Complaint, 'staffConcerned' | 'investigators'>,
  investigatorId: string,
  organisation: Organisation,
  relationships: Relationships,
): { verdict: InvestigatorVerdict; conflicts: InvestigatorConflict[] } {
  if (complaint.staffConcerned.includes(investigatorId)) return { verdict: 'concerned', conflicts: [] };
  if (Object.hasOwn(complaint.investigators, investigatorId)) return { verdict: 'already_assigned', conflicts: [] };
  const conflicts = conflictsOfInterest(investigatorId, complaint.staffConcerned, organisation, relationships);
  return { verdict: conflicts.length > 0 ? 'conflict' : 'eligible', conflicts };
}

/** Whether the actor may assign an investigator to the complaint: the korpschef, or the authority that ordered the investigation. */
export function mayAssignInvestigator(complaint: Pick<Complaint, 'triage'>, actor: Actor): boolean {
  return actor.authority === KORPSCHEF || (actor.authority !== undefined && actor.authority === complaint.triage?.orderedAs);
}

export function conflictsOfInterest(
  investigatorId: string,
  staffConcerned: readonly string[],
  organisation: Organisation,
  relationships: Relationships,
): InvestigatorConflict[] {
  const investigator = organisation[investigatorId];
  const conflicts: InvestigatorConflict[] = [];
  for (const staffId of staffConcerned) {
    const concerned = organisation[staffId];
    if (investigator && concerned) {
      for (const team of investigator.teams.filter((t) => concerned.teams.includes(t)))
        conflicts.push({ kind: 'same_team', staffId, team });
      if (investigator.unit === concerned.unit) conflicts.push({ kind: 'same_unit', staffId, unit: concerned.unit });
    }
    if (relationships.some(([a, b]) => (a === investigatorId && b === staffId) || (a === staffId && b === investigatorId))) {
      conflicts.push({ kind: 'relationship', staffId });
    }
  }
  return conflicts;
}
