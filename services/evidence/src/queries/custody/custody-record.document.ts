import { RecordedEvent } from '@police/event-store';
import { describeParty } from '../../domain/item.decide';
import { formatLocation, Party, StorageLocation } from '../../domain/evidence.events';
import {
  Attachment,
  CustodyTransferred,
  HandoverMethod,
  HandoverPurpose,
  ItemCategory,
  ItemRegistered,
  Quantity,
} from '../../domain/item.events';

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
  /** The parties of a handover (offer, acceptance, refusal, withdrawal) or of a lab submission. */
  parties?: { from?: Party; to?: Party };
  /** Both sides of a handover: who offered, who accepted (or declined), and the seal the receiver found. */
  handover?: HandoverFacts;
  /** What was recorded at registration (the first entry only). */
  registration?: RegistrationFacts;
  prevHash: string;
  hash: string;
}

export interface HandoverFacts {
  handoverId: string;
  purpose?: HandoverPurpose;
  method?: HandoverMethod;
  offeredBy?: string;
  offeredAt?: string;
  acceptedBy?: string;
  transferredAt?: string;
  declinedBy?: string;
  withdrawnBy?: string;
  reason?: string;
  sealNumberExpected?: string;
  sealNumberFound?: string;
  /** Declared by the offerer (on an offer) or found by the receiver (on an acceptance). */
  sealIntact?: boolean;
  sealMismatch?: boolean;
  conditionFound?: string;
}

export interface RegistrationFacts {
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
  attachments: Attachment[];
  custodian: Party;
}

type AnyData = Record<string, unknown> & { from?: Party; to?: Party; location?: StorageLocation };

export function custodyEntry(e: RecordedEvent): CustodyEntry {
  const d = e.data as AnyData;
  const place =
    typeof d.seizedPlace === 'string'
      ? d.seizedPlace
      : typeof d.place === 'string'
        ? d.place
        : d.location
          ? formatLocation(d.location)
          : undefined;
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
    ...structured(e.type, d),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function structured(type: string, d: AnyData): Pick<CustodyEntry, 'parties' | 'handover' | 'registration'> {
  const parties = d.from || d.to ? { parties: { ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}) } } : {};
  const text = (k: string) => (typeof d[k] === 'string' ? { [k]: d[k] as string } : {});
  const flag = (k: string) => (typeof d[k] === 'boolean' ? { [k]: d[k] as boolean } : {});
  switch (type) {
    case 'ItemRegistered': {
      const r = d as unknown as ItemRegistered['data'];
      const {
        description,
        category,
        quantity,
        sealNumber,
        packaging,
        condition,
        seizedBy,
        seizedAt,
        seizedPlace,
        legalBasis,
        attachments,
        custodian,
      } = r;
      return {
        registration: {
          description,
          category,
          quantity,
          sealNumber,
          packaging,
          condition,
          seizedBy,
          seizedAt,
          seizedPlace,
          legalBasis,
          attachments,
          custodian,
        },
      };
    }
    case 'CustodyOffered':
      return {
        ...parties,
        handover: {
          handoverId: String(d.handoverId),
          ...text('purpose'),
          ...text('method'),
          ...text('offeredBy'),
          ...text('offeredAt'),
          sealNumberExpected: String(d.sealNumber),
          ...flag('sealIntact'),
        } as HandoverFacts,
      };
    case 'CustodyTransferred': {
      const t = d as unknown as CustodyTransferred['data'];
      const {
        handoverId,
        purpose,
        method,
        offeredBy,
        offeredAt,
        acceptedBy,
        transferredAt,
        sealNumberExpected,
        sealNumberFound,
        sealIntact,
        sealMismatch,
        conditionFound,
      } = t;
      return {
        ...parties,
        handover: {
          handoverId,
          purpose,
          method,
          offeredBy,
          offeredAt,
          acceptedBy,
          transferredAt,
          sealNumberExpected,
          sealNumberFound,
          sealIntact,
          sealMismatch,
          conditionFound,
        },
      };
    }
    case 'CustodyOfferDeclined':
    case 'CustodyOfferWithdrawn':
      return {
        ...parties,
        handover: { handoverId: String(d.handoverId), ...text('declinedBy'), ...text('withdrawnBy'), ...text('reason') } as HandoverFacts,
      };
    case 'ItemSubmittedToLab':
    case 'LabResultReceived':
      return d.laboratory ? { parties: { to: d.laboratory as Party } } : {};
    default:
      return {};
  }
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
