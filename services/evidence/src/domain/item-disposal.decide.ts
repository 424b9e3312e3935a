import { hasDuplicates, isBlank, isCalendarDate, toIso, zoneDayOf } from './evidence.decide';
import { ExecuteDisposal, RecordDisposalDecision } from './item.commands';
import { InvalidItemCommand, ItemConflict } from './item.errors';
import { DECISION_AUTHORITIES, DisposalDecisionRecorded, Disposition, DISPOSITIONS, ItemDisposed } from './item.events';
import {
  caseRef,
  held,
  requireCustodianOrDesk,
  requireInternalCustodian,
  requireNoOpenOffer,
  requireNotCheckedOut,
  requireOneOf,
  requireText,
} from './item.guards';
import { ItemState } from './item.state';

// The end of an item: the magistrate's disposal decision, then its execution.

export function decideRecordDisposalDecision(state: ItemState, { data, metadata }: RecordDisposalDecision): [DisposalDecisionRecorded] {
  const item = held(state);
  if (item.decision !== null && item.decision.decisionRef === data.decisionRef) {
    throw new ItemConflict(
      'disposal_decision_already_recorded',
      `Decision ${data.decisionRef} is already recorded for item ${item.labelNumber}`,
    );
  }
  requireText(data, ['decisionRef']);
  requireOneOf(data.authority, DECISION_AUTHORITIES, 'authority');
  if (!isCalendarDate(data.decisionDate))
    throw new InvalidItemCommand('invalid_time', 'The decision date must be a calendar date (YYYY-MM-DD)', 'decisionDate');
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
    throw new ItemConflict(
      'no_disposal_decision',
      `Item ${item.labelNumber} has no recorded disposal decision; record the magistrate's decision first`,
    );
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
  if (data.handedTo !== undefined && isBlank(data.handedTo))
    throw new InvalidItemCommand('required', 'handedTo may not be blank', 'handedTo');
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
