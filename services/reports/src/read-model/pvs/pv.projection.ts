import { Projection } from '@police/event-store';
import { PvEvent } from '../../domain/pv.events';
import { evolvePv, initialPvState, PvState } from '../../domain/pv.state';
import { PV_EVENT_TYPES } from '../reports/report.projection';
import { PvRow } from './pv.read-model';

export function pvRow(state: PvState, version: number): PvRow | null {
  if (state.status === 'none') return null;
  return {
    id: state.pvId,
    reportId: state.reportId,
    status: state.status,
    author: state.author,
    destination: state.destination,
    pvNumber: state.pvNumber,
    supplementsPvId: state.supplements?.pvId ?? null,
    submittedAt: state.submittedAt ? new Date(state.submittedAt) : null,
    approvedAt: state.approvedAt ? new Date(state.approvedAt) : null,
    transmittedAt: state.transmittedAt ? new Date(state.transmittedAt) : null,
    version,
    state,
  };
}

export const pvsProjection: Projection<PvRow> = {
  name: 'reports-pvs',
  entity: PvRow,
  handles: PV_EVENT_TYPES,
  keys: (e) => [(e.data as { pvId: string }).pvId],
  evolve: (row, e) => pvRow(evolvePv(row?.state ?? initialPvState(), { type: e.type, data: e.data } as PvEvent), e.streamVersion),
};
