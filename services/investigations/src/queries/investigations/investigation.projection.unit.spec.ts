import { InvestigationEvent } from '../../domain/investigation.events';
import { DETECTIVE, GAK, INVESTIGATION_ID, ITEM_ID, opened, PV_NUMBER, recorded, REPORT_ID, SUSPECT_ID, SUSPECT_LINK, suspectLinked } from '../../domain/investigation.fixtures.spec';
import { caseFile } from './case-file.view';
import { investigationRow, partyLinkRow } from './investigation.projection';
import { InvestigationRow, PartyLinkRow } from './investigation.read-model';

const JOINED_REPORT = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const lead: InvestigationEvent = { type: 'LeadInvestigatorAssigned', data: { ...recorded(GAK, '2025-03-16T08:00:00.000Z'), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' } };
const joined: InvestigationEvent = { type: 'ReportJoined', data: { ...recorded(DETECTIVE, '2025-03-17T08:00:00.000Z'), reportId: JOINED_REPORT, pvNumber: 'GE.55.L5.000111/2025', reason: 'Zelfde straat' } };
const closed: InvestigationEvent = { type: 'InvestigationClosed', data: { ...recorded(DETECTIVE, '2025-09-30T15:00:00.000Z'), outcome: 'no_further_action', reason: 'Geen spoor' } };
const evidence: InvestigationEvent = {
  type: 'EvidenceLinked',
  data: { ...recorded({ staffId: 'system:investigations-consumer' }, '2025-10-01T08:00:00.000Z'), itemId: ITEM_ID, labelNumber: 'EV-1', category: 'trace', description: 'Wattenstaafje', seizedAt: '2025-09-29T08:00:00.000Z', registeredAt: '2025-10-01T07:00:00.000Z', custodian: 'staff-3141', afterClosure: true },
};

function fold<R>(events: InvestigationEvent[], step: (row: R | null, e: InvestigationEvent, v: number) => R | null): R | null {
  return events.reduce<R | null>((row, e, i) => step(row, e, i), null);
}

describe('investigations read model', () => {
  it('keeps what lists and access need: team without "Team ", lead and members, reports and PV numbers, status and version', () => {
    const row = fold<InvestigationRow>([opened, lead, joined, closed, evidence], investigationRow);
    const { state, ...columns } = row!;
    expect(columns).toStrictEqual({
      id: INVESTIGATION_ID,
      title: 'Inbraak Voorbeeldstraat 12',
      kind: 'opsporingsonderzoek',
      status: 'closed',
      phenomenon: 'woninginbraak',
      team: 'Diefstallen',
      originKind: 'report',
      leadInvestigator: DETECTIVE.staffId,
      members: [],
      reportIds: [REPORT_ID, JOINED_REPORT],
      pvNumbers: [PV_NUMBER, 'GE.55.L5.000111/2025'],
      openedAt: new Date(opened.data.recordedAt),
      closedAt: new Date('2025-09-30T15:00:00.000Z'),
      version: 4,
    });
    expect(state.status === 'closed' && state.evidenceItems).toStrictEqual([ITEM_ID]);
  });

  it('has no row for events of an investigation never opened', () => {
    expect(investigationRow(null, joined, 0)).toBeNull();
  });

  it('indexes party links by investigation and link, following identification, tracing and unlinking', () => {
    const events: InvestigationEvent[] = [
      suspectLinked,
      { type: 'PersonIdentified', data: { ...recorded(DETECTIVE, '2025-03-18T08:00:00.000Z'), partyLinkId: SUSPECT_LINK, personId: 'RRN-1', how: 'AFIS' } },
      { type: 'PersonTraced', data: { ...recorded(DETECTIVE, '2025-03-19T08:00:00.000Z'), partyLinkId: SUSPECT_LINK, personId: 'RRN-1', tracedAt: '2025-03-19T07:00:00.000Z', place: 'Gent' } },
      { type: 'PartyUnlinked', data: { ...recorded(DETECTIVE, '2025-03-20T08:00:00.000Z'), partyLinkId: SUSPECT_LINK, personId: 'RRN-1', role: 'suspect', reason: 'Alibi' } },
    ];
    expect(fold<PartyLinkRow>(events, (row, e) => partyLinkRow(row, e))).toStrictEqual({
      id: `${INVESTIGATION_ID}/${SUSPECT_LINK}`,
      investigationId: INVESTIGATION_ID,
      partyLinkId: SUSPECT_LINK,
      personId: 'RRN-1',
      displayName: 'K. Janssens',
      role: 'suspect',
      identified: true,
      traced: true,
      linked: false,
      linkedAt: new Date(suspectLinked.data.recordedAt),
    });
    expect(partyLinkRow(null, events[0])?.personId).toBe(SUSPECT_ID);
  });
});

describe('case file view', () => {
  it('shows the referred report, joined reports, evidence flagged after closure, and the closure', () => {
    const file = caseFile([opened, lead, joined, closed, evidence])!;
    expect(file.reports).toStrictEqual([
      { reportId: REPORT_ID, pvNumber: PV_NUMBER, via: 'origin', at: opened.data.recordedAt, by: GAK.staffId },
      { reportId: JOINED_REPORT, pvNumber: 'GE.55.L5.000111/2025', via: 'joined', reason: 'Zelfde straat', at: '2025-03-17T08:00:00.000Z', by: DETECTIVE.staffId },
    ]);
    expect(file.evidence).toStrictEqual([
      { itemId: ITEM_ID, labelNumber: 'EV-1', category: 'trace', description: 'Wattenstaafje', seizedAt: '2025-09-29T08:00:00.000Z', registeredAt: '2025-10-01T07:00:00.000Z', custodian: 'staff-3141', linkedAt: '2025-10-01T08:00:00.000Z', afterClosure: true },
    ]);
    expect(file.closure).toStrictEqual({ outcome: 'no_further_action', reason: 'Geen spoor', closedBy: DETECTIVE.staffId, closedAt: '2025-09-30T15:00:00.000Z' });
    expect(file).toMatchObject({ status: 'closed', team: 'Team Diefstallen', leadInvestigator: DETECTIVE.staffId, openedBy: GAK.staffId });
    expect(caseFile([])).toBeNull();
  });
});
