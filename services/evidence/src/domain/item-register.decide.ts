import { hasDuplicates, isBlank, isSha256, isUuid, toIso } from './evidence.decide';
import { RegisterItem, ResealItem } from './item.commands';
import { InvalidItemCommand, ItemConflict, ItemDisposedError } from './item.errors';
import { ITEM_CATEGORIES, ItemRegistered, ItemResealed } from './item.events';
import {
  held,
  party,
  requireCustodian,
  requireInstant,
  requireNoOpenOffer,
  requireNotCheckedOut,
  requireOneOf,
  requireParty,
  requireText,
} from './item.guards';
import { ItemState } from './item.state';

// Registering a seized item and resealing it.

export function decideRegisterItem(state: ItemState, { data, metadata }: RegisterItem): [ItemRegistered] {
  if (state.status === 'disposed') throw new ItemDisposedError(state);
  if (state.status === 'held')
    throw new ItemConflict('item_already_registered', `Item ${state.labelNumber} is already registered under this id`);

  if (!isUuid(data.itemId)) throw new InvalidItemCommand('invalid_id', 'The item id must be a UUID', 'itemId');
  requireText(data, ['labelNumber', 'description', 'sealNumber', 'packaging', 'condition', 'seizedBy', 'seizedPlace', 'legalBasis']);
  if (data.investigationId === undefined && data.pvNumber === undefined) {
    throw new InvalidItemCommand(
      'case_reference_required',
      'An item belongs to a case: give its investigation id, its PV number or both',
      'investigationId',
    );
  }
  if (data.investigationId !== undefined && !isUuid(data.investigationId)) {
    throw new InvalidItemCommand('invalid_id', 'The investigation id must be a UUID', 'investigationId');
  }
  if (data.pvNumber !== undefined && isBlank(data.pvNumber))
    throw new InvalidItemCommand('required', 'The PV number may not be blank', 'pvNumber');
  requireOneOf(data.category, ITEM_CATEGORIES, 'category');
  if (!Number.isFinite(data.quantity.amount) || data.quantity.amount <= 0) {
    throw new InvalidItemCommand('invalid_quantity', 'The quantity must be a positive number', 'quantity.amount');
  }
  if (isBlank(data.quantity.unit))
    throw new InvalidItemCommand('required', 'The quantity needs a unit (pieces, grams, euro…)', 'quantity.unit');
  requireInstant(data.seizedAt, 'seizedAt');
  if (Date.parse(data.seizedAt) > metadata.now.getTime()) {
    throw new InvalidItemCommand('seized_after_registration', 'An item cannot be registered before it was seized', 'seizedAt');
  }
  data.attachments.forEach((attachment, i) => {
    if (isBlank(attachment.name) || isBlank(attachment.mediaType)) {
      throw new InvalidItemCommand('invalid_attachment', 'Every attachment needs a name and a media type', `attachments[${i}]`);
    }
    if (!isSha256(attachment.sha256)) {
      throw new InvalidItemCommand(
        'invalid_attachment',
        'An attachment is referenced by its SHA-256: 64 lowercase hex digits',
        `attachments[${i}].sha256`,
      );
    }
  });
  if (hasDuplicates(data.attachments.map((a) => a.sha256))) {
    throw new InvalidItemCommand('invalid_attachment', 'The same document is attached twice', 'attachments');
  }
  if (data.custodian !== undefined) requireParty(data.custodian, 'custodian');

  return [
    {
      type: 'ItemRegistered',
      data: {
        itemId: data.itemId,
        labelNumber: data.labelNumber,
        ...(data.investigationId !== undefined && { investigationId: data.investigationId }),
        ...(data.pvNumber !== undefined && { pvNumber: data.pvNumber }),
        description: data.description,
        category: data.category,
        quantity: { amount: data.quantity.amount, unit: data.quantity.unit },
        sealNumber: data.sealNumber,
        packaging: data.packaging,
        condition: data.condition,
        seizedBy: data.seizedBy,
        seizedAt: toIso(data.seizedAt),
        seizedPlace: data.seizedPlace,
        legalBasis: data.legalBasis,
        attachments: data.attachments.map(({ name, sha256, mediaType }) => ({ name, sha256, mediaType })),
        custodian: data.custodian !== undefined ? party(data.custodian) : { kind: 'officer', id: metadata.actor.staffId },
        registeredBy: metadata.actor.staffId,
        registeredAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideResealItem(state: ItemState, { data, metadata }: ResealItem): [ItemResealed] {
  const item = held(state);
  requireCustodian(item, metadata.actor, 'reseal it');
  requireNoOpenOffer(item, 'resealed');
  requireNotCheckedOut(item, 'resealed');
  requireText(data, ['sealNumber', 'reason']);
  if (data.sealNumber === item.sealNumber)
    throw new ItemConflict('same_seal_number', `Item ${item.labelNumber} already carries seal ${item.sealNumber}`);
  return [
    {
      type: 'ItemResealed',
      data: {
        itemId: item.itemId,
        previousSealNumber: item.sealNumber,
        sealNumber: data.sealNumber,
        reason: data.reason,
        resealedBy: metadata.actor.staffId,
        resealedAt: toIso(metadata.now),
      },
    },
  ];
}
