import { Actor } from './evidence.decide';
import { Party } from './evidence.events';
import {
  AcceptCustody,
  decideAcceptCustody,
  decideDeclineCustody,
  decideOfferCustody,
  decideWithdrawCustodyOffer,
  OfferCustody,
} from './item.decide';
import { InvalidItemCommand, ItemConflict, ItemForbidden, ItemNotFound } from './item.errors';
import {
  at,
  checkedIn,
  checkedOut,
  COLLEAGUE,
  COLLEAGUE_PARTY,
  DESK,
  DESK_ONLY,
  DETECTIVE,
  DETECTIVE_PARTY,
  inStorageRoom,
  ITEM_ID,
  item,
  LOCKER_3,
  offered,
  registered,
  SEAL,
  STORAGE_ROOM,
  STRANGER,
  toStorage,
} from './item.fixtures.spec';

const offer = (actor: Actor, to: Party = STORAGE_ROOM, handoverId = 'h-1', now = '2025-03-16T12:00:00Z'): OfferCustody => ({
  type: 'OfferCustody',
  data: { handoverId, to, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
  metadata: at(actor, now),
});

const accept = (actor: Actor, handoverId = 'h-1', sealNumberFound = SEAL, now = '2025-03-16T12:10:00Z'): AcceptCustody => ({
  type: 'AcceptCustody',
  data: {
    handoverId,
    sealNumberFound,
    sealIntact: true,
    condition: 'Koffer gesloten, zegel ongeschonden',
    place: 'APG, balie bewijsstukken',
  },
  metadata: at(actor, now),
});

const decline = (actor: Actor, reason = 'Wapens gaan rechtstreeks naar de wapenkamer') =>
  ({ type: 'DeclineCustody', data: { handoverId: 'h-1', reason }, metadata: at(actor, '2025-03-16T12:05:00Z') }) as const;

const withdraw = (actor: Actor) =>
  ({
    type: 'WithdrawCustodyOffer',
    data: { handoverId: 'h-1', reason: 'Eerst naar het labo' },
    metadata: at(actor, '2025-03-16T12:06:00Z'),
  }) as const;

describe('offering custody', () => {
  it('lets the custodian offer the item to a named recipient', () => {
    item
      .given(registered())
      .when((s) =>
        decideOfferCustody(s, {
          type: 'OfferCustody',
          data: {
            handoverId: 'h-1',
            to: STORAGE_ROOM,
            purpose: 'storage',
            method: 'hand_delivery',
            sealIntact: true,
            note: 'Na verhoor binnengebracht',
          },
          metadata: at(DETECTIVE, '2025-03-16T13:00:00+01:00'),
        }),
      )
      .then([
        {
          type: 'CustodyOffered',
          data: {
            itemId: ITEM_ID,
            handoverId: 'h-1',
            from: { kind: 'officer', id: 'staff-3141' },
            to: { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' },
            purpose: 'storage',
            method: 'hand_delivery',
            sealNumber: SEAL,
            sealIntact: true,
            note: 'Na verhoor binnengebracht',
            offeredBy: 'staff-3141',
            offeredAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it.each([
    ['another officer', STRANGER],
    ['the evidence desk, which does not hold it', DESK_ONLY],
    ['an officer acting for the storage room, which does not hold it yet', DESK],
  ])('refuses an offer by %s: only the current custodian may offer (403)', (_who, actor) => {
    item
      .given(registered())
      .when((s) => decideOfferCustody(s, offer(actor, COLLEAGUE_PARTY)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403, message: /officer staff-3141/ });
  });

  it('lets the storage room, once custodian, offer through an evidence officer acting for it', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideOfferCustody(s, offer(DESK, COLLEAGUE_PARTY, 'h-2', '2025-03-17T08:00:00Z')))
      .then([offered('h-2', STORAGE_ROOM, COLLEAGUE_PARTY, '2025-03-17T08:00:00.000Z')]);
  });

  it('refuses a second offer while one is open', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideOfferCustody(s, offer(DETECTIVE, COLLEAGUE_PARTY, 'h-2')))
      .thenThrows({
        type: ItemConflict,
        code: 'custody_offer_open',
        status: 409,
        message: /offered to storage room APG bewijsstukkenlokaal 0.14 \(handover h-1\)/,
      });
  });

  it('refuses an offer to the current custodian', () => {
    item
      .given(registered())
      .when((s) => decideOfferCustody(s, offer(DETECTIVE, DETECTIVE_PARTY)))
      .thenThrows({ code: 'offer_to_current_custodian', status: 409 });
  });

  it('refuses to reuse a handover id', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideOfferCustody(s, offer(DESK, COLLEAGUE_PARTY, 'h-1')))
      .thenThrows({ type: ItemConflict, code: 'handover_id_in_use', status: 409 });
  });

  it('refuses a hand-over while the item is checked out', () => {
    item
      .given(...inStorageRoom, checkedIn(), checkedOut())
      .when((s) => decideOfferCustody(s, offer(DESK, COLLEAGUE_PARTY, 'h-2')))
      .thenThrows({ code: 'item_checked_out', status: 409 });
  });

  it.each([
    ['an unknown recipient kind', { to: { kind: 'citizen' as never, id: 'x' } }, 'to.kind'],
    ['an unknown purpose', { purpose: 'fun' as never }, 'purpose'],
    ['an unknown method', { method: 'pigeon' as never }, 'method'],
  ])('refuses %s (422)', (_what, data, field) => {
    const command = offer(DETECTIVE, COLLEAGUE_PARTY);
    item
      .given(registered())
      .when((s) => decideOfferCustody(s, { ...command, data: { ...command.data, ...data } }))
      .thenThrows({ type: InvalidItemCommand, code: 'invalid_value', status: 422, field });
  });

  it('leaves the item with the offerer, where it is, while the offer is open', () => {
    const { state } = item.given(...inStorageRoom, checkedIn(), offered('h-2', STORAGE_ROOM, COLLEAGUE_PARTY, '2025-03-17T08:00:00.000Z'));
    expect(state).toMatchObject({
      custodian: STORAGE_ROOM,
      whereabouts: { kind: 'in_storage', location: LOCKER_3 },
      openOffer: { handoverId: 'h-2', to: COLLEAGUE_PARTY },
    });
  });
});

describe('accepting custody', () => {
  it('passes custody when the named recipient accepts, recording what they found', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideAcceptCustody(s, accept(DESK)))
      .then([
        {
          type: 'CustodyTransferred',
          data: {
            itemId: ITEM_ID,
            handoverId: 'h-1',
            from: { kind: 'officer', id: 'staff-3141' },
            to: { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' },
            purpose: 'storage',
            method: 'hand_delivery',
            place: 'APG, balie bewijsstukken',
            offeredBy: 'staff-3141',
            offeredAt: '2025-03-16T12:00:00.000Z',
            acceptedBy: 'staff-2718',
            transferredAt: '2025-03-16T12:10:00.000Z',
            sealNumberExpected: SEAL,
            sealNumberFound: SEAL,
            sealIntact: true,
            sealMismatch: false,
            conditionFound: 'Koffer gesloten, zegel ongeschonden',
          },
        },
      ]);
  });

  it('records and flags a seal mismatch, and still passes custody', () => {
    item
      .given(registered(), toStorage)
      .when((s) =>
        decideAcceptCustody(s, {
          ...accept(DESK),
          data: {
            handoverId: 'h-1',
            sealNumberFound: 'SEAL-0091172',
            sealIntact: false,
            condition: 'Zegel gescheurd',
            place: 'APG, balie bewijsstukken',
          },
        }),
      )
      .then([
        {
          type: 'CustodyTransferred',
          data: {
            itemId: ITEM_ID,
            handoverId: 'h-1',
            from: { kind: 'officer', id: 'staff-3141' },
            to: { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' },
            purpose: 'storage',
            method: 'hand_delivery',
            place: 'APG, balie bewijsstukken',
            offeredBy: 'staff-3141',
            offeredAt: '2025-03-16T12:00:00.000Z',
            acceptedBy: 'staff-2718',
            transferredAt: '2025-03-16T12:10:00.000Z',
            sealNumberExpected: SEAL,
            sealNumberFound: 'SEAL-0091172',
            sealIntact: false,
            sealMismatch: true,
            conditionFound: 'Zegel gescheurd',
          },
        },
      ]);
  });

  it('keeps the mismatch in the state, and the seal found as the seal on record', () => {
    const { state } = item.given(registered(), toStorage, {
      type: 'CustodyTransferred',
      data: {
        itemId: ITEM_ID,
        handoverId: 'h-1',
        from: DETECTIVE_PARTY,
        to: STORAGE_ROOM,
        purpose: 'storage',
        method: 'hand_delivery',
        place: 'APG',
        offeredBy: 'staff-3141',
        offeredAt: '2025-03-16T12:00:00.000Z',
        acceptedBy: 'staff-2718',
        transferredAt: '2025-03-16T12:10:00.000Z',
        sealNumberExpected: SEAL,
        sealNumberFound: 'SEAL-0091172',
        sealIntact: false,
        sealMismatch: true,
        conditionFound: 'Zegel gescheurd',
      },
    });
    expect(state).toMatchObject({ custodian: STORAGE_ROOM, sealNumber: 'SEAL-0091172', sealMismatches: ['h-1'] });
  });

  it.each([
    ['another officer', STRANGER],
    ['the offerer', DETECTIVE],
    ['the evidence desk not acting for the storage room', DESK_ONLY],
  ])('refuses acceptance by %s: only the named recipient may accept (403)', (_who, actor) => {
    item
      .given(registered(), toStorage)
      .when((s) => decideAcceptCustody(s, accept(actor)))
      .thenThrows({
        type: ItemForbidden,
        code: 'not_the_recipient',
        status: 403,
        message: /Only storage room APG bewijsstukkenlokaal 0.14/,
      });
  });

  it('refuses a second acceptance, even by the recipient', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideAcceptCustody(s, accept(DESK, 'h-1', SEAL, '2025-03-16T12:15:00Z')))
      .thenThrows({
        type: ItemConflict,
        code: 'handover_already_accepted',
        status: 409,
        message: 'Handover h-1 of item PACOS-2025-000871 was already accepted',
      });
  });

  it('answers 404 for a handover that was never offered', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideAcceptCustody(s, accept(DESK, 'h-7')))
      .thenThrows({ type: ItemNotFound, code: 'handover_not_found', status: 404 });
  });

  it('refuses an acceptance that does not say which seal was found', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideAcceptCustody(s, accept(DESK, 'h-1', '')))
      .thenThrows({ type: InvalidItemCommand, code: 'required', status: 422, field: 'sealNumberFound' });
  });

  it('moves custody to the recipient and closes the offer; the old custodian can no longer offer, the new one can', () => {
    const { state } = item.given(...inStorageRoom);
    expect(state).toMatchObject({
      custodian: STORAGE_ROOM,
      openOffer: null,
      closedHandovers: { 'h-1': 'accepted' },
      custodyChain: [
        { custodian: DETECTIVE_PARTY, since: '2025-03-16T11:30:00.000Z' },
        { custodian: STORAGE_ROOM, since: '2025-03-16T12:10:00.000Z', handoverId: 'h-1' },
      ],
    });
    item
      .given(...inStorageRoom)
      .when((s) => decideOfferCustody(s, offer(DETECTIVE, COLLEAGUE_PARTY, 'h-2')))
      .thenThrows({ code: 'not_the_custodian', status: 403 });
  });
});

