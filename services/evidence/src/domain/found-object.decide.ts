import { inputRules } from '@police/event-store/domain';
import { Command, hasDuplicates, isBlank, isCalendarDate, isInstant, isUuid, toIso, zoneDayOf } from './evidence.decide';
import {
  FOUND_OBJECT_CATEGORIES,
  FoundObjectCategory,
  FoundObjectDestroyed,
  FoundObjectEvent,
  FoundObjectHandedToOrganisation,
  FoundObjectMatchedToLossDeclaration,
  FoundObjectRegistered,
  FoundObjectReturnedToOwner,
  FoundObjectSource,
  FoundPlace,
  IDENTITY_DOCUMENT_TYPES,
  IdentityDocumentType,
  Organisation,
  OwnerIdentified,
  OwnerSearchStarted,
} from './found-object.events';
import { FoundObjectClosed, FoundObjectConflict, FoundObjectNotFound, InvalidFoundObjectCommand } from './found-object.errors';
import { FoundObjectState, HeldFoundObject, holdingPeriodEndsAt, HoldingPeriods } from './found-object.state';

const { requireNonBlank: requireText } = inputRules(InvalidFoundObjectCommand);

export type RegisterFoundObject = Command<
  'RegisterFoundObject',
  {
    foundObjectId: string;
    source: FoundObjectSource;
    category: FoundObjectCategory;
    description: string;
    place: FoundPlace;
    foundOn: string;
    storageLocation?: string;
  }
>;

export type StartOwnerSearch = Command<'StartOwnerSearch', { method: string }>;

export type IdentifyOwner = Command<'IdentifyOwner', { ownerRef: string; basis: string }>;

export type MatchLossDeclaration = Command<'MatchLossDeclaration', { lossReportId: string; declarantRef: string }>;

export type ReturnFoundObjectToOwner = Command<
  'ReturnFoundObjectToOwner',
  {
    ownerRef: string;
    /** The officer checked the collector's identity document and it is the owner's. */
    identityCheck: { documentType: IdentityDocumentType; holderIsOwner: boolean };
    ownershipProof: string;
  }
>;

export type HandFoundObjectToOrganisation = Command<
  'HandFoundObjectToOrganisation',
  { organisation: Organisation; receiptRef: string; holdingPeriods: HoldingPeriods }
>;

export type DestroyFoundObject = Command<
  'DestroyFoundObject',
  { reason: string; witnesses: readonly string[]; holdingPeriods: HoldingPeriods }
>;

export type FoundObjectCommand =
  | RegisterFoundObject
  | StartOwnerSearch
  | IdentifyOwner
  | MatchLossDeclaration
  | ReturnFoundObjectToOwner
  | HandFoundObjectToOrganisation
  | DestroyFoundObject;

export function decideFoundObject(state: FoundObjectState, command: FoundObjectCommand): FoundObjectEvent[] {
  switch (command.type) {
    case 'RegisterFoundObject':
      return decideRegisterFoundObject(state, command);
    case 'StartOwnerSearch':
      return decideStartOwnerSearch(state, command);
    case 'IdentifyOwner':
      return decideIdentifyOwner(state, command);
    case 'MatchLossDeclaration':
      return decideMatchLossDeclaration(state, command);
    case 'ReturnFoundObjectToOwner':
      return decideReturnFoundObjectToOwner(state, command);
    case 'HandFoundObjectToOrganisation':
      return decideHandFoundObjectToOrganisation(state, command);
    case 'DestroyFoundObject':
      return decideDestroyFoundObject(state, command);
  }
}

