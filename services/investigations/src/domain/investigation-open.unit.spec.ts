import { GENT_ROUTING } from '../investigations.config';
import {
  decideAssignInvestigationToTeam,
  decideAssignLeadInvestigator,
  decideAddTeamMember,
  decideOpenInvestigation,
  decideOpenWithReportParties,
  decideRecordDirectingAuthority,
  decideRemoveTeamMember,
} from './investigation.decide';
import { InvalidInvestigationCommand, InvestigationConflict } from './investigation.errors';
import { investigationStream } from './investigation.stream';
import { assignees, isRestricted, teamOf } from './investigation.state';
import {
  at,
  COLLEAGUE,
  DETECTIVE,
  GAK,
  investigation,
  INVESTIGATION_ID,
  JUDGE,
  judgeSeized,
  OPENED_AT,
  openCommand,
  opened,
  openedWithoutAuthority,
  PARKET,
  recorded,
  REPORT,
} from './investigation.fixtures.spec';

const LATER = '2025-03-18T10:00:00.000Z';

describe('opening an investigation', () => {
  it('is one stream per investigation', () => {
    expect(investigationStream(INVESTIGATION_ID)).toBe('investigation-c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b');
  });

  it('from a referred report: keeps the report essentials and routes the phenomenon to its team', () => {
    investigation
      .given()
      .when((s) => decideOpenInvestigation(s, openCommand()))
      .then([opened]);
  });

  it("from a referred report, links the report's parties so nobody retypes them (the complainant as other, an unknown suspect unidentified)", () => {
    const party = (partyId: string, displayName: string, role: 'other' | 'suspect', identified: boolean) => ({
      type: 'PartyLinked' as const,
      data: { ...recorded(GAK, OPENED_AT), partyLinkId: partyId, personId: partyId, displayName, role, identified, traced: false },
    });
    investigation
      .given()
      .when((s) => decideOpenWithReportParties(s, openCommand()))
      .then([
        opened,
        party(REPORT.parties[0].partyId, 'A. Peeters', 'other', true),
        party(REPORT.parties[1].partyId, 'onbekende dader', 'suspect', false),
      ]);
    investigation
      .given()
      .when((s) => decideOpenWithReportParties(s, openCommand({ origin: { kind: 'eigen_initiatief' } })))
      .then([{ ...opened, data: { ...opened.data, origin: { kind: 'eigen_initiatief' } } }]);
  });

  it('from a referred report that lists a person once per role: each case role once, "other" only when there is no other role', () => {
    const PEETERS = REPORT.parties[0].partyId;
    const CLAES = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
    const report = {
      ...REPORT,
      parties: [
        { partyId: PEETERS, role: 'aangever' as const, displayName: 'A. Peeters' },
        { partyId: PEETERS, role: 'slachtoffer' as const, displayName: 'A. Peeters' },
        { partyId: CLAES, role: 'slachtoffer' as const, displayName: 'K. Claes' },
        { partyId: CLAES, role: 'verdachte' as const, displayName: 'K. Claes' },
        { partyId: CLAES, role: 'benadeelde' as const, displayName: 'K. Claes' },
      ],
    };
    const link = (partyLinkId: string, personId: string, displayName: string, role: 'victim' | 'suspect', identified: boolean) => ({
      type: 'PartyLinked' as const,
      data: { ...recorded(GAK, OPENED_AT), partyLinkId, personId, displayName, role, identified, traced: false },
    });
    const origin = { kind: 'report' as const, report };
    investigation
      .given()
      .when((s) => decideOpenWithReportParties(s, openCommand({ origin })))
      .then([
        { ...opened, data: { ...opened.data, origin } },
        link(PEETERS, PEETERS, 'A. Peeters', 'victim', true),
        link(CLAES, CLAES, 'K. Claes', 'victim', true),
        link(`${CLAES}:suspect`, CLAES, 'K. Claes', 'suspect', false),
      ]);
  });

  it('from a kantschrift of the parket, routed by the zone configuration passed in', () => {
    const routing = { routes: { drugs: 'team drugs' }, restrictedTeams: [] };
    investigation
      .given()
      .when((s) =>
        decideOpenInvestigation(
          s,
          openCommand({
            origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2025-7781' },
            phenomenon: 'drugs',
            title: 'Kantschrift drugs',
            routing,
          }),
        ),
      )
      .then([
        {
          type: 'InvestigationOpened',
          data: {
            ...recorded(GAK, OPENED_AT),
            kind: 'opsporingsonderzoek',
            origin: { kind: 'parket', instruction: 'kantschrift', reference: 'KS-2025-7781' },
            directingAuthority: PARKET,
            phenomenon: 'drugs',
            title: 'Kantschrift drugs',
            team: 'team drugs',
            routedBy: 'configuration',
          },
        },
      ]);
  });

  it('from an investigating judge as a gerechtelijk onderzoek, with a team named by hand', () => {
    investigation
      .given()
      .when((s) =>
        decideOpenInvestigation(
          s,
          openCommand({
            kind: 'gerechtelijk_onderzoek',
            origin: { kind: 'onderzoeksrechter', instruction: 'opdracht', reference: 'OR-GE-2025/118' },
            directingAuthority: JUDGE,
            team: 'Team Geweld',
          }),
        ),
      )
      .then([
        {
          type: 'InvestigationOpened',
          data: {
            ...recorded(GAK, OPENED_AT),
            kind: 'gerechtelijk_onderzoek',
            origin: { kind: 'onderzoeksrechter', instruction: 'opdracht', reference: 'OR-GE-2025/118' },
            directingAuthority: JUDGE,
            phenomenon: 'woninginbraak',
            title: 'Inbraak Voorbeeldstraat 12',
            team: 'Team Geweld',
            routedBy: 'manual',
          },
        },
      ]);
  });

  it('on own initiative, without a directing authority yet', () => {
    investigation
      .given()
      .when((s) =>
        decideOpenInvestigation(
          s,
          openCommand(
            { origin: { kind: 'eigen_initiatief' }, directingAuthority: undefined, phenomenon: 'drugs', title: 'Dealpand Sleepstraat' },
            at(DETECTIVE, OPENED_AT),
          ),
        ),
      )
      .then([openedWithoutAuthority]);
  });

  it('from another police service', () => {
    const [event] = decideOpenInvestigation(
      { status: 'unopened' },
      openCommand({ origin: { kind: 'andere_politiedienst', service: 'FGP Oost-Vlaanderen', reference: 'FGP-25-301' } }),
    );
    expect(event.data.origin).toStrictEqual({ kind: 'andere_politiedienst', service: 'FGP Oost-Vlaanderen', reference: 'FGP-25-301' });
  });

  it('refuses a phenomenon the zone does not route, unless the team is named', () => {
    investigation
      .given()
      .when((s) => decideOpenInvestigation(s, openCommand({ phenomenon: 'wildlife_crime' })))
      .thenThrows({ code: 'no_route_for_phenomenon', status: 422, field: 'phenomenon', type: InvalidInvestigationCommand });
  });

  it('refuses a gerechtelijk onderzoek directed by the procureur', () => {
    investigation
      .given()
      .when((s) => decideOpenInvestigation(s, openCommand({ kind: 'gerechtelijk_onderzoek' })))
      .thenThrows({ code: 'authority_does_not_match_kind', status: 422, field: 'directingAuthority.authority' });
  });

  it('refuses a parket origin without its reference', () => {
    investigation
      .given()
      .when((s) => decideOpenInvestigation(s, openCommand({ origin: { kind: 'parket', instruction: 'kantschrift', reference: ' ' } })))
      .thenThrows({ code: 'required', status: 422, field: 'origin.reference' });
  });

  it('refuses a report origin with a malformed report id', () => {
    investigation
      .given()
      .when((s) => decideOpenInvestigation(s, openCommand({ origin: { kind: 'report', report: { ...REPORT, reportId: 'r-1' } } })))
      .thenThrows({ code: 'invalid_id', status: 422, field: 'origin.report.reportId' });
  });

  it('opens once', () => {
    investigation
      .given(opened)
      .when((s) => decideOpenInvestigation(s, openCommand()))
      .thenThrows({ code: 'investigation_already_opened', status: 409, type: InvestigationConflict });
  });
});

