import { actsFor, isBlank, toIso } from './evidence.decide';
import { AcceptCustody, DeclineCustody, OfferCustody, WithdrawCustodyOffer } from './item.commands';
import { InvalidItemCommand, ItemForbidden } from './item.errors';
import {
  CustodyOfferDeclined,
  CustodyOffered,
  CustodyOfferWithdrawn,
  CustodyTransferred,
  HANDOVER_METHODS,
  HANDOVER_PURPOSES,
} from './item.events';
import {
  describeParty,
  held,
  offer,
  openOffer,
  requireBoolean,
  requireCustodian,
  requireHandoverIdUnused,
  requireNoOpenOffer,
  requireNotCheckedOut,
  requireOneOf,
  requireParty,
  requireText,
} from './item.guards';
import { ItemState } from './item.state';

// The chain of custody: offering an item to another holder, who accepts or declines; the offerer may withdraw.

export function decideOfferCustody(state: ItemState, { data, metadata }: OfferCustody): [CustodyOffered] {
  const item = held(state);
  requireCustodian(item, metadata.actor, 'offer it to someone else');
  requireNoOpenOffer(item, 'offered again');
  requireNotCheckedOut(item, 'handed over');
  requireText(data, ['handoverId']);
  requireHandoverIdUnused(item, data.handoverId);
  requireParty(data.to, 'to');
  requireOneOf(data.purpose, HANDOVER_PURPOSES, 'purpose');
  requireOneOf(data.method, HANDOVER_METHODS, 'method');
  requireBoolean(data.sealIntact, 'sealIntact');
  if (data.note !== undefined && isBlank(data.note)) throw new InvalidItemCommand('required', 'A note may not be blank', 'note');
  return [offer(item, data.handoverId, data.to, data.purpose, data.method, data.sealIntact, metadata, data.note)];
}

export function decideAcceptCustody(state: ItemState, { data, metadata }: AcceptCustody): [CustodyTransferred] {
  const item = held(state);
  const open = openOffer(item, data.handoverId);
  if (!actsFor(metadata.actor, open.to)) {
    throw new ItemForbidden(
      'not_the_recipient',
      `Only ${describeParty(open.to)}, to whom handover ${open.handoverId} was offered, may accept it`,
    );
  }
  requireText(data, ['sealNumberFound', 'condition', 'place']);
  requireBoolean(data.sealIntact, 'sealIntact');
  return [
    {
      type: 'CustodyTransferred',
      data: {
        itemId: item.itemId,
        handoverId: open.handoverId,
        from: item.custodian,
        to: open.to,
        purpose: open.purpose,
        method: open.method,
        place: data.place,
        offeredBy: open.offeredBy,
        offeredAt: open.offeredAt,
        acceptedBy: metadata.actor.staffId,
        transferredAt: toIso(metadata.now),
        sealNumberExpected: item.sealNumber,
        sealNumberFound: data.sealNumberFound,
        sealIntact: data.sealIntact,
        sealMismatch: data.sealNumberFound !== item.sealNumber,
        conditionFound: data.condition,
      },
    },
  ];
}

export function decideDeclineCustody(state: ItemState, { data, metadata }: DeclineCustody): [CustodyOfferDeclined] {
  const item = held(state);
  const open = openOffer(item, data.handoverId);
  if (!actsFor(metadata.actor, open.to)) {
    throw new ItemForbidden(
      'not_the_recipient',
      `Only ${describeParty(open.to)}, to whom handover ${open.handoverId} was offered, may decline it`,
    );
  }
  requireText(data, ['reason']);
  return [
    {
      type: 'CustodyOfferDeclined',
      data: {
        itemId: item.itemId,
        handoverId: open.handoverId,
        to: open.to,
        reason: data.reason,
        declinedBy: metadata.actor.staffId,
        declinedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideWithdrawCustodyOffer(state: ItemState, { data, metadata }: WithdrawCustodyOffer): [CustodyOfferWithdrawn] {
  const item = held(state);
  const open = openOffer(item, data.handoverId);
  // The offerer is the custodian: custody has not moved while the offer is open.
  if (!actsFor(metadata.actor, item.custodian)) {
    throw new ItemForbidden(
      'not_the_custodian',
      `Only the offerer, ${describeParty(item.custodian)}, may withdraw handover ${open.handoverId}`,
    );
  }
  if (data.reason !== undefined && isBlank(data.reason)) throw new InvalidItemCommand('required', 'A reason may not be blank', 'reason');
  return [
    {
      type: 'CustodyOfferWithdrawn',
      data: {
        itemId: item.itemId,
        handoverId: open.handoverId,
        from: item.custodian,
        ...(data.reason !== undefined && { reason: data.reason }),
        withdrawnBy: metadata.actor.staffId,
        withdrawnAt: toIso(metadata.now),
      },
    },
  ];
}
