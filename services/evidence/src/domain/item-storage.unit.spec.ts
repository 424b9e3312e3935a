import { Actor } from './evidence.decide';
import { StorageLocation } from './evidence.events';
import { CheckOutItem, decideCheckInItem, decideCheckOutItem, decideReturnItem } from './item.decide';
import { InvalidItemCommand, ItemConflict, ItemForbidden } from './item.errors';
import { ItemReturned } from './item.events';
import { isExpectedAt, isOverdue } from './item.state';
import {
  at,
  checkedIn,
  checkedOut,
  COLLEAGUE_PARTY,
  DESK,
  DESK_ONLY,
  DETECTIVE,
  DETECTIVE_PARTY,
  inStorageRoom,
  ITEM_ID,
  item,
  LAB_LIAISON,
  LOCKER_3,
  LOCKER_5,
  offered,
  registered,
  STORAGE_ROOM,
  STRANGER,
  submittedToLab,
  transferred,
} from './item.fixtures.spec';

const checkIn = (actor: Actor, location: StorageLocation = LOCKER_3, now = '2025-03-16T12:20:00Z') =>
  ({ type: 'CheckInItem', data: { location }, metadata: at(actor, now) }) as const;

const checkOut = (actor: Actor = DESK, expectedReturnAt = '2025-03-20T17:00:00+01:00', now = '2025-03-18T09:00:00Z'): CheckOutItem => ({
  type: 'CheckOutItem',
  data: { purpose: 'examination', takenBy: 'staff-3141', expectedReturnAt },
  metadata: at(actor, now),
});

const returnItem = (actor: Actor, now: string, location: StorageLocation = LOCKER_5) =>
  ({ type: 'ReturnItem', data: { location }, metadata: at(actor, now) }) as const;

const returned = (returnedBy: string, returnedAt: string, late: boolean): ItemReturned => ({
  type: 'ItemReturned',
  data: {
    itemId: ITEM_ID,
    location: LOCKER_5,
    takenBy: 'staff-3141',
    checkedOutAt: '2025-03-18T09:00:00.000Z',
    expectedReturnAt: '2025-03-20T16:00:00.000Z',
    late,
    returnedBy,
    returnedAt,
  },
});

describe('checking in', () => {
  it('lets the custodian check the item in to a room, locker and shelf', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideCheckInItem(s, checkIn(DESK)))
      .then([
        {
          type: 'ItemCheckedIn',
          data: {
            itemId: ITEM_ID,
            location: { room: 'APG 0.14', locker: '3', shelf: 'B' },
            checkedInBy: 'staff-2718',
            checkedInAt: '2025-03-16T12:20:00.000Z',
          },
        },
      ]);
  });

  it('lets the evidence desk check in an item an officer holds; anyone else is refused', () => {
    item
      .given(registered())
      .when((s) => decideCheckInItem(s, checkIn(DESK_ONLY, { room: 'Wachtlokaal' })))
      .then([
        {
          type: 'ItemCheckedIn',
          data: { itemId: ITEM_ID, location: { room: 'Wachtlokaal' }, checkedInBy: 'staff-2719', checkedInAt: '2025-03-16T12:20:00.000Z' },
        },
      ]);
    item
      .given(registered())
      .when((s) => decideCheckInItem(s, checkIn(STRANGER)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
  });

  it('refuses a second check-in: an item is in one place', () => {
    item
      .given(...inStorageRoom, checkedIn())
      .when((s) => decideCheckInItem(s, checkIn(DESK, LOCKER_5)))
      .thenThrows({ type: ItemConflict, code: 'item_already_in_storage', status: 409, message: /APG 0.14 \/ 3 \/ B/ });
  });

  it('refuses to store an item a lab holds', () => {
    const [submission, toLab] = submittedToLab();
    item
      .given(...inStorageRoom, submission, toLab, transferred(toLab, 'staff-1618', '2025-03-21T10:00:00.000Z'))
      .when((s) => decideCheckInItem(s, checkIn(DESK_ONLY)))
      .thenThrows({ type: ItemConflict, code: 'custodian_is_external', status: 409, message: /lab FPL\/LTWP/ });
  });

  it('refuses a check-in while a hand-over is open', () => {
    item
      .given(...inStorageRoom, offered('h-2', STORAGE_ROOM, COLLEAGUE_PARTY, '2025-03-16T12:15:00.000Z'))
      .when((s) => decideCheckInItem(s, checkIn(DESK)))
      .thenThrows({ code: 'custody_offer_open', status: 409 });
  });

  it('refuses a location without room (422)', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideCheckInItem(s, checkIn(DESK, { room: '' })))
      .thenThrows({ type: InvalidItemCommand, code: 'required', status: 422, field: 'location.room' });
  });

  it('takes the item out of storage when custody passes', () => {
    const toColleague = offered('h-2', STORAGE_ROOM, COLLEAGUE_PARTY, '2025-03-17T08:00:00.000Z');
    const { state } = item.given(
      ...inStorageRoom,
      checkedIn(),
      toColleague,
      transferred(toColleague, 'staff-1414', '2025-03-17T08:05:00.000Z'),
    );
    expect(state).toMatchObject({ custodian: COLLEAGUE_PARTY, whereabouts: { kind: 'with_custodian' } });
    expect(isExpectedAt(state, { room: 'APG 0.14' })).toBe(false);
  });
});