describe('declining and withdrawing an offer', () => {
  it('lets the recipient decline with a reason; custody stays', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideDeclineCustody(s, decline(DESK)))
      .then([
        {
          type: 'CustodyOfferDeclined',
          data: {
            itemId: ITEM_ID,
            handoverId: 'h-1',
            to: { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' },
            reason: 'Wapens gaan rechtstreeks naar de wapenkamer',
            declinedBy: 'staff-2718',
            declinedAt: '2025-03-16T12:05:00.000Z',
          },
        },
      ]);
  });

  it('refuses a decline by anyone but the recipient, and a decline without reason', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideDeclineCustody(s, decline(DETECTIVE)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_recipient', status: 403 });
    item
      .given(registered(), toStorage)
      .when((s) => decideDeclineCustody(s, decline(DESK, ' ')))
      .thenThrows({ type: InvalidItemCommand, code: 'required', status: 422, field: 'reason' });
  });

  it('lets the offerer withdraw', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideWithdrawCustodyOffer(s, withdraw(DETECTIVE)))
      .then([
        {
          type: 'CustodyOfferWithdrawn',
          data: {
            itemId: ITEM_ID,
            handoverId: 'h-1',
            from: { kind: 'officer', id: 'staff-3141' },
            reason: 'Eerst naar het labo',
            withdrawnBy: 'staff-3141',
            withdrawnAt: '2025-03-16T12:06:00.000Z',
          },
        },
      ]);
  });

  it('refuses a withdrawal by the recipient or a stranger', () => {
    item
      .given(registered(), toStorage)
      .when((s) => decideWithdrawCustodyOffer(s, withdraw(DESK)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
    item
      .given(registered(), toStorage)
      .when((s) => decideWithdrawCustodyOffer(s, withdraw(COLLEAGUE)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
  });

  const declined = {
    type: 'CustodyOfferDeclined',
    data: {
      itemId: ITEM_ID,
      handoverId: 'h-1',
      to: STORAGE_ROOM,
      reason: 'x',
      declinedBy: 'staff-2718',
      declinedAt: '2025-03-16T12:05:00.000Z',
    },
  } as const;
  const withdrawn = {
    type: 'CustodyOfferWithdrawn',
    data: { itemId: ITEM_ID, handoverId: 'h-1', from: DETECTIVE_PARTY, withdrawnBy: 'staff-3141', withdrawnAt: '2025-03-16T12:06:00.000Z' },
  } as const;

  it('refuses to accept a declined or withdrawn offer', () => {
    item
      .given(registered(), toStorage, declined)
      .when((s) => decideAcceptCustody(s, accept(DESK)))
      .thenThrows({ code: 'handover_already_declined', status: 409 });
    item
      .given(registered(), toStorage, withdrawn)
      .when((s) => decideAcceptCustody(s, accept(DESK)))
      .thenThrows({ code: 'handover_already_withdrawn', status: 409 });
    item
      .given(registered(), toStorage, withdrawn)
      .when((s) => decideWithdrawCustodyOffer(s, withdraw(DETECTIVE)))
      .thenThrows({ code: 'handover_already_withdrawn', status: 409 });
  });

  it('leaves custody with the offerer and frees the item for a new offer', () => {
    const { state } = item.given(registered(), toStorage, declined);
    expect(state).toMatchObject({ custodian: DETECTIVE_PARTY, openOffer: null, closedHandovers: { 'h-1': 'declined' } });
    expect(state.status === 'held' && state.custodyChain).toHaveLength(1);
    item
      .given(registered(), toStorage, withdrawn)
      .when((s) => decideOfferCustody(s, offer(DETECTIVE, COLLEAGUE_PARTY, 'h-2', '2025-03-16T12:30:00Z')))
      .then([offered('h-2', DETECTIVE_PARTY, COLLEAGUE_PARTY, '2025-03-16T12:30:00.000Z')]);
  });
});
