import { Actor } from './evidence.decide';
import { decideItem, ItemCommand } from './item.decide';
import { ItemEvent } from './item.events';
import { evolveItem, initialItemState, isExpectedAt, isOverdue, ItemState } from './item.state';
import {
  at,
  COLLEAGUE,
  COLLEAGUE_PARTY,
  COURT_REGISTRY,
  DESK,
  DETECTIVE,
  DETECTIVE_PARTY,
  ITEM_ID,
  item,
  LAB,
  LAB_LIAISON,
  LOCKER_3,
  LOCKER_5,
  registerCommand,
  REPORT_SHA,
  SEAL,
  STORAGE_ROOM,
} from './item.fixtures.spec';

type Unsent<C> = C extends unknown ? Omit<C, 'metadata'> : never;
type Step = [Actor, string, Unsent<ItemCommand>];

/** Seven months in the life of a seized pistol, one command at a time. */
const history: Step[] = [
  [
    DETECTIVE,
    '2025-03-16T12:00:00Z',
    { type: 'OfferCustody', data: { handoverId: 'h-1', to: STORAGE_ROOM, purpose: 'storage', method: 'hand_delivery', sealIntact: true } },
  ],
  [
    DESK,
    '2025-03-16T12:10:00Z',
    {
      type: 'AcceptCustody',
      data: { handoverId: 'h-1', sealNumberFound: SEAL, sealIntact: true, condition: 'Koffer gesloten', place: 'APG, balie' },
    },
  ],
  [DESK, '2025-03-16T12:20:00Z', { type: 'CheckInItem', data: { location: LOCKER_3 } }],
  [
    DESK,
    '2025-03-18T09:00:00Z',
    { type: 'CheckOutItem', data: { purpose: 'examination', takenBy: 'staff-3141', expectedReturnAt: '2025-03-20T16:00:00Z' } },
  ],
  [DETECTIVE, '2025-03-20T15:30:00Z', { type: 'ReturnItem', data: { location: LOCKER_3 } }],
  [
    DESK,
    '2025-03-21T08:00:00Z',
    {
      type: 'SubmitToLab',
      data: {
        submissionId: 's-1',
        laboratory: LAB,
        analysis: 'fingerprints',
        request: 'Vingerafdrukken slede',
        method: 'courier',
        sealIntact: true,
      },
    },
  ],
  [
    LAB_LIAISON,
    '2025-03-21T10:00:00Z',
    {
      type: 'AcceptCustody',
      data: { handoverId: 's-1', sealNumberFound: SEAL, sealIntact: true, condition: 'Ongeschonden', place: 'LTWP, ontvangst' },
    },
  ],
  [
    LAB_LIAISON,
    '2025-03-25T14:00:00Z',
    { type: 'ResealItem', data: { sealNumber: 'LTWP-SEAL-5521', reason: 'Geopend voor sporenonderzoek' } },
  ],
  [
    LAB_LIAISON,
    '2025-04-01T08:00:00Z',
    { type: 'OfferCustody', data: { handoverId: 'h-2', to: STORAGE_ROOM, purpose: 'storage', method: 'courier', sealIntact: true } },
  ],
  // The courier's bag arrives with another seal than the lab recorded: accepted, and flagged.
  [
    DESK,
    '2025-04-01T11:00:00Z',
    {
      type: 'AcceptCustody',
      data: {
        handoverId: 'h-2',
        sealNumberFound: 'LTWP-SEAL-5512',
        sealIntact: true,
        condition: 'Zegelnummer wijkt af',
        place: 'APG, balie',
      },
    },
  ],
  [DESK, '2025-04-01T11:15:00Z', { type: 'CheckInItem', data: { location: LOCKER_5 } }],
  [
    LAB_LIAISON,
    '2025-04-10T11:45:00Z',
    {
      type: 'RecordLabResult',
      data: { submissionId: 's-1', labReference: 'LTWP-25-11873', conclusion: 'hit', summary: 'Eén hit in AFIS', reportSha256: REPORT_SHA },
    },
  ],
  [
    DESK,
    '2025-05-02T09:00:00Z',
    { type: 'CheckOutItem', data: { purpose: 'court', takenBy: 'staff-1414', expectedReturnAt: '2025-05-02T17:00:00Z' } },
  ],
  [COLLEAGUE, '2025-05-05T08:30:00Z', { type: 'ReturnItem', data: { location: LOCKER_5 } }],
  [
    DESK,
    '2025-06-01T09:00:00Z',
    {
      type: 'OfferCustody',
      data: { handoverId: 'h-3', to: COURT_REGISTRY, purpose: 'court_registry', method: 'police_transport', sealIntact: true },
    },
  ],
  [
    { staffId: 'staff-7000', actingFor: { kind: 'court_registry', id: 'griffie-gent' } },
    '2025-06-01T10:00:00Z',
    { type: 'DeclineCustody', data: { handoverId: 'h-3', reason: 'Geen beslissing tot neerlegging' } },
  ],
  [
    DESK,
    '2025-09-15T09:00:00Z',
    {
      type: 'OfferCustody',
      data: { handoverId: 'h-4', to: COLLEAGUE_PARTY, purpose: 'investigation', method: 'hand_delivery', sealIntact: true },
    },
  ],
  [DESK, '2025-09-15T09:30:00Z', { type: 'WithdrawCustodyOffer', data: { handoverId: 'h-4', reason: 'Onderzoeker afwezig' } }],
  [
    DESK,
    '2025-10-01T09:00:00Z',
    {
      type: 'RecordDisposalDecision',
      data: {
        decisionRef: 'PK-GENT-2025-33871',
        authority: 'procureur_des_konings',
        decisionDate: '2025-09-30',
        disposition: 'destruction',
      },
    },
  ],
  [
    DESK,
    '2025-10-01T09:05:00Z',
    {
      type: 'OfferCustody',
      data: { handoverId: 'h-5', to: DETECTIVE_PARTY, purpose: 'destruction', method: 'hand_delivery', sealIntact: true },
    },
  ],
];

