import { isSha256, toIso } from './evidence.decide';
import { RecordLabResult, SubmitToLab } from './item.commands';
import { InvalidItemCommand, ItemConflict, ItemNotFound } from './item.errors';
import { CustodyOffered, HANDOVER_METHODS, ItemSubmittedToLab, LAB_ANALYSES, LAB_CONCLUSIONS, LabResultReceived } from './item.events';
import {
  caseRef,
  describeParty,
  held,
  offer,
  party,
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

// The lab: a submission is a handover to the lab, and its result comes back on the item.

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
  if (data.laboratory.kind !== 'lab')
    throw new InvalidItemCommand('not_a_laboratory', 'A lab submission goes to a party of kind lab', 'laboratory.kind');
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
  if (!submission)
    throw new ItemNotFound('lab_submission_not_found', `Item ${item.labelNumber} has no lab submission ${data.submissionId}`);
  const lab = describeParty(submission.laboratory);
  switch (submission.status) {
    case 'cancelled':
      throw new ItemConflict(
        'lab_submission_cancelled',
        `Lab submission ${submission.submissionId} was declined or withdrawn; ${lab} never had item ${item.labelNumber}`,
      );
    case 'offered':
      throw new ItemConflict(
        'lab_has_not_received_item',
        `${lab} has not accepted item ${item.labelNumber} yet, so it cannot report on it`,
      );
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
