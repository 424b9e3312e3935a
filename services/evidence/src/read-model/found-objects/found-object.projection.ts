import { Projection } from '@police/event-store';
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

export const foundObjectsProjection: Projection<FoundObjectRow> = {
  name: 'evidence-found-objects',
  entity: FoundObjectRow,
  handles: FOUND_OBJECT_EVENT_TYPES,
  keys: (e) => [(e.data as { foundObjectId: string }).foundObjectId],
  evolve: (row, e) => {
    const state = evolveFoundObject(row?.state ?? initialFoundObjectState(), { type: e.type, data: e.data } as FoundObjectEvent);
    if (state.status === 'unregistered') return null;
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
