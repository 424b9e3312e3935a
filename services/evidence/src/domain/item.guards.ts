import { inputRules } from '@police/event-store/domain';
import { Actor, actsFor, CommandMetadata, isBlank, toIso } from './evidence.decide';
import { isInternalParty, Party, PARTY_KINDS, sameParty, StorageLocation } from './evidence.events';
import { InvalidItemCommand, ItemConflict, ItemDisposedError, ItemForbidden, ItemNotFound } from './item.errors';
import { CustodyOffered, HandoverMethod, HandoverPurpose } from './item.events';
import { HeldItem, ItemState, OpenOffer } from './item.state';

// What the item's deciders check before they decide: the item's state, who acts, and the shared input rules.

export const { requireText, requireOneOf, requireBoolean, requireInstant } = inputRules(InvalidItemCommand);

export function offer(
  item: HeldItem,
  handoverId: string,
  to: Party,
  purpose: HandoverPurpose,
  method: HandoverMethod,
  sealIntact: boolean,
  metadata: CommandMetadata,
  note?: string,
): CustodyOffered {
  if (sameParty(to, item.custodian)) {
    throw new ItemConflict('offer_to_current_custodian', `${describeParty(to)} already holds item ${item.labelNumber}`);
  }
  return {
    type: 'CustodyOffered',
    data: {
      itemId: item.itemId,
      handoverId,
      from: item.custodian,
      to: party(to),
      purpose,
      method,
      sealNumber: item.sealNumber,
      sealIntact,
      ...(note !== undefined && { note }),
      offeredBy: metadata.actor.staffId,
      offeredAt: toIso(metadata.now),
    },
  };
}

export function held(state: ItemState): HeldItem {
  if (state.status === 'unregistered') throw new ItemNotFound('item_not_found', 'No item is registered under this id');
  if (state.status === 'disposed') throw new ItemDisposedError(state);
  return state;
}

/** The open offer with this id, or why there is none: 404 for an id never used, 409 for one already settled. */
export function openOffer(item: HeldItem, handoverId: string): OpenOffer {
  if (item.openOffer !== null && item.openOffer.handoverId === handoverId) return item.openOffer;
  if (Object.hasOwn(item.closedHandovers, handoverId)) {
    const outcome = item.closedHandovers[handoverId];
    throw new ItemConflict(`handover_already_${outcome}`, `Handover ${handoverId} of item ${item.labelNumber} was already ${outcome}`);
  }
  throw new ItemNotFound('handover_not_found', `Item ${item.labelNumber} has no handover ${handoverId}`);
}

export function requireHandoverIdUnused(item: HeldItem, handoverId: string): void {
  if (Object.hasOwn(item.closedHandovers, handoverId)) {
    throw new ItemConflict('handover_id_in_use', `Handover id ${handoverId} was already used for item ${item.labelNumber}`);
  }
}

export function requireCustodian(item: HeldItem, actor: Actor, action: string): void {
  if (!actsFor(actor, item.custodian)) {
    throw new ItemForbidden(
      'not_the_custodian',
      `Only the current custodian of item ${item.labelNumber}, ${describeParty(item.custodian)}, may ${action}`,
    );
  }
}

export function requireCustodianOrDesk(item: HeldItem, actor: Actor, action: string): void {
  if (!actsFor(actor, item.custodian) && !actor.evidenceDesk) {
    throw new ItemForbidden(
      'not_the_custodian',
      `Only the current custodian of item ${item.labelNumber}, ${describeParty(item.custodian)}, or the evidence desk may ${action}`,
    );
  }
}

export function requireNoOpenOffer(item: HeldItem, what: string): void {
  if (item.openOffer !== null) {
    throw new ItemConflict(
      'custody_offer_open',
      `Item ${item.labelNumber} is offered to ${describeParty(item.openOffer.to)} (handover ${item.openOffer.handoverId}); it cannot be ${what} until that offer is accepted, declined or withdrawn`,
    );
  }
}

export function requireNotCheckedOut(item: HeldItem, what: string): void {
  if (item.whereabouts.kind === 'checked_out') {
    throw new ItemConflict(
      'item_checked_out',
      `Item ${item.labelNumber} is checked out to ${item.whereabouts.takenBy}; it cannot be ${what} until it is returned`,
    );
  }
}

export function requireInternalCustodian(item: HeldItem, what: string): void {
  if (!isInternalParty(item.custodian)) {
    throw new ItemConflict(
      'custodian_is_external',
      `Item ${item.labelNumber} is with ${describeParty(item.custodian)}; it must be handed back before it can be ${what}`,
    );
  }
}

export function requireParty(value: Party, field: string): void {
  requireOneOf(value.kind, PARTY_KINDS, `${field}.kind`);
  if (isBlank(value.id)) throw new InvalidItemCommand('required', `${field}.id is required`, `${field}.id`);
  if (value.name !== undefined && isBlank(value.name))
    throw new InvalidItemCommand('required', `${field}.name may not be blank`, `${field}.name`);
}

export function party({ kind, id, name }: Party): Party {
  return { kind, id, ...(name !== undefined && { name }) };
}

export function storageLocation({ room, locker, shelf }: StorageLocation): StorageLocation {
  if (isBlank(room)) throw new InvalidItemCommand('required', 'A storage location needs a room', 'location.room');
  if (locker !== undefined && isBlank(locker))
    throw new InvalidItemCommand('required', 'location.locker may not be blank', 'location.locker');
  if (shelf !== undefined && isBlank(shelf)) throw new InvalidItemCommand('required', 'location.shelf may not be blank', 'location.shelf');
  return { room, ...(locker !== undefined && { locker }), ...(shelf !== undefined && { shelf }) };
}

export function caseRef(item: HeldItem): { investigationId?: string; pvNumber?: string } {
  return {
    ...(item.investigationId !== undefined && { investigationId: item.investigationId }),
    ...(item.pvNumber !== undefined && { pvNumber: item.pvNumber }),
  };
}

export function describeParty(p: Party): string {
  return `${p.kind.replaceAll('_', ' ')} ${p.name ?? p.id}`;
}
