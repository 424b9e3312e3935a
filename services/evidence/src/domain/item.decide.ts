import { Actor, actsFor, Command, CommandMetadata, hasDuplicates, isBlank, isCalendarDate, isInstant, isSha256, isUuid, toIso, zoneDayOf } from './evidence.decide';
import { isInternalParty, Party, PARTY_KINDS, sameParty, StorageLocation, formatLocation } from './evidence.events';
import {
  Attachment,
  CHECK_OUT_PURPOSES,
  CheckOutPurpose,
  CustodyOffered,
  CustodyOfferDeclined,
  CustodyOfferWithdrawn,
  CustodyTransferred,
  DECISION_AUTHORITIES,
  DecisionAuthority,
  DisposalDecisionRecorded,
  Disposition,
  DISPOSITIONS,
  HANDOVER_METHODS,
  HANDOVER_PURPOSES,
  HandoverMethod,
  HandoverPurpose,
  ITEM_CATEGORIES,
  ItemCategory,
  ItemCheckedIn,
  ItemCheckedOut,
  ItemDisposed,
  ItemEvent,
  ItemRegistered,
  ItemResealed,
  ItemReturned,
  ItemSubmittedToLab,
  LAB_ANALYSES,
  LAB_CONCLUSIONS,
  LabAnalysis,
  LabConclusion,
  LabResultReceived,
  Quantity,
} from './item.events';
import { InvalidItemCommand, ItemConflict, ItemDisposedError, ItemForbidden, ItemNotFound } from './item.errors';
import { HeldItem, ItemState, OpenOffer } from './item.state';

export type RegisterItem = Command<
  'RegisterItem',
  {
    itemId: string;
    /** Allocated by the application (the evidence desk's numbering), not by the domain. */
    labelNumber: string;
    investigationId?: string;
    pvNumber?: string;
    description: string;
    category: ItemCategory;
    quantity: Quantity;
    sealNumber: string;
    packaging: string;
    condition: string;
    seizedBy: string;
    seizedAt: string;
    seizedPlace: string;
    legalBasis: string;
    attachments: readonly Attachment[];
    /** The first custodian when it is not the registering officer. */
    custodian?: Party;
  }
>;

export type ResealItem = Command<'ResealItem', { sealNumber: string; reason: string }>;

export type OfferCustody = Command<
  'OfferCustody',
  { handoverId: string; to: Party; purpose: HandoverPurpose; method: HandoverMethod; sealIntact: boolean; note?: string }
>;

export type AcceptCustody = Command<
  'AcceptCustody',
  { handoverId: string; sealNumberFound: string; sealIntact: boolean; condition: string; place: string }
>;

export type DeclineCustody = Command<'DeclineCustody', { handoverId: string; reason: string }>;

export type WithdrawCustodyOffer = Command<'WithdrawCustodyOffer', { handoverId: string; reason?: string }>;

export type CheckInItem = Command<'CheckInItem', { location: StorageLocation }>;

export type CheckOutItem = Command<
  'CheckOutItem',
  { purpose: CheckOutPurpose; takenBy: string; expectedReturnAt: string; note?: string }
>;

export type ReturnItem = Command<'ReturnItem', { location: StorageLocation }>;

/** `submissionId` is also the id of the handover to the lab. */
export type SubmitToLab = Command<
  'SubmitToLab',
  { submissionId: string; laboratory: Party; analysis: LabAnalysis; request: string; method: HandoverMethod; sealIntact: boolean }
>;

export type RecordLabResult = Command<
  'RecordLabResult',
  { submissionId: string; labReference: string; conclusion: LabConclusion; summary: string; reportSha256: string }
>;

export type RecordDisposalDecision = Command<
  'RecordDisposalDecision',
  { decisionRef: string; authority: DecisionAuthority; decisionDate: string; disposition: Disposition }
>;