describe('the directing authority', () => {
  it('is recorded when an onderzoeksrechter is seized, naming the one before', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideRecordDirectingAuthority(s, {
          type: 'RecordDirectingAuthority',
          data: { directingAuthority: JUDGE, kind: 'gerechtelijk_onderzoek' },
          metadata: at(GAK, '2025-03-20T09:00:00Z'),
        }),
      )
      .then([judgeSeized]);
  });
});

describe('routing and assignment', () => {
  it('reassigns to another team by hand; the first team stays in the history', () => {
    const reassigned = {
      type: 'InvestigationAssignedToTeam' as const,
      data: {
        ...recorded(GAK, LATER),
        team: 'Team Jongerencriminaliteit',
        previousTeam: 'Team Diefstallen',
        routedBy: 'manual' as const,
        reason: 'Verdachten zijn minderjarig',
      },
    };
    const lead = {
      type: 'LeadInvestigatorAssigned' as const,
      data: { ...recorded(GAK, LATER), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
    };
    investigation
      .given(opened, lead)
      .when((s) =>
        decideAssignInvestigationToTeam(s, {
          type: 'AssignInvestigationToTeam',
          data: { team: 'Team Jongerencriminaliteit', routing: GENT_ROUTING, reason: 'Verdachten zijn minderjarig' },
          metadata: at(GAK, LATER),
        }),
      )
      .then([{ ...reassigned, data: { ...reassigned.data, leadInvestigator: DETECTIVE.staffId } }]);
    investigation
      .given(opened)
      .when((s) =>
        decideAssignInvestigationToTeam(s, {
          type: 'AssignInvestigationToTeam',
          data: { team: 'Team Jongerencriminaliteit', routing: GENT_ROUTING, reason: 'Verdachten zijn minderjarig' },
          metadata: at(GAK, LATER),
        }),
      )
      .then([reassigned]);
    const state = investigation.fold([opened, reassigned]);
    expect(teamOf(state)).toBe('Team Jongerencriminaliteit');
    expect(state.status === 'open' && state.teamHistory).toStrictEqual([
      { team: 'Team Diefstallen', since: OPENED_AT, assignedBy: GAK.staffId, routedBy: 'configuration' },
      { team: 'Team Jongerencriminaliteit', since: LATER, assignedBy: GAK.staffId, routedBy: 'manual' },
    ]);
  });

  it('reroutes by a new zone configuration', () => {
    const routing = { routes: { woninginbraak: 'team eigendommen' }, restrictedTeams: [] };
    investigation
      .given(opened)
      .when((s) =>
        decideAssignInvestigationToTeam(s, {
          type: 'AssignInvestigationToTeam',
          data: { routing, reason: 'Zonefusie' },
          metadata: at(GAK, LATER),
        }),
      )
      .then([
        {
          type: 'InvestigationAssignedToTeam',
          data: {
            ...recorded(GAK, LATER),
            team: 'team eigendommen',
            previousTeam: 'Team Diefstallen',
            routedBy: 'configuration',
            reason: 'Zonefusie',
          },
        },
      ]);
  });

  it('refuses a reassignment to the team that already holds it', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideAssignInvestigationToTeam(s, {
          type: 'AssignInvestigationToTeam',
          data: { routing: GENT_ROUTING, reason: 'Herroutering' },
          metadata: at(GAK, LATER),
        }),
      )
      .thenThrows({ code: 'same_team', status: 409 });
  });

  it('names a lead investigator, then replaces them with a reason; both stay in the history', () => {
    const first = {
      type: 'LeadInvestigatorAssigned' as const,
      data: { ...recorded(GAK, LATER), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
    };
    investigation
      .given(opened)
      .when((s) =>
        decideAssignLeadInvestigator(s, { type: 'AssignLeadInvestigator', data: { staffId: DETECTIVE.staffId }, metadata: at(GAK, LATER) }),
      )
      .then([first]);
    const second = {
      type: 'LeadInvestigatorAssigned' as const,
      data: {
        ...recorded(GAK, '2025-04-01T08:00:00.000Z'),
        leadInvestigator: COLLEAGUE.staffId,
        previousLeadInvestigator: DETECTIVE.staffId,
        reason: 'Langdurige afwezigheid',
        team: 'Team Diefstallen',
      },
    };
    investigation
      .given(opened, first)
      .when((s) =>
        decideAssignLeadInvestigator(s, {
          type: 'AssignLeadInvestigator',
          data: { staffId: COLLEAGUE.staffId, reason: 'Langdurige afwezigheid' },
          metadata: at(GAK, '2025-04-01T08:00:00Z'),
        }),
      )
      .then([second]);
    const state = investigation.fold([opened, first, second]);
    expect(state.status === 'open' && state.leadHistory.map((l) => l.staffId)).toStrictEqual([DETECTIVE.staffId, COLLEAGUE.staffId]);
  });

  it('refuses to replace a lead investigator without a reason', () => {
    investigation
      .given(opened, {
        type: 'LeadInvestigatorAssigned',
        data: { ...recorded(GAK, LATER), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
      })
      .when((s) =>
        decideAssignLeadInvestigator(s, { type: 'AssignLeadInvestigator', data: { staffId: COLLEAGUE.staffId }, metadata: at(GAK, LATER) }),
      )
      .thenThrows({ code: 'required', status: 422, field: 'reason' });
  });

  it('adds and removes members; assignees are the lead and the members, for need-to-know', () => {
    const lead = {
      type: 'LeadInvestigatorAssigned' as const,
      data: { ...recorded(GAK, LATER), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
    };
    const added = { type: 'TeamMemberAdded' as const, data: { ...recorded(DETECTIVE, LATER), staffId: COLLEAGUE.staffId } };
    investigation
      .given(opened, lead)
      .when((s) => decideAddTeamMember(s, { type: 'AddTeamMember', data: { staffId: COLLEAGUE.staffId }, metadata: at(DETECTIVE, LATER) }))
      .then([added]);
    expect(assignees(investigation.fold([opened, lead, added]))).toStrictEqual([DETECTIVE.staffId, COLLEAGUE.staffId]);
    const removed = {
      type: 'TeamMemberRemoved' as const,
      data: { ...recorded(DETECTIVE, LATER), staffId: COLLEAGUE.staffId, reason: 'Andere opdracht' },
    };
    investigation
      .given(opened, lead, added)
      .when((s) =>
        decideRemoveTeamMember(s, {
          type: 'RemoveTeamMember',
          data: { staffId: COLLEAGUE.staffId, reason: 'Andere opdracht' },
          metadata: at(DETECTIVE, LATER),
        }),
      )
      .then([removed]);
    expect(assignees(investigation.fold([opened, lead, added, removed]))).toStrictEqual([DETECTIVE.staffId]);
  });

  it('refuses to add the lead investigator as a member', () => {
    investigation
      .given(opened, {
        type: 'LeadInvestigatorAssigned',
        data: { ...recorded(GAK, LATER), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
      })
      .when((s) => decideAddTeamMember(s, { type: 'AddTeamMember', data: { staffId: DETECTIVE.staffId }, metadata: at(GAK, LATER) }))
      .thenThrows({ code: 'already_a_member', status: 409 });
  });

  it('is restricted when the holding team is restricted in the zone configuration', () => {
    expect(isRestricted(investigation.fold([opened]), GENT_ROUTING)).toBe(false);
    expect(isRestricted(investigation.fold([opened]), { routes: {}, restrictedTeams: ['Team Diefstallen'] })).toBe(true);
    const zeden = { ...opened, data: { ...opened.data, phenomenon: 'aanranding', team: 'Team Zeden' } };
    expect(isRestricted(investigation.fold([zeden]), GENT_ROUTING)).toBe(true);
    expect(teamOf(investigation.fold([]))).toBeNull();
  });
});