describe('checking out and returning', () => {
  it('records who took the item, why, from where, and when it is due back; custody does not change', () => {
    const given = item.given(...inStorageRoom, checkedIn());
    given
      .when((s) => decideCheckOutItem(s, { ...checkOut(), data: { ...checkOut().data, note: 'Schotresten, hoorzitting' } }))
      .then([
        {
          type: 'ItemCheckedOut',
          data: {
            itemId: ITEM_ID,
            from: { room: 'APG 0.14', locker: '3', shelf: 'B' },
            purpose: 'examination',
            takenBy: 'staff-3141',
            expectedReturnAt: '2025-03-20T16:00:00.000Z',
            note: 'Schotresten, hoorzitting',
            checkedOutBy: 'staff-2718',
            checkedOutAt: '2025-03-18T09:00:00.000Z',
          },
        },
      ]);
    const { state } = item.given(...inStorageRoom, checkedIn(), checkedOut());
    expect(state).toMatchObject({ custodian: STORAGE_ROOM, whereabouts: { kind: 'checked_out', takenBy: 'staff-3141', from: LOCKER_3 } });
  });

  it('refuses to check out an item that is not in storage, or is out already', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideCheckOutItem(s, checkOut()))
      .thenThrows({ type: ItemConflict, code: 'item_not_in_storage', status: 409 });
    item
      .given(...inStorageRoom, checkedIn(), checkedOut())
      .when((s) => decideCheckOutItem(s, checkOut()))
      .thenThrows({ code: 'item_checked_out', status: 409 });
  });

  it('refuses a check-out by someone who neither holds the item nor works at the evidence desk', () => {
    item
      .given(...inStorageRoom, checkedIn())
      .when((s) => decideCheckOutItem(s, checkOut(DETECTIVE)))
      .thenThrows({ code: 'not_the_custodian', status: 403 });
  });

  it.each([
    ['a return time already passed', '2025-03-17T09:00:00Z', 'return_time_not_in_future'],
    ['a return time equal to now', '2025-03-18T09:00:00Z', 'return_time_not_in_future'],
    ['a return time without offset', '2025-03-20T16:00:00', 'invalid_time'],
  ])('refuses %s (422)', (_what, expectedReturnAt, code) => {
    item
      .given(...inStorageRoom, checkedIn())
      .when((s) => decideCheckOutItem(s, checkOut(DESK, expectedReturnAt)))
      .thenThrows({ type: InvalidItemCommand, code, status: 422, field: 'expectedReturnAt' });
  });

  it('refuses to check in an item that is out: it must be returned', () => {
    item
      .given(...inStorageRoom, checkedIn(), checkedOut())
      .when((s) => decideCheckInItem(s, checkIn(DESK)))
      .thenThrows({ code: 'item_checked_out', status: 409, message: /return it/ });
  });

  it('lets the one who took it return it on time, to a location of choice', () => {
    item
      .given(...inStorageRoom, checkedIn(), checkedOut())
      .when((s) => decideReturnItem(s, returnItem(DETECTIVE, '2025-03-20T15:00:00Z')))
      .then([returned('staff-3141', '2025-03-20T15:00:00.000Z', false)]);
  });

  it('records a late return as late', () => {
    item
      .given(...inStorageRoom, checkedIn(), checkedOut())
      .when((s) => decideReturnItem(s, returnItem(DESK, '2025-03-21T08:00:00Z')))
      .then([returned('staff-2718', '2025-03-21T08:00:00.000Z', true)]);
  });

  it('refuses a return by a stranger, and a return of an item that is not out', () => {
    item
      .given(...inStorageRoom, checkedIn(), checkedOut())
      .when((s) => decideReturnItem(s, returnItem(LAB_LIAISON, '2025-03-20T15:00:00Z')))
      .thenThrows({ code: 'not_the_custodian', status: 403 });
    item
      .given(...inStorageRoom, checkedIn())
      .when((s) => decideReturnItem(s, returnItem(DESK, '2025-03-20T15:00:00Z')))
      .thenThrows({ code: 'item_not_checked_out', status: 409 });
  });

  it('derives overdue from state and now', () => {
    const out = item.given(...inStorageRoom, checkedIn(), checkedOut()).state;
    expect(isOverdue(out, new Date('2025-03-20T15:59:59Z'))).toBe(false);
    expect(isOverdue(out, new Date('2025-03-20T16:00:00Z'))).toBe(false);
    expect(isOverdue(out, new Date('2025-03-20T16:00:01Z'))).toBe(true);
    const back = item.given(...inStorageRoom, checkedIn(), checkedOut(), returned('staff-2718', '2025-03-21T08:00:00.000Z', true)).state;
    expect(isOverdue(back, new Date('2025-04-01T00:00:00Z'))).toBe(false);
    expect(back).toMatchObject({ whereabouts: { kind: 'in_storage', location: LOCKER_5, since: '2025-03-21T08:00:00.000Z' } });
    expect(isOverdue(item.given(registered()).state, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('tells which items an inventory of a room or locker should find', () => {
    const stored = item.given(...inStorageRoom, checkedIn()).state;
    expect(isExpectedAt(stored, { room: 'APG 0.14' })).toBe(true);
    expect(isExpectedAt(stored, { room: 'APG 0.14', locker: '3' })).toBe(true);
    expect(isExpectedAt(stored, { room: 'APG 0.14', locker: '5' })).toBe(false);
    expect(isExpectedAt(item.given(...inStorageRoom, checkedIn(), checkedOut()).state, { room: 'APG 0.14' })).toBe(false);
    expect(isExpectedAt(item.given(registered()).state, { room: 'APG 0.14' })).toBe(false);
  });

  it('keeps the detective as custodian when the detective stores the item in a locker', () => {
    const { state } = item.given(registered(), {
      type: 'ItemCheckedIn',
      data: {
        itemId: ITEM_ID,
        location: { room: 'Recherche', locker: 'R-12' },
        checkedInBy: 'staff-3141',
        checkedInAt: '2025-03-16T11:45:00.000Z',
      },
    });
    expect(state).toMatchObject({
      custodian: DETECTIVE_PARTY,
      whereabouts: { kind: 'in_storage', location: { room: 'Recherche', locker: 'R-12' } },
    });
  });
});