/** How many witnesses a disposition needs, per item category; a category left out needs none. */
export type DisposalWitnessRules = Record<Disposition, Partial<Record<ItemCategory, number>>>;

/**
 * TO BE CONFIRMED with the parket and the zone's evidence desk (domain §5.6 is [INF]: the sources say
 * nothing about witnesses). A working assumption only: destroying drugs, weapons or cash takes one witness.
 */
export const DEFAULT_DISPOSAL_WITNESS_RULES: DisposalWitnessRules = {
  destruction: { drugs: 1, weapon: 1, cash: 1 },
  return_to_owner: {},
  confiscation: {},
  transfer_to_court_registry: {},
};

export type ExecuteDisposal = Command<
  'ExecuteDisposal',
  {
    decisionRef: string;
    /** Staff ids or references of the witnesses present. */
    witnesses: readonly string[];
    receiptRef: string;
    /** Owner or court registry that received it; required for those two dispositions. */
    handedTo?: string;
    witnessRules: DisposalWitnessRules;
  }
>;

export type ItemCommand =
  | RegisterItem
  | ResealItem
  | OfferCustody
  | AcceptCustody
  | DeclineCustody
  | WithdrawCustodyOffer
  | CheckInItem
  | CheckOutItem
  | ReturnItem
  | SubmitToLab
  | RecordLabResult
  | RecordDisposalDecision
  | ExecuteDisposal;

export function decideItem(state: ItemState, command: ItemCommand): ItemEvent[] {
  switch (command.type) {
    case 'RegisterItem':
      return decideRegisterItem(state, command);
    case 'ResealItem':
      return decideResealItem(state, command);
    case 'OfferCustody':
      return decideOfferCustody(state, command);
    case 'AcceptCustody':
      return decideAcceptCustody(state, command);
    case 'DeclineCustody':
      return decideDeclineCustody(state, command);
    case 'WithdrawCustodyOffer':
      return decideWithdrawCustodyOffer(state, command);
    case 'CheckInItem':
      return decideCheckInItem(state, command);
    case 'CheckOutItem':
      return decideCheckOutItem(state, command);
    case 'ReturnItem':
      return decideReturnItem(state, command);
    case 'SubmitToLab':
      return decideSubmitToLab(state, command);
    case 'RecordLabResult':
      return decideRecordLabResult(state, command);
    case 'RecordDisposalDecision':
      return decideRecordDisposalDecision(state, command);
    case 'ExecuteDisposal':
      return decideExecuteDisposal(state, command);
  }
}

