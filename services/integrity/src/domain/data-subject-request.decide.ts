import { inputRules } from '@police/event-store/domain';
import {
  DATA_SUBJECT_REQUEST_KINDS,
  DataSubject,
  DataSubjectRequestDecided,
  DataSubjectRequestEvent,
  DataSubjectRequestKind,
  DataSubjectRequestReceived,
  RecordRef,
  WithheldRecord,
} from './data-subject-request.events';
import { DataSubjectRequestConflict, DataSubjectRequestNotFound, InvalidDataSubjectRequest } from './data-subject-request.errors';
import { Command, hasDuplicates, toIso } from './integrity.decide';

const { requireUuid, requireNonBlank, requirePastDate, requireOneOf } = inputRules(InvalidDataSubjectRequest);

export type DataSubjectRequestState =
  { status: 'none' } | { status: 'received' | 'decided'; requestId: string; kind: DataSubjectRequestKind; receivedOn: string };

export const initialDataSubjectRequestState = (): DataSubjectRequestState => ({ status: 'none' });

export function evolveDataSubjectRequest(state: DataSubjectRequestState, event: DataSubjectRequestEvent): DataSubjectRequestState {
  switch (event.type) {
    case 'DataSubjectRequestReceived':
      if (state.status !== 'none') return state;
      return { status: 'received', requestId: event.data.requestId, kind: event.data.kind, receivedOn: event.data.receivedOn };
    case 'DataSubjectRequestDecided':
      return state.status === 'none' ? state : { ...state, status: 'decided' };
  }
}

export type ReceiveDataSubjectRequest = Command<
  'ReceiveDataSubjectRequest',
  { requestId: string; kind: DataSubjectRequestKind; subject: DataSubject; receivedOn: string; identityCheck: string }
>;
export type DecideDataSubjectRequest = Command<
  'DecideDataSubjectRequest',
  {
    disclosed: readonly RecordRef[];
    withheld: readonly WithheldRecord[];
    restricted: readonly RecordRef[];
    erased?: readonly RecordRef[];
    note?: string;
  }
>;
export type DataSubjectRequestCommand = ReceiveDataSubjectRequest | DecideDataSubjectRequest;

export function decideDataSubjectRequest(state: DataSubjectRequestState, command: DataSubjectRequestCommand): DataSubjectRequestEvent[] {
  switch (command.type) {
    case 'ReceiveDataSubjectRequest':
      return decideReceive(state, command);
    case 'DecideDataSubjectRequest':
      return decideDecision(state, command);
  }
}

function decideReceive(state: DataSubjectRequestState, { data, metadata }: ReceiveDataSubjectRequest): [DataSubjectRequestReceived] {
  if (state.status !== 'none')
    throw new DataSubjectRequestConflict('id_in_use', 'A data-subject request is already recorded under this id');
  requireUuid(data.requestId, 'requestId');
  requireOneOf(data.kind, DATA_SUBJECT_REQUEST_KINDS, 'kind');
  requirePastDate(data.receivedOn, 'receivedOn', metadata);
  requireNonBlank(data.identityCheck, 'identityCheck');
  const subject: DataSubject = {
    ...(data.subject.name?.trim() && { name: data.subject.name.trim() }),
    ...(data.subject.personId?.trim() && { personId: data.subject.personId.trim() }),
    ...(data.subject.staffId?.trim() && { staffId: data.subject.staffId.trim() }),
  };
  if (Object.keys(subject).length === 0)
    throw new InvalidDataSubjectRequest('required', 'Name the person: name, personId or staffId', 'subject.name');
  return [
    {
      type: 'DataSubjectRequestReceived',
      data: {
        requestId: data.requestId,
        kind: data.kind,
        subject,
        receivedOn: data.receivedOn,
        identityCheck: data.identityCheck,
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

function decideDecision(state: DataSubjectRequestState, { data, metadata }: DecideDataSubjectRequest): [DataSubjectRequestDecided] {
  if (state.status === 'none')
    throw new DataSubjectRequestNotFound('data_subject_request_not_found', 'No data-subject request under this id');
  if (state.status === 'decided') throw new DataSubjectRequestConflict('already_decided', 'The request was decided already');
  const key = (r: RecordRef) => `${r.service}/${r.type}/${r.id}`;
  const all = [...data.disclosed, ...data.withheld];
  if (hasDuplicates(all.map(key)))
    throw new InvalidDataSubjectRequest('invalid_value', 'A record is both disclosed and withheld, or named twice', 'withheld');
  data.withheld.forEach((w, i) => {
    requireNonBlank(w.reason, `withheld[${i}].reason`);
    requireNonBlank(w.legalBasis, `withheld[${i}].legalBasis`);
  });
  return [
    {
      type: 'DataSubjectRequestDecided',
      data: {
        requestId: state.requestId,
        disclosed: data.disclosed.map(({ service, type, id }) => ({ service, type, id })),
        withheld: data.withheld.map(({ service, type, id, reason, legalBasis }) => ({ service, type, id, reason, legalBasis })),
        restricted: data.restricted.map(({ service, type, id }) => ({ service, type, id })),
        ...(data.erased?.length && { erased: data.erased.map(({ service, type, id }) => ({ service, type, id })) }),
        ...(data.note?.trim() && { note: data.note.trim() }),
        decidedBy: metadata.actor.staffId,
        decidedAt: toIso(metadata.now),
      },
    },
  ];
}
