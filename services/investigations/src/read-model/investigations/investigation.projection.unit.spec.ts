import type { RecordedEvent } from '@police/event-store';
import { accessAttributes } from '@police/platform';
import { InvestigationEvent } from '../../domain/investigation.events';
import { evolveInvestigation, initialInvestigationState } from '../../domain/investigation.state';
import {
  DETECTIVE,
  GAK,
  INVESTIGATION_ID,
  ITEM_ID,
  opened,
  PV_NUMBER,
  recorded,
  REPORT_ID,
  SUSPECT_ID,
  SUSPECT_LINK,
  suspectLinked,
} from '../../domain/investigation.fixtures.spec';
import { caseFile, otherInvestigationsNamed, servedTimeline, withoutHidden } from './case-file.view';
import { investigationListProjection } from './investigation-list.projection';
import { investigationRow, partyLinkRow } from './investigation.projection';
import { InvestigationRow, PartyLinkRow } from './investigation.read-model';

const JOINED_REPORT = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const lead: InvestigationEvent = {
  type: 'LeadInvestigatorAssigned',
  data: { ...recorded(GAK, '2025-03-16T08:00:00.000Z'), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
};
const joined: InvestigationEvent = {
  type: 'ReportJoined',
  data: {
    ...recorded(DETECTIVE, '2025-03-17T08:00:00.000Z'),
    reportId: JOINED_REPORT,
    pvNumber: 'GE.55.L5.000111/2025',
    reason: 'Zelfde straat',
  },
};
const closed: InvestigationEvent = {
  type: 'InvestigationClosed',
  data: { ...recorded(DETECTIVE, '2025-09-30T15:00:00.000Z'), outcome: 'no_further_action', reason: 'Geen spoor' },
};
const evidence: InvestigationEvent = {
  type: 'EvidenceLinked',
  data: {
    ...recorded({ staffId: 'system:investigations-consumer' }, '2025-10-01T08:00:00.000Z'),
    itemId: ITEM_ID,
    labelNumber: 'EV-1',
    category: 'trace',
    description: 'Wattenstaafje',
    seizedAt: '2025-09-29T08:00:00.000Z',
    registeredAt: '2025-10-01T07:00:00.000Z',
    custodian: 'staff-3141',
    afterClosure: true,
  },
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
      // The row alone: who may see it is filled by the list's projection (next test).
      ...accessAttributes(null),
    });
    expect(state.status === 'closed' && state.evidenceItems).toStrictEqual([ITEM_ID]);
  });

  it('stores beside the list row who may see it, after every event (ADR 0061): team, assignees, restricted team', () => {
    const recordedEvent = (e: InvestigationEvent, v: number) =>
      ({ type: e.type, data: e.data, streamVersion: v }) as unknown as RecordedEvent;
    const list = investigationListProjection({ restrictedTeams: ['Zeden'] });
    const afterOpening = list.evolve(null, recordedEvent(opened, 0))!;
    expect(afterOpening).toMatchObject({ accessType: 'investigation', accessTeams: ['Diefstallen'], accessRestricted: false });
    const row = [lead, joined].reduce<InvestigationRow | null>((r, e, i) => list.evolve(r, recordedEvent(e, i + 1)), afterOpening)!;
    expect(row.accessAssignees).toContain(DETECTIVE.staffId);
    const zeden = investigationListProjection({ restrictedTeams: ['Diefstallen'] }).evolve(null, recordedEvent(opened, 0))!;
    expect(zeden.accessRestricted).toBe(true);
  });

  it('has no row for events of an investigation never opened', () => {
    expect(investigationRow(null, joined, 0)).toBeNull();
  });

  it('indexes party links by investigation and link, following identification, tracing and unlinking', () => {
    const events: InvestigationEvent[] = [
      suspectLinked,
      {
        type: 'PersonIdentified',
        data: { ...recorded(DETECTIVE, '2025-03-18T08:00:00.000Z'), partyLinkId: SUSPECT_LINK, personId: 'RRN-1', how: 'AFIS' },
      },
      {
        type: 'PersonTraced',
        data: {
          ...recorded(DETECTIVE, '2025-03-19T08:00:00.000Z'),
          partyLinkId: SUSPECT_LINK,
          personId: 'RRN-1',
          tracedAt: '2025-03-19T07:00:00.000Z',
          place: 'Gent',
        },
      },
      {
        type: 'PartyUnlinked',
        data: {
          ...recorded(DETECTIVE, '2025-03-20T08:00:00.000Z'),
          partyLinkId: SUSPECT_LINK,
          personId: 'RRN-1',
          role: 'suspect',
          reason: 'Alibi',
        },
      },
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
      {
        reportId: JOINED_REPORT,
        pvNumber: 'GE.55.L5.000111/2025',
        via: 'joined',
        reason: 'Zelfde straat',
        at: '2025-03-17T08:00:00.000Z',
        by: DETECTIVE.staffId,
      },
    ]);
    expect(file.evidence).toStrictEqual([
      {
        itemId: ITEM_ID,
        labelNumber: 'EV-1',
        category: 'trace',
        description: 'Wattenstaafje',
        seizedAt: '2025-09-29T08:00:00.000Z',
        registeredAt: '2025-10-01T07:00:00.000Z',
        custodian: 'staff-3141',
        linkedAt: '2025-10-01T08:00:00.000Z',
        afterClosure: true,
      },
    ]);
    expect(file.closure).toStrictEqual({
      outcome: 'no_further_action',
      reason: 'Geen spoor',
      closedBy: DETECTIVE.staffId,
      closedAt: '2025-09-30T15:00:00.000Z',
    });
    expect(file).toMatchObject({ status: 'closed', team: 'Team Diefstallen', leadInvestigator: DETECTIVE.staffId, openedBy: GAK.staffId });
    expect(caseFile([])).toBeNull();
  });

  it('built on the state a load already folded, is the same file as folded from its events alone', () => {
    const events = [opened, lead, joined, closed, evidence];
    const state = events.reduce(evolveInvestigation, initialInvestigationState());
    expect(caseFile(events, state)).toStrictEqual(caseFile(events));
  });

  it('leaves out the other investigations the reader may not know of: series links, a merger target, and their timeline data', () => {
    const HIDDEN = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
    const SEEN = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const events: InvestigationEvent[] = [
      opened,
      {
        type: 'SeriesLinkAdded',
        data: {
          ...recorded(DETECTIVE, '2025-03-20T08:00:00.000Z'),
          otherInvestigationId: HIDDEN,
          reason: 'Zelfde dader als het zedendossier',
        },
      },
      {
        type: 'SeriesLinkAdded',
        data: { ...recorded(DETECTIVE, '2025-03-21T08:00:00.000Z'), otherInvestigationId: SEEN, reason: 'Zelfde straat' },
      },
      {
        type: 'InvestigationClosed',
        data: {
          ...recorded(DETECTIVE, '2025-09-30T15:00:00.000Z'),
          outcome: 'merged_into_other_investigation',
          reason: 'Samengevoegd',
          mergedInto: HIDDEN,
        },
      },
    ];
    expect(otherInvestigationsNamed(events)).toStrictEqual([HIDDEN, SEEN]);
    const hidden = new Set([HIDDEN]);
    const file = withoutHidden(caseFile(events)!, hidden);
    expect(file.seriesLinks).toStrictEqual([
      { otherInvestigationId: SEEN, reason: 'Zelfde straat', linkedBy: DETECTIVE.staffId, linkedAt: '2025-03-21T08:00:00.000Z' },
    ]);
    expect(file.closure).toStrictEqual({
      outcome: 'merged_into_other_investigation',
      reason: 'Samengevoegd',
      closedBy: DETECTIVE.staffId,
      closedAt: '2025-09-30T15:00:00.000Z',
    });
    expect(JSON.stringify(file)).not.toContain(HIDDEN);
    const entries = servedTimeline(events, hidden);
    expect(entries.map((e) => [e.position, e.type, e.actor])).toStrictEqual([
      [1, 'InvestigationOpened', GAK.staffId],
      [2, 'SeriesLinkAdded', DETECTIVE.staffId],
      [3, 'SeriesLinkAdded', DETECTIVE.staffId],
      [4, 'InvestigationClosed', DETECTIVE.staffId],
    ]);
    expect(entries[1]).toMatchObject({ summary: 'Linked in a series with an investigation you may not know of', data: {} });
    expect(entries[2].data).toStrictEqual({ otherInvestigationId: SEEN, reason: 'Zelfde straat' });
    expect(JSON.stringify(entries)).not.toContain(HIDDEN);
    expect(JSON.stringify(servedTimeline(events))).toContain(HIDDEN);
    expect(withoutHidden(caseFile(events)!, new Set()).closure?.mergedInto).toBe(HIDDEN);
  });
});