function play(steps: Step[]): ItemEvent[] {
  const log: ItemEvent[] = [];
  let state: ItemState = initialItemState();
  const registration: Step = [DETECTIVE, '2025-03-16T11:30:00Z', registerCommand()];
  for (const [actor, now, command] of [registration, ...steps]) {
    const events = decideItem(state, { ...command, metadata: at(actor, now) } as ItemCommand);
    for (const event of events) state = evolveItem(state, event);
    log.push(...events);
  }
  return log;
}

describe('folding a long history', () => {
  const log = play(history);

  it('is the history the commands produced', () => {
    expect(log.map((e) => e.type)).toEqual([
      'ItemRegistered',
      'CustodyOffered',
      'CustodyTransferred',
      'ItemCheckedIn',
      'ItemCheckedOut',
      'ItemReturned',
      'ItemSubmittedToLab',
      'CustodyOffered',
      'CustodyTransferred',
      'ItemResealed',
      'CustodyOffered',
      'CustodyTransferred',
      'ItemCheckedIn',
      'LabResultReceived',
      'ItemCheckedOut',
      'ItemReturned',
      'CustodyOffered',
      'CustodyOfferDeclined',
      'CustodyOffered',
      'CustodyOfferWithdrawn',
      'DisposalDecisionRecorded',
      'CustodyOffered',
    ]);
    expect(log.find((e) => e.type === 'ItemReturned' && e.data.takenBy === 'staff-1414')?.data).toMatchObject({ late: true });
  });

  it('folds, from the stored log, into custodian, location, status, open offer and a four-link chain', () => {
    const state = item.fold(log);
    expect(state).toStrictEqual({
      status: 'held',
      itemId: ITEM_ID,
      labelNumber: 'PACOS-2025-000871',
      investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
      pvNumber: 'GE.55.L5.012345/2025',
      category: 'weapon',
      description: 'Pistool Glock 17, serienummer weggevijld',
      sealNumber: 'LTWP-SEAL-5512',
      custodian: STORAGE_ROOM,
      custodyChain: [
        { custodian: DETECTIVE_PARTY, since: '2025-03-16T11:30:00.000Z' },
        { custodian: STORAGE_ROOM, since: '2025-03-16T12:10:00.000Z', handoverId: 'h-1' },
        { custodian: LAB, since: '2025-03-21T10:00:00.000Z', handoverId: 's-1' },
        { custodian: STORAGE_ROOM, since: '2025-04-01T11:00:00.000Z', handoverId: 'h-2' },
      ],
      whereabouts: { kind: 'in_storage', location: LOCKER_5, since: '2025-05-05T08:30:00.000Z' },
      openOffer: {
        handoverId: 'h-5',
        to: DETECTIVE_PARTY,
        purpose: 'destruction',
        method: 'hand_delivery',
        offeredBy: 'staff-2718',
        offeredAt: '2025-10-01T09:05:00.000Z',
      },
      closedHandovers: { 'h-1': 'accepted', 's-1': 'accepted', 'h-2': 'accepted', 'h-3': 'declined', 'h-4': 'withdrawn' },
      labSubmissions: { 's-1': { submissionId: 's-1', laboratory: LAB, analysis: 'fingerprints', status: 'result_received' } },
      decision: {
        decisionRef: 'PK-GENT-2025-33871',
        authority: 'procureur_des_konings',
        decisionDate: '2025-09-30',
        disposition: 'destruction',
      },
      sealMismatches: ['h-2'],
    });
    expect(state.status === 'held' && state.custodyChain).toHaveLength(4);
    expect(isOverdue(state, new Date('2026-01-01T00:00:00Z'))).toBe(false);
    expect(isExpectedAt(state, { room: 'APG 0.14', locker: '5' })).toBe(true);
  });

  it('folds the same state whatever prefix was folded before (evolve is a plain left fold)', () => {
    const half = Math.floor(log.length / 2);
    const resumed = log.slice(half).reduce(evolveItem, item.fold(log.slice(0, half)));
    expect(resumed).toStrictEqual(item.fold(log));
  });
});
