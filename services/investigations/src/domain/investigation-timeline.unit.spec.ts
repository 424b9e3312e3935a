import { timeline } from './investigation-timeline.read-model';
import { InvestigationEvent } from './investigation.events';
import {
  DETECTIVE,
  GAK,
  judgeSeized,
  opened,
  recorded,
  SUSPECT_ID,
  SUSPECT_LINK,
  suspectLinked,
  WARRANT,
} from './investigation.fixtures.spec';

describe('timeline', () => {
  it('lists every event in order with actor, time and a one-line summary', () => {
    const events: InvestigationEvent[] = [
      opened,
      judgeSeized,
      suspectLinked,
      {
        type: 'HearingConducted',
        data: {
          ...recorded(DETECTIVE, '2025-03-21T09:00:00.000Z'),
          actionId: 'act-1',
          performedBy: [DETECTIVE.staffId],
          startedAt: '2025-03-21T05:00:00.000Z',
          endedAt: '2025-03-21T07:30:00.000Z',
          partyLinkId: SUSPECT_LINK,
          personId: SUSPECT_ID,
          role: 'suspect',
          deferredSalduz: true,
          minor: true,
          legalAssistance: { kind: 'present', lawyer: 'Mr. De Wilde' },
        },
      },
      {
        type: 'HouseSearchConducted',
        data: {
          ...recorded(DETECTIVE, '2025-03-22T09:00:00.000Z'),
          actionId: 'act-2',
          performedBy: [DETECTIVE.staffId],
          startedAt: '2025-03-22T05:00:00.000Z',
          authorisation: WARRANT,
          address: 'Sleepstraat 44',
          findings: 'Laptop',
        },
      },
      {
        type: 'InvestigationClosed',
        data: { ...recorded(GAK, '2025-09-30T15:00:00.000Z'), outcome: 'no_further_action', reason: 'Geen verdere aanwijzingen' },
      },
    ];
    expect(timeline(events)).toStrictEqual([
      {
        position: 1,
        type: 'InvestigationOpened',
        at: '2025-03-15T13:00:00.000Z',
        actor: GAK.staffId,
        summary:
          'opsporingsonderzoek opened (report) for woninginbraak, assigned to Team Diefstallen, directed by procureur des konings GE.20.L1.004512/25',
      },
      {
        position: 2,
        type: 'DirectingAuthorityRecorded',
        at: '2025-03-20T09:00:00.000Z',
        actor: GAK.staffId,
        summary: 'Directing authority: onderzoeksrechter OR-GE-2025/118 (gerechtelijk_onderzoek)',
      },
      {
        position: 3,
        type: 'PartyLinked',
        at: '2025-03-16T08:00:00.000Z',
        actor: DETECTIVE.staffId,
        summary: 'K. Janssens linked as suspect',
      },
      {
        position: 4,
        type: 'HearingConducted',
        at: '2025-03-21T09:00:00.000Z',
        actor: DETECTIVE.staffId,
        summary: `Deferred Salduz hearing of suspect ${SUSPECT_ID} (minor), lawyer Mr. De Wilde present`,
      },
      {
        position: 5,
        type: 'HouseSearchConducted',
        at: '2025-03-22T09:00:00.000Z',
        actor: DETECTIVE.staffId,
        summary: 'House search at Sleepstraat 44 on authorisation of the onderzoeksrechter HZB-2025/0042',
      },
      {
        position: 6,
        type: 'InvestigationClosed',
        at: '2025-09-30T15:00:00.000Z',
        actor: GAK.staffId,
        summary: 'Closed: no further action',
      },
    ]);
  });

  it('flags evidence and lab results that arrived after closure', () => {
    const item = {
      itemId: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b',
      labelNumber: 'EV-2025-000001',
      category: 'trace',
      description: 'Wattenstaafje',
      seizedAt: '2025-09-29T08:00:00.000Z',
      registeredAt: '2025-10-01T08:00:00.000Z',
      custodian: 'staff-3141',
    };
    const lab = {
      itemId: item.itemId,
      laboratory: 'FPL',
      labReference: 'L-1',
      analysis: 'dna',
      conclusion: 'hit',
      receivedAt: '2025-10-02T08:00:00.000Z',
    };
    expect(
      timeline([
        { type: 'EvidenceLinked', data: { ...recorded(GAK, '2025-10-01T09:00:00.000Z'), ...item } },
        { type: 'EvidenceLinked', data: { ...recorded(GAK, '2025-10-01T09:00:00.000Z'), ...item, afterClosure: true } },
        { type: 'LabResultLinked', data: { ...recorded(GAK, '2025-10-02T09:00:00.000Z'), ...lab, afterClosure: true } },
      ]).map((e) => e.summary),
    ).toStrictEqual([
      'Evidence EV-2025-000001 (trace) linked',
      'Evidence EV-2025-000001 (trace) linked (arrived after closure)',
      'Lab result L-1 from FPL: dna, hit (arrived after closure)',
    ]);
  });

  it('is empty for no events', () => {
    expect(timeline([])).toStrictEqual([]);
  });
});
