import { AssignInvestigator, decideAssignInvestigator } from './complaint.decide';
import { ComplaintConflict, ComplaintForbidden, ConflictOfInterest, InvalidComplaintCommand } from './complaint.errors';
import { designatedInvestigators } from './complaint.state';
import {
  administrativeOrdered,
  assigned,
  at,
  CHIEF,
  CLERK,
  complaint,
  COMPLAINT_ID,
  disciplinaryOrdered,
  FORWARDED,
  MAYOR,
  MINISTER,
  OFFICER_A,
  OFFICER_B,
  ORGANISATION,
} from './complaint.fixtures.spec';

const assign = (data: Partial<AssignInvestigator['data']>, actor = CHIEF): AssignInvestigator => ({
  type: 'AssignInvestigator',
  data: { investigatorId: 'staff-bit-07', designated: false, organisation: ORGANISATION, relationships: [], ...data },
  metadata: at(actor, '2025-04-05T09:00:00.000Z'),
});

const TRIAGED = [...FORWARDED, administrativeOrdered];

describe('assigning an investigator', () => {
  it('assigns a BIT investigator with no conflict', () => {
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({})))
      .then([assigned()]);
  });

  it('lets the authority that ordered a disciplinary investigation designate an ad hoc investigator, exposed for per-file access', () => {
    const event = {
      type: 'InvestigatorAssigned' as const,
      data: {
        complaintId: COMPLAINT_ID,
        investigatorId: 'staff-int-99',
        designated: true,
        conflicts: [],
        assignedBy: 'ext-burgemeester',
        assignedAt: '2025-04-05T09:00:00.000Z',
      },
    };
    complaint
      .given(...FORWARDED, disciplinaryOrdered)
      .when((s) => decideAssignInvestigator(s, assign({ investigatorId: 'staff-int-99', designated: true }, MAYOR)))
      .then([event]);
    const state = complaint.fold([...FORWARDED, disciplinaryOrdered, event, assigned('staff-bit-08')]);
    expect(designatedInvestigators(state)).toEqual(['staff-int-99']);
  });

  it('refuses an authority that did not order the investigation', () => {
    complaint
      .given(...FORWARDED, disciplinaryOrdered)
      .when((s) => decideAssignInvestigator(s, assign({}, MINISTER)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_ordering_authority', status: 403 });
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({}, CLERK)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_an_ordering_authority', status: 403 });
  });

  it('never lets a staff member concerned investigate, even with an override', () => {
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({ investigatorId: OFFICER_A, override: { reason: 'Geen andere onderzoeker' } })))
      .thenThrows({ type: ComplaintConflict, code: 'investigator_concerned', status: 409 });
  });

  it('refuses an investigator of the same team and unit as a staff member concerned, and says which', () => {
    let thrown: unknown;
    try {
      decideAssignInvestigator(complaint.fold(TRIAGED), assign({ investigatorId: 'staff-wijk-21' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConflictOfInterest);
    expect((thrown as ConflictOfInterest).conflicts).toEqual([{ kind: 'same_team', staffId: OFFICER_B, team: 'fietsbrigade' }]);
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({ investigatorId: 'staff-int-30' })))
      .thenThrows({
        type: ConflictOfInterest,
        code: 'conflict_of_interest',
        status: 409,
        message: /same unit with staff-4711; same unit with staff-4712/,
      });
  });

  it('refuses an investigator with a recorded relationship, in either order of the pair', () => {
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({ relationships: [[OFFICER_B, 'staff-bit-07']] })))
      .thenThrows({ type: ConflictOfInterest, code: 'conflict_of_interest', status: 409, message: /relationship with staff-4712/ });
  });

  it("records the chief's override with the reason and every conflict it overrode", () => {
    complaint
      .given(...TRIAGED)
      .when((s) =>
        decideAssignInvestigator(
          s,
          assign({
            investigatorId: 'staff-wijk-21',
            relationships: [['staff-wijk-21', OFFICER_A]],
            override: { reason: 'Enige fietsbrigadier met FTO-opleiding; geen contact sinds 2023' },
          }),
        ),
      )
      .then([
        {
          type: 'InvestigatorAssigned',
          data: {
            complaintId: COMPLAINT_ID,
            investigatorId: 'staff-wijk-21',
            designated: false,
            conflicts: [
              { kind: 'relationship', staffId: OFFICER_A },
              { kind: 'same_team', staffId: OFFICER_B, team: 'fietsbrigade' },
            ],
            override: { decidedBy: 'staff-0001', reason: 'Enige fietsbrigadier met FTO-opleiding; geen contact sinds 2023' },
            assignedBy: 'staff-0001',
            assignedAt: '2025-04-05T09:00:00.000Z',
          },
        },
      ]);
  });

  it('lets only the chief override', () => {
    complaint
      .given(...FORWARDED, disciplinaryOrdered)
      .when((s) => decideAssignInvestigator(s, assign({ investigatorId: 'staff-int-30', override: { reason: 'r' } }, MAYOR)))
      .thenThrows({ type: ComplaintForbidden, code: 'not_the_chief', status: 403 });
  });

  it('needs a reason for an override, and a conflict to override', () => {
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({ investigatorId: 'staff-int-30', override: { reason: ' ' } })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'required', status: 422, field: 'override.reason' });
    complaint
      .given(...TRIAGED)
      .when((s) => decideAssignInvestigator(s, assign({ override: { reason: 'Voor de zekerheid' } })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'override_without_conflict', status: 422, field: 'override' });
  });

  it('refuses before triage and refuses the same investigator twice', () => {
    complaint
      .given(...FORWARDED)
      .when((s) => decideAssignInvestigator(s, assign({})))
      .thenThrows({ type: ComplaintConflict, code: 'not_triaged', status: 409 });
    complaint
      .given(...TRIAGED, assigned())
      .when((s) => decideAssignInvestigator(s, assign({})))
      .thenThrows({ type: ComplaintConflict, code: 'investigator_already_assigned', status: 409 });
  });
});