export function decideRegisterFoundObject(state: FoundObjectState, { data, metadata }: RegisterFoundObject): [FoundObjectRegistered] {
  if (state.status !== 'unregistered') {
    throw new FoundObjectConflict('found_object_already_registered', `Found object ${state.foundObjectId} is already registered`);
  }
  if (!isUuid(data.foundObjectId)) throw new InvalidFoundObjectCommand('invalid_id', 'The found object id must be a UUID', 'foundObjectId');
  const source = foundObjectSource(data.source);
  if (!FOUND_OBJECT_CATEGORIES.includes(data.category)) {
    throw new InvalidFoundObjectCommand('invalid_value', `category must be one of ${FOUND_OBJECT_CATEGORIES.join(', ')}`, 'category');
  }
  requireText(data.description, 'description');
  requireText(data.place.municipality, 'place.municipality');
  optionalText(data.place.postalCode, 'place.postalCode');
  optionalText(data.place.address, 'place.address');
  if (!isCalendarDate(data.foundOn))
    throw new InvalidFoundObjectCommand('invalid_time', 'foundOn must be a calendar date (YYYY-MM-DD)', 'foundOn');
  if (data.foundOn > zoneDayOf(metadata.now)) {
    throw new InvalidFoundObjectCommand(
      'found_after_registration',
      'An object cannot be registered before the day it was found',
      'foundOn',
    );
  }
  optionalText(data.storageLocation, 'storageLocation');
  const { municipality, postalCode, address } = data.place;
  return [
    {
      type: 'FoundObjectRegistered',
      data: {
        foundObjectId: data.foundObjectId,
        source,
        category: data.category,
        description: data.description,
        place: { municipality, ...(postalCode !== undefined && { postalCode }), ...(address !== undefined && { address }) },
        foundOn: data.foundOn,
        ...(data.storageLocation !== undefined && { storageLocation: data.storageLocation }),
        registeredBy: metadata.actor.staffId,
        registeredAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideStartOwnerSearch(state: FoundObjectState, { data, metadata }: StartOwnerSearch): [OwnerSearchStarted] {
  const object = held(state);
  if (object.owner !== null)
    throw new FoundObjectConflict('owner_already_identified', `The owner of found object ${object.foundObjectId} is already identified`);
  if (object.ownerSearch !== null) {
    throw new FoundObjectConflict(
      'owner_search_already_started',
      `The owner search for found object ${object.foundObjectId} started at ${object.ownerSearch.startedAt}`,
    );
  }
  requireText(data.method, 'method');
  return [
    {
      type: 'OwnerSearchStarted',
      data: { foundObjectId: object.foundObjectId, method: data.method, startedBy: metadata.actor.staffId, startedAt: toIso(metadata.now) },
    },
  ];
}

export function decideIdentifyOwner(state: FoundObjectState, { data, metadata }: IdentifyOwner): [OwnerIdentified] {
  const object = held(state);
  if (object.owner !== null)
    throw new FoundObjectConflict('owner_already_identified', `The owner of found object ${object.foundObjectId} is already identified`);
  requireText(data.ownerRef, 'ownerRef');
  requireText(data.basis, 'basis');
  return [
    {
      type: 'OwnerIdentified',
      data: {
        foundObjectId: object.foundObjectId,
        ownerRef: data.ownerRef,
        basis: data.basis,
        identifiedBy: metadata.actor.staffId,
        identifiedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideMatchLossDeclaration(
  state: FoundObjectState,
  { data, metadata }: MatchLossDeclaration,
): [FoundObjectMatchedToLossDeclaration] {
  const object = held(state);
  if (object.lossReportIds.includes(data.lossReportId)) {
    throw new FoundObjectConflict(
      'loss_declaration_already_matched',
      `Loss declaration ${data.lossReportId} is already matched to found object ${object.foundObjectId}`,
    );
  }
  if (!isUuid(data.lossReportId))
    throw new InvalidFoundObjectCommand('invalid_id', 'The loss declaration is a report id (UUID)', 'lossReportId');
  requireText(data.declarantRef, 'declarantRef');
  return [
    {
      type: 'FoundObjectMatchedToLossDeclaration',
      data: {
        foundObjectId: object.foundObjectId,
        lossReportId: data.lossReportId,
        declarantRef: data.declarantRef,
        matchedBy: metadata.actor.staffId,
        matchedAt: toIso(metadata.now),
      },
    },
  ];
}

/** The normal ending, possible at any time while the object is held, before or after the holding period. */
export function decideReturnFoundObjectToOwner(
  state: FoundObjectState,
  { data, metadata }: ReturnFoundObjectToOwner,
): [FoundObjectReturnedToOwner] {
  const object = held(state);
  if (object.owner !== null && object.owner.ownerRef !== data.ownerRef) {
    throw new FoundObjectConflict(
      'not_the_identified_owner',
      `Found object ${object.foundObjectId} belongs to the identified owner ${object.owner.ownerRef}, not ${data.ownerRef}`,
    );
  }
  requireText(data.ownerRef, 'ownerRef');
  if (!IDENTITY_DOCUMENT_TYPES.includes(data.identityCheck.documentType)) {
    throw new InvalidFoundObjectCommand(
      'invalid_value',
      `identityCheck.documentType must be one of ${IDENTITY_DOCUMENT_TYPES.join(', ')}`,
      'identityCheck.documentType',
    );
  }
  if (data.identityCheck.holderIsOwner !== true) {
    throw new InvalidFoundObjectCommand(
      'identity_not_confirmed',
      "An object is returned only after the collector's identity was checked against the owner",
      'identityCheck.holderIsOwner',
    );
  }
  requireText(data.ownershipProof, 'ownershipProof');
  return [
    {
      type: 'FoundObjectReturnedToOwner',
      data: {
        foundObjectId: object.foundObjectId,
        ownerRef: data.ownerRef,
        identityDocumentType: data.identityCheck.documentType,
        ownershipProof: data.ownershipProof,
        returnedBy: metadata.actor.staffId,
        returnedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideHandFoundObjectToOrganisation(
  state: FoundObjectState,
  { data, metadata }: HandFoundObjectToOrganisation,
): [FoundObjectHandedToOrganisation] {
  const object = held(state);
  const { days, endedAt } = holdingPeriodOver(object, data.holdingPeriods, metadata.now, 'handed to an organisation');
  requireText(data.organisation.id, 'organisation.id');
  requireText(data.organisation.name, 'organisation.name');
  requireText(data.receiptRef, 'receiptRef');
  return [
    {
      type: 'FoundObjectHandedToOrganisation',
      data: {
        foundObjectId: object.foundObjectId,
        organisation: { id: data.organisation.id, name: data.organisation.name },
        receiptRef: data.receiptRef,
        holdingPeriodDays: days,
        holdingPeriodEndedAt: endedAt,
        handedOverBy: metadata.actor.staffId,
        handedOverAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideDestroyFoundObject(state: FoundObjectState, { data, metadata }: DestroyFoundObject): [FoundObjectDestroyed] {
  const object = held(state);
  const { days, endedAt } = holdingPeriodOver(object, data.holdingPeriods, metadata.now, 'destroyed');
  requireText(data.reason, 'reason');
  if (data.witnesses.some((w) => isBlank(w)) || hasDuplicates(data.witnesses)) {
    throw new InvalidFoundObjectCommand('invalid_value', 'Witnesses must be named once each', 'witnesses');
  }
  return [
    {
      type: 'FoundObjectDestroyed',
      data: {
        foundObjectId: object.foundObjectId,
        reason: data.reason,
        witnesses: [...data.witnesses],
        holdingPeriodDays: days,
        holdingPeriodEndedAt: endedAt,
        destroyedBy: metadata.actor.staffId,
        destroyedAt: toIso(metadata.now),
      },
    },
  ];
}

function held(state: FoundObjectState): HeldFoundObject {
  if (state.status === 'unregistered') throw new FoundObjectNotFound('No found object is registered under this id');
  if (state.status !== 'held') throw new FoundObjectClosed(state);
  return state;
}

function holdingPeriodOver(object: HeldFoundObject, periods: HoldingPeriods, now: Date, what: string): { days: number; endedAt: string } {
  const days = periods[object.category];
  if (!Number.isInteger(days) || days < 0) {
    throw new InvalidFoundObjectCommand(
      'holding_period_not_configured',
      `No holding period is configured for ${object.category}`,
      'holdingPeriods',
    );
  }
  const end = holdingPeriodEndsAt(object, periods);
  if (now.getTime() < end.getTime()) {
    throw new FoundObjectConflict(
      'holding_period_not_over',
      `Found object ${object.foundObjectId} (${object.category}) is held until ${end.toISOString()} (${days} days); it cannot be ${what} before then`,
    );
  }
  return { days, endedAt: end.toISOString() };
}

function foundObjectSource(source: FoundObjectSource): FoundObjectSource {
  if (source.kind === 'declaration') {
    if (!isUuid(source.reportId))
      throw new InvalidFoundObjectCommand('invalid_id', 'The declaration is a report id (UUID)', 'source.reportId');
    requireText(source.declarantRef, 'source.declarantRef');
    if (!isInstant(source.declaredAt)) {
      throw new InvalidFoundObjectCommand(
        'invalid_time',
        'source.declaredAt must be an RFC 3339 date-time with an offset',
        'source.declaredAt',
      );
    }
    return { kind: 'declaration', reportId: source.reportId, declarantRef: source.declarantRef, declaredAt: toIso(source.declaredAt) };
  }
  if (source.kind === 'desk') {
    optionalText(source.finderRef, 'source.finderRef');
    return { kind: 'desk', ...(source.finderRef !== undefined && { finderRef: source.finderRef }) };
  }
  throw new InvalidFoundObjectCommand('invalid_value', 'source.kind must be declaration or desk', 'source.kind');
}

function optionalText(value: string | undefined, field: string): void {
  if (value !== undefined) requireText(value, field);
}
