import type { DomainEvent } from '@police/event-store/domain';

// The DPO's register of data-subject requests (LED art. 14–17; ADR 0056), in the DPO's compartment of integrity.

/** Who the request is about, as the DPO searched for them. */
export interface DataSubject {
  name?: string;
  personId?: string;
  staffId?: string;
}

/** A record the DPO decided on: which service holds it, its type and id. */
export interface RecordRef {
  service: string;
  type: string;
  id: string;
}

/** A record left out of the requester's report, and why. */
export interface WithheldRecord extends RecordRef {
  reason: string;
  legalBasis: string;
}

export type DataSubjectRequestReceived = DomainEvent<
  'DataSubjectRequestReceived',
  {
    requestId: string;
    /** access | restriction | erasure (LED art. 14 and 16). */
    kind: DataSubjectRequestKind;
    subject: DataSubject;
    receivedOn: string;
    /** How the requester's identity was established (e.g. identity card shown at the desk). */
    identityCheck: string;
    recordedBy: string;
    recordedAt: string;
  }
>;

/** The DPO's decision: what goes into the requester's report, what is withheld and on what ground. */
export type DataSubjectRequestDecided = DomainEvent<
  'DataSubjectRequestDecided',
  {
    requestId: string;
    disclosed: RecordRef[];
    withheld: WithheldRecord[];
    /** The records whose processing the DPO restricted under this request (each recorded by its own service). */
    restricted: RecordRef[];
    /** The records whose data the DPO erased under this request (each recorded by its own service; ADR 0065). Absent before. */
    erased?: RecordRef[];
    note?: string;
    decidedBy: string;
    decidedAt: string;
  }
>;

export type DataSubjectRequestEvent = DataSubjectRequestReceived | DataSubjectRequestDecided;

export type DataSubjectRequestKind = 'access' | 'restriction' | 'erasure';
export const DATA_SUBJECT_REQUEST_KINDS: readonly DataSubjectRequestKind[] = ['access', 'restriction', 'erasure'];

export const DATA_SUBJECT_REQUEST_EVENT_TYPES = [
  'DataSubjectRequestReceived',
  'DataSubjectRequestDecided',
] as const satisfies readonly DataSubjectRequestEvent['type'][];
