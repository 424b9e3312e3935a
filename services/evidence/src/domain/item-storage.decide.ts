import { actsFor, isBlank, toIso } from './evidence.decide';
import { formatLocation } from './evidence.events';
import { CheckInItem, CheckOutItem, ReturnItem } from './item.commands';
import { InvalidItemCommand, ItemConflict, ItemForbidden } from './item.errors';
import { CHECK_OUT_PURPOSES, ItemCheckedIn, ItemCheckedOut, ItemReturned } from './item.events';
import {
  held,
  requireCustodianOrDesk,
  requireInstant,
  requireInternalCustodian,
  requireNoOpenOffer,
  requireNotCheckedOut,
  requireOneOf,
  requireText,
  storageLocation,
} from './item.guards';
import { ItemState } from './item.state';

// The storage room: checking an item in, out for a purpose, and back.

export function decideCheckInItem(state: ItemState, { data, metadata }: CheckInItem): [ItemCheckedIn] {
  const item = held(state);
  requireCustodianOrDesk(item, metadata.actor, 'check it in');
  requireNoOpenOffer(item, 'checked in');
  if (item.whereabouts.kind === 'checked_out') {
    throw new ItemConflict(
      'item_checked_out',
      `Item ${item.labelNumber} is checked out to ${item.whereabouts.takenBy}; return it instead of checking it in`,
    );
  }
  if (item.whereabouts.kind === 'in_storage') {
    throw new ItemConflict(
      'item_already_in_storage',
      `Item ${item.labelNumber} is already in storage at ${formatLocation(item.whereabouts.location)}`,
    );
  }
  requireInternalCustodian(item, 'checked in');
  return [
    {
      type: 'ItemCheckedIn',
      data: {
        itemId: item.itemId,
        location: storageLocation(data.location),
        checkedInBy: metadata.actor.staffId,
        checkedInAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideCheckOutItem(state: ItemState, { data, metadata }: CheckOutItem): [ItemCheckedOut] {
  const item = held(state);
  requireCustodianOrDesk(item, metadata.actor, 'check it out');
  requireNoOpenOffer(item, 'checked out');
  requireNotCheckedOut(item, 'checked out again');
  if (item.whereabouts.kind !== 'in_storage') {
    throw new ItemConflict('item_not_in_storage', `Item ${item.labelNumber} is not in storage, so it cannot be checked out`);
  }
  requireOneOf(data.purpose, CHECK_OUT_PURPOSES, 'purpose');
  requireText(data, ['takenBy']);
  requireInstant(data.expectedReturnAt, 'expectedReturnAt');
  if (Date.parse(data.expectedReturnAt) <= metadata.now.getTime()) {
    throw new InvalidItemCommand('return_time_not_in_future', 'The expected return must lie after the check-out', 'expectedReturnAt');
  }
  if (data.note !== undefined && isBlank(data.note)) throw new InvalidItemCommand('required', 'A note may not be blank', 'note');
  return [
    {
      type: 'ItemCheckedOut',
      data: {
        itemId: item.itemId,
        from: item.whereabouts.location,
        purpose: data.purpose,
        takenBy: data.takenBy,
        expectedReturnAt: toIso(data.expectedReturnAt),
        ...(data.note !== undefined && { note: data.note }),
        checkedOutBy: metadata.actor.staffId,
        checkedOutAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideReturnItem(state: ItemState, { data, metadata }: ReturnItem): [ItemReturned] {
  const item = held(state);
  const out = item.whereabouts;
  if (out.kind !== 'checked_out') throw new ItemConflict('item_not_checked_out', `Item ${item.labelNumber} is not checked out`);
  const { actor } = metadata;
  if (!actsFor(actor, item.custodian) && !actor.evidenceDesk && actor.staffId !== out.takenBy) {
    throw new ItemForbidden(
      'not_the_custodian',
      `Only the custodian, the evidence desk or ${out.takenBy}, who took item ${item.labelNumber} out, may return it`,
    );
  }
  return [
    {
      type: 'ItemReturned',
      data: {
        itemId: item.itemId,
        location: storageLocation(data.location),
        takenBy: out.takenBy,
        checkedOutAt: out.checkedOutAt,
        expectedReturnAt: out.expectedReturnAt,
        late: metadata.now.getTime() > Date.parse(out.expectedReturnAt),
        returnedBy: actor.staffId,
        returnedAt: toIso(metadata.now),
      },
    },
  ];
}
