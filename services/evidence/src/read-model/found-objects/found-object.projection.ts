import { erasureMarker, Projection, RecordedEvent } from '@police/event-store';
import { RetentionRecordErased } from '@police/retention';
import { FoundObjectEvent } from '../../domain/found-object.events';
import { evolveFoundObject, initialFoundObjectState } from '../../domain/found-object.state';
import { LossDeclarationRecorded } from '../../domain/loss-declaration.events';
import { FoundObjectRow, LossDeclarationRow } from './found-object.read-model';

const FOUND_OBJECT_EVENT_TYPES = [
  'FoundObjectRegistered',
  'OwnerSearchStarted',
  'OwnerIdentified',
  'FoundObjectMatchedToLossDeclaration',
  'FoundObjectReturnedToOwner',
  'FoundObjectHandedToOrganisation',
  'FoundObjectDestroyed',
] as const satisfies readonly FoundObjectEvent['type'][];

/** The retention erasure of a found object (ADR 0055): its key is gone, so is what the row keeps about people. */
function erasedFoundObject(row: FoundObjectRow, e: RecordedEvent): FoundObjectRow {
  const d = e.data as RetentionRecordErased['data'];
  const marker = erasureMarker(d.keyId, { keyId: d.keyId, by: d.erasedBy, at: d.erasedAt, decision: d.decision }).text;
  if (row.state.status === 'unregistered') return row;
  const state = {
    ...row.state,
    description: marker,
    owner: row.state.owner && { ...row.state.owner, ownerRef: marker },
    ownerSearch: row.state.ownerSearch && { ...row.state.ownerSearch, method: marker },
    erased: marker,
  };
  return { ...row, description: marker, state };
}

const isFoundObjectErasure = (e: RecordedEvent) =>
  e.type === 'RetentionRecordErased' && (e.data as RetentionRecordErased['data']).dataClass.startsWith('found-object-');

export const foundObjectsProjection: Projection<FoundObjectRow> = {
  name: 'evidence-found-objects',
  entity: FoundObjectRow,
  handles: [...FOUND_OBJECT_EVENT_TYPES, 'RetentionRecordErased'],
  keys: (e) =>
    e.type === 'RetentionRecordErased'
      ? isFoundObjectErasure(e)
        ? [(e.data as RetentionRecordErased['data']).recordId]
        : []
      : [(e.data as { foundObjectId: string }).foundObjectId],
  evolve: (row, e) => {
    if (e.type === 'RetentionRecordErased') return row && erasedFoundObject(row, e);
    const evolved = evolveFoundObject(row?.state ?? initialFoundObjectState(), { type: e.type, data: e.data } as FoundObjectEvent);
    if (evolved.status === 'unregistered') return null;
    // Read after the erasure (a rebuild): the sealed fields already read as the marker; the row says it is erased.
    const state = e.erased && !evolved.erased ? { ...evolved, erased: e.erased.text } : evolved;
    return {
      id: state.foundObjectId,
      category: state.category,
      description: state.description,
      status: state.status,
      foundOn: state.foundOn,
      registeredAt: new Date(state.registeredAt),
      version: e.streamVersion,
      state,
    };
  },
};

export const lossDeclarationsProjection: Projection<LossDeclarationRow> = {
  name: 'evidence-loss-declarations',
  entity: LossDeclarationRow,
  handles: ['LossDeclarationRecorded'],
  keys: (e) => [(e.data as { reportId: string }).reportId],
  evolve: (_row, e) => {
    const d = e.data as LossDeclarationRecorded['data'];
    return {
      reportId: d.reportId,
      category: d.category,
      description: d.description,
      municipality: d.place.municipality,
      lostOn: d.lostOn,
      declarantRef: d.declarantRef,
      declaredAt: new Date(d.declaredAt),
    };
  },
};
