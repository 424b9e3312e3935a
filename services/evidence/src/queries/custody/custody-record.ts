import { RecordedEvent } from '@police/event-store';
import { describeParty } from '../../domain/item.decide';
import { formatLocation, Party, StorageLocation } from '../../domain/evidence.events';

/** One line of an item's custody record: who did what, when, where and why, with its place in the hash chain. */
export interface CustodyEntry {
  version: number;
  type: string;
  actor: string;
  occurredAt: string;
  recordedAt: string;
  place?: string;
  purpose?: string;
  summary: string;
  prevHash: string;
  hash: string;
}

type AnyData = Record<string, unknown> & { from?: Party; to?: Party; location?: StorageLocation };

export function custodyEntry(e: RecordedEvent): CustodyEntry {
  const d = e.data as AnyData;
  const place =
    typeof d.seizedPlace === 'string' ? d.seizedPlace : typeof d.place === 'string' ? d.place : d.location ? formatLocation(d.location) : undefined;
  const purpose = typeof d.purpose === 'string' ? d.purpose : typeof d.disposition === 'string' ? d.disposition : undefined;
  return {
    version: e.streamVersion,
    type: e.type,
    actor: e.metadata.actor,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.recordedAt,
    ...(place ? { place } : {}),
    ...(purpose ? { purpose } : {}),
    summary: summarise(e.type, d),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function summarise(type: string, d: AnyData): string {
  switch (type) {
    case 'ItemRegistered':
      return `Registered ${String(d.labelNumber)} (${String(d.category)}), seal ${String(d.sealNumber)}, seized by ${String(d.seizedBy)}`;
    case 'CustodyOffered':
      return `Offered by ${describeParty(d.from!)} to ${describeParty(d.to!)} (${String(d.method)}), seal ${d.sealIntact ? 'intact' : 'NOT intact'}`;
    case 'CustodyTransferred':
      return `Custody passed from ${describeParty(d.from!)} to ${describeParty(d.to!)}; seal found ${String(d.sealNumberFound)}${d.sealMismatch ? ' (MISMATCH)' : ''}, condition: ${String(d.conditionFound)}`;
    case 'CustodyOfferDeclined':
      return `Offer declined by ${describeParty(d.to!)}: ${String(d.reason)}`;
    case 'CustodyOfferWithdrawn':
      return `Offer withdrawn by ${describeParty(d.from!)}`;
    case 'ItemCheckedIn':
      return `Checked in at ${formatLocation(d.location!)}`;
    case 'ItemCheckedOut':
      return `Checked out for ${String(d.purpose)} by ${String(d.takenBy)}, due back ${String(d.expectedReturnAt)}`;
    case 'ItemReturned':
      return `Returned to ${formatLocation(d.location!)}${d.late ? ' (late)' : ''}`;
    case 'ItemResealed':
      return `Resealed: ${String(d.previousSealNumber)} → ${String(d.sealNumber)} (${String(d.reason)})`;
    case 'ItemSubmittedToLab':
      return `Submitted to ${describeParty(d.laboratory as Party)} for ${String(d.analysis)}`;
    case 'LabResultReceived':
      return `Lab result ${String(d.labReference)}: ${String(d.conclusion)}`;
    case 'DisposalDecisionRecorded':
      return `Decision ${String(d.decisionRef)} (${String(d.authority)}, ${String(d.decisionDate)}): ${String(d.disposition)}`;
    case 'ItemDisposed':
      return `Disposed (${String(d.disposition)}) on decision ${String(d.decisionRef)}, receipt ${String(d.receiptRef)}`;
    default:
      return type;
  }
}