export function decideRegisterItem(state: ItemState, { data, metadata }: RegisterItem): [ItemRegistered] {
  if (state.status === 'disposed') throw new ItemDisposedError(state);
  if (state.status === 'held') throw new ItemConflict('item_already_registered', `Item ${state.labelNumber} is already registered under this id`);

  if (!isUuid(data.itemId)) throw new InvalidItemCommand('invalid_id', 'The item id must be a UUID', 'itemId');
  requireText(data, ['labelNumber', 'description', 'sealNumber', 'packaging', 'condition', 'seizedBy', 'seizedPlace', 'legalBasis']);
  if (data.investigationId === undefined && data.pvNumber === undefined) {
    throw new InvalidItemCommand('case_reference_required', 'An item belongs to a case: give its investigation id, its PV number or both', 'investigationId');
  }
  if (data.investigationId !== undefined && !isUuid(data.investigationId)) {
    throw new InvalidItemCommand('invalid_id', 'The investigation id must be a UUID', 'investigationId');
  }
  if (data.pvNumber !== undefined && isBlank(data.pvNumber)) throw new InvalidItemCommand('required', 'The PV number may not be blank', 'pvNumber');
  requireOneOf(data.category, ITEM_CATEGORIES, 'category');
  if (!Number.isFinite(data.quantity.amount) || data.quantity.amount <= 0) {
    throw new InvalidItemCommand('invalid_quantity', 'The quantity must be a positive number', 'quantity.amount');
  }
  if (isBlank(data.quantity.unit)) throw new InvalidItemCommand('required', 'The quantity needs a unit (pieces, grams, euro…)', 'quantity.unit');
  requireInstant(data.seizedAt, 'seizedAt');
  if (Date.parse(data.seizedAt) > metadata.now.getTime()) {
    throw new InvalidItemCommand('seized_after_registration', 'An item cannot be registered before it was seized', 'seizedAt');
  }
  data.attachments.forEach((attachment, i) => {
    if (isBlank(attachment.name) || isBlank(attachment.mediaType)) {
      throw new InvalidItemCommand('invalid_attachment', 'Every attachment needs a name and a media type', `attachments[${i}]`);
    }
    if (!isSha256(attachment.sha256)) {
      throw new InvalidItemCommand('invalid_attachment', 'An attachment is referenced by its SHA-256: 64 lowercase hex digits', `attachments[${i}].sha256`);
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
  if (data.sealNumber === item.sealNumber) throw new ItemConflict('same_seal_number', `Item ${item.labelNumber} already carries seal ${item.sealNumber}`);
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
    throw new ItemForbidden('not_the_recipient', `Only ${describeParty(open.to)}, to whom handover ${open.handoverId} was offered, may accept it`);
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
    throw new ItemForbidden('not_the_recipient', `Only ${describeParty(open.to)}, to whom handover ${open.handoverId} was offered, may decline it`);
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
    throw new ItemForbidden('not_the_custodian', `Only the offerer, ${describeParty(item.custodian)}, may withdraw handover ${open.handoverId}`);
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

export function decideCheckInItem(state: ItemState, { data, metadata }: CheckInItem): [ItemCheckedIn] {
  const item = held(state);
  requireCustodianOrDesk(item, metadata.actor, 'check it in');
  requireNoOpenOffer(item, 'checked in');
  if (item.whereabouts.kind === 'checked_out') {
    throw new ItemConflict('item_checked_out', `Item ${item.labelNumber} is checked out to ${item.whereabouts.takenBy}; return it instead of checking it in`);
  }
  if (item.whereabouts.kind === 'in_storage') {
    throw new ItemConflict('item_already_in_storage', `Item ${item.labelNumber} is already in storage at ${formatLocation(item.whereabouts.location)}`);
  }
  requireInternalCustodian(item, 'checked in');
  return [
    {
      type: 'ItemCheckedIn',
      data: { itemId: item.itemId, location: storageLocation(data.location), checkedInBy: metadata.actor.staffId, checkedInAt: toIso(metadata.now) },
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
    throw new ItemForbidden('not_the_custodian', `Only the custodian, the evidence desk or ${out.takenBy}, who took item ${item.labelNumber} out, may return it`);
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

/**
 * Sending an item to a lab is a handover to the lab: the submission and the custody offer are appended
 * together, and the lab has the item (and may report on it) only once it accepts.
 */
export function decideSubmitToLab(state: ItemState, { data, metadata }: SubmitToLab): [ItemSubmittedToLab, CustodyOffered] {
  const item = held(state);
  requireCustodian(item, metadata.actor, 'send it to a lab');
  requireNoOpenOffer(item, 'sent to a lab');
  requireNotCheckedOut(item, 'sent to a lab');
  requireText(data, ['submissionId', 'request']);
  requireHandoverIdUnused(item, data.submissionId);
  requireParty(data.laboratory, 'laboratory');
  if (data.laboratory.kind !== 'lab') throw new InvalidItemCommand('not_a_laboratory', 'A lab submission goes to a party of kind lab', 'laboratory.kind');
  requireOneOf(data.analysis, LAB_ANALYSES, 'analysis');
  requireOneOf(data.method, HANDOVER_METHODS, 'method');
  requireBoolean(data.sealIntact, 'sealIntact');
  const laboratory = party(data.laboratory);
  return [
    {
      type: 'ItemSubmittedToLab',
      data: {
        itemId: item.itemId,
        submissionId: data.submissionId,
        laboratory,
        analysis: data.analysis,
        request: data.request,
        ...caseRef(item),
        submittedBy: metadata.actor.staffId,
        submittedAt: toIso(metadata.now),
      },
    },
    offer(item, data.submissionId, laboratory, 'lab_analysis', data.method, data.sealIntact, metadata),
  ];
}

export function decideRecordLabResult(state: ItemState, { data, metadata }: RecordLabResult): [LabResultReceived] {
  const item = held(state);
  const submission = Object.hasOwn(item.labSubmissions, data.submissionId) ? item.labSubmissions[data.submissionId] : undefined;
  if (!submission) throw new ItemNotFound('lab_submission_not_found', `Item ${item.labelNumber} has no lab submission ${data.submissionId}`);
  const lab = describeParty(submission.laboratory);
  switch (submission.status) {
    case 'cancelled':
      throw new ItemConflict('lab_submission_cancelled', `Lab submission ${submission.submissionId} was declined or withdrawn; ${lab} never had item ${item.labelNumber}`);
    case 'offered':
      throw new ItemConflict('lab_has_not_received_item', `${lab} has not accepted item ${item.labelNumber} yet, so it cannot report on it`);
    case 'result_received':
      throw new ItemConflict('lab_result_already_received', `The result of lab submission ${submission.submissionId} was already received`);
    case 'at_lab':
      break;
  }
  requireText(data, ['labReference', 'summary']);
  requireOneOf(data.conclusion, LAB_CONCLUSIONS, 'conclusion');
  if (!isSha256(data.reportSha256)) {
    throw new InvalidItemCommand('invalid_value', 'The report is referenced by its SHA-256: 64 lowercase hex digits', 'reportSha256');
  }
  return [
    {
      type: 'LabResultReceived',
      data: {
        itemId: item.itemId,
        submissionId: submission.submissionId,
        laboratory: submission.laboratory,
        analysis: submission.analysis,
        labReference: data.labReference,
        conclusion: data.conclusion,
        summary: data.summary,
        reportSha256: data.reportSha256,
        ...caseRef(item),
        receivedBy: metadata.actor.staffId,
        receivedAt: toIso(metadata.now),
      },
    },
  ];
}

export function decideRecordDisposalDecision(state: ItemState, { data, metadata }: RecordDisposalDecision): [DisposalDecisionRecorded] {
  const item = held(state);
  if (item.decision !== null && item.decision.decisionRef === data.decisionRef) {
    throw new ItemConflict('disposal_decision_already_recorded', `Decision ${data.decisionRef} is already recorded for item ${item.labelNumber}`);
  }
  requireText(data, ['decisionRef']);
  requireOneOf(data.authority, DECISION_AUTHORITIES, 'authority');
  if (!isCalendarDate(data.decisionDate)) throw new InvalidItemCommand('invalid_time', 'The decision date must be a calendar date (YYYY-MM-DD)', 'decisionDate');
  if (data.decisionDate > zoneDayOf(metadata.now)) {
    throw new InvalidItemCommand('decision_date_in_future', 'A decision cannot be dated after the day it is recorded', 'decisionDate');
  }
  requireOneOf(data.disposition, DISPOSITIONS, 'disposition');
  return [
    {
      type: 'DisposalDecisionRecorded',
      data: {
        itemId: item.itemId,
        decisionRef: data.decisionRef,
        authority: data.authority,
        decisionDate: data.decisionDate,
        disposition: data.disposition,
        ...(item.decision !== null && { supersedesDecisionRef: item.decision.decisionRef }),
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

const HANDED_TO_SOMEONE: readonly Disposition[] = ['return_to_owner', 'transfer_to_court_registry'];

export function decideExecuteDisposal(state: ItemState, { data, metadata }: ExecuteDisposal): [ItemDisposed] {
  const item = held(state);
  requireCustodianOrDesk(item, metadata.actor, 'dispose of it');
  const decision = item.decision;
  if (decision === null) {
    throw new ItemConflict('no_disposal_decision', `Item ${item.labelNumber} has no recorded disposal decision; record the magistrate's decision first`);
  }
  if (decision.decisionRef !== data.decisionRef) {
    throw new ItemConflict(
      'disposal_decision_mismatch',
      `The decision on record for item ${item.labelNumber} is ${decision.decisionRef} (${decision.disposition}), not ${data.decisionRef}`,
    );
  }
  requireNoOpenOffer(item, 'disposed of');
  requireNotCheckedOut(item, 'disposed of');
  requireInternalCustodian(item, 'disposed of');
  requireText(data, ['receiptRef']);
  if (data.witnesses.some((w) => isBlank(w)) || hasDuplicates(data.witnesses)) {
    throw new InvalidItemCommand('invalid_witnesses', 'Witnesses must be named once each', 'witnesses');
  }
  if (data.witnesses.includes(metadata.actor.staffId)) {
    throw new InvalidItemCommand('invalid_witnesses', 'Whoever carries out a disposal cannot also witness it', 'witnesses');
  }
  const needed = data.witnessRules[decision.disposition]?.[item.category] ?? 0;
  if (data.witnesses.length < needed) {
    throw new InvalidItemCommand(
      'witnesses_required',
      `${decision.disposition} of ${item.category} needs at least ${needed} witness${needed === 1 ? '' : 'es'}; ${data.witnesses.length} given`,
      'witnesses',
    );
  }
  if (HANDED_TO_SOMEONE.includes(decision.disposition) && data.handedTo === undefined) {
    throw new InvalidItemCommand('required', `For ${decision.disposition}, say to whom the item was handed`, 'handedTo');
  }
  if (data.handedTo !== undefined && isBlank(data.handedTo)) throw new InvalidItemCommand('required', 'handedTo may not be blank', 'handedTo');
  return [
    {
      type: 'ItemDisposed',
      data: {
        itemId: item.itemId,
        disposition: decision.disposition,
        decisionRef: decision.decisionRef,
        authority: decision.authority,
        decisionDate: decision.decisionDate,
        custodian: item.custodian,
        executedBy: metadata.actor.staffId,
        executedAt: toIso(metadata.now),
        witnesses: [...data.witnesses],
        receiptRef: data.receiptRef,
        ...(data.handedTo !== undefined && { handedTo: data.handedTo }),
        ...caseRef(item),
      },
    },
  ];
}

function offer(
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

function held(state: ItemState): HeldItem {
  if (state.status === 'unregistered') throw new ItemNotFound('item_not_found', 'No item is registered under this id');
  if (state.status === 'disposed') throw new ItemDisposedError(state);
  return state;
}

/** The open offer with this id, or why there is none: 404 for an id never used, 409 for one already settled. */
function openOffer(item: HeldItem, handoverId: string): OpenOffer {
  if (item.openOffer !== null && item.openOffer.handoverId === handoverId) return item.openOffer;
  if (Object.hasOwn(item.closedHandovers, handoverId)) {
    const outcome = item.closedHandovers[handoverId];
    throw new ItemConflict(`handover_already_${outcome}`, `Handover ${handoverId} of item ${item.labelNumber} was already ${outcome}`);
  }
  throw new ItemNotFound('handover_not_found', `Item ${item.labelNumber} has no handover ${handoverId}`);
}

function requireHandoverIdUnused(item: HeldItem, handoverId: string): void {
  if (Object.hasOwn(item.closedHandovers, handoverId)) {
    throw new ItemConflict('handover_id_in_use', `Handover id ${handoverId} was already used for item ${item.labelNumber}`);
  }
}

function requireCustodian(item: HeldItem, actor: Actor, action: string): void {
  if (!actsFor(actor, item.custodian)) {
    throw new ItemForbidden('not_the_custodian', `Only the current custodian of item ${item.labelNumber}, ${describeParty(item.custodian)}, may ${action}`);
  }
}

function requireCustodianOrDesk(item: HeldItem, actor: Actor, action: string): void {
  if (!actsFor(actor, item.custodian) && !actor.evidenceDesk) {
    throw new ItemForbidden(
      'not_the_custodian',
      `Only the current custodian of item ${item.labelNumber}, ${describeParty(item.custodian)}, or the evidence desk may ${action}`,
    );
  }
}

function requireNoOpenOffer(item: HeldItem, what: string): void {
  if (item.openOffer !== null) {
    throw new ItemConflict(
      'custody_offer_open',
      `Item ${item.labelNumber} is offered to ${describeParty(item.openOffer.to)} (handover ${item.openOffer.handoverId}); it cannot be ${what} until that offer is accepted, declined or withdrawn`,
    );
  }
}

function requireNotCheckedOut(item: HeldItem, what: string): void {
  if (item.whereabouts.kind === 'checked_out') {
    throw new ItemConflict('item_checked_out', `Item ${item.labelNumber} is checked out to ${item.whereabouts.takenBy}; it cannot be ${what} until it is returned`);
  }
}

function requireInternalCustodian(item: HeldItem, what: string): void {
  if (!isInternalParty(item.custodian)) {
    throw new ItemConflict(
      'custodian_is_external',
      `Item ${item.labelNumber} is with ${describeParty(item.custodian)}; it must be handed back before it can be ${what}`,
    );
  }
}

function requireText<T extends object>(data: T, fields: (keyof T & string)[]): void {
  for (const field of fields) {
    const value = data[field];
    if (typeof value !== 'string' || isBlank(value)) throw new InvalidItemCommand('required', `${field} is required`, field);
  }
}

function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): void {
  if (!allowed.includes(value)) throw new InvalidItemCommand('invalid_value', `${field} must be one of ${allowed.join(', ')}`, field);
}

function requireBoolean(value: boolean, field: string): void {
  if (typeof value !== 'boolean') throw new InvalidItemCommand('invalid_value', `${field} must be true or false`, field);
}

function requireInstant(value: string, field: string): void {
  if (typeof value !== 'string' || !isInstant(value)) {
    throw new InvalidItemCommand('invalid_time', `${field} must be an RFC 3339 date-time with an offset`, field);
  }
}

function requireParty(value: Party, field: string): void {
  requireOneOf(value.kind, PARTY_KINDS, `${field}.kind`);
  if (isBlank(value.id)) throw new InvalidItemCommand('required', `${field}.id is required`, `${field}.id`);
  if (value.name !== undefined && isBlank(value.name)) throw new InvalidItemCommand('required', `${field}.name may not be blank`, `${field}.name`);
}

function party({ kind, id, name }: Party): Party {
  return { kind, id, ...(name !== undefined && { name }) };
}

function storageLocation({ room, locker, shelf }: StorageLocation): StorageLocation {
  if (isBlank(room)) throw new InvalidItemCommand('required', 'A storage location needs a room', 'location.room');
  if (locker !== undefined && isBlank(locker)) throw new InvalidItemCommand('required', 'location.locker may not be blank', 'location.locker');
  if (shelf !== undefined && isBlank(shelf)) throw new InvalidItemCommand('required', 'location.shelf may not be blank', 'location.shelf');
  return { room, ...(locker !== undefined && { locker }), ...(shelf !== undefined && { shelf }) };
}

function caseRef(item: HeldItem): { investigationId?: string; pvNumber?: string } {
  return {
    ...(item.investigationId !== undefined && { investigationId: item.investigationId }),
    ...(item.pvNumber !== undefined && { pvNumber: item.pvNumber }),
  };
}

export function describeParty(p: Party): string {
  return `${p.kind.replaceAll('_', ' ')} ${p.name ?? p.id}`;
}
