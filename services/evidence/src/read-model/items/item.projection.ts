import { Projection, RecordedEvent } from '@police/event-store';
import { formatLocation } from '../../domain/evidence.events';
import { ItemEvent } from '../../domain/item.events';
import { evolveItem, initialItemState, ItemState } from '../../domain/item.state';
import { CASE_EVENT_TYPES, CaseDirectoryEvent } from '../../domain/case-directory.events';
import { CaseRow, ItemRow } from './item.read-model';

const ITEM_EVENT_TYPES = [
  'ItemRegistered',
  'ItemResealed',
  'CustodyOffered',
  'CustodyOfferDeclined',
  'CustodyOfferWithdrawn',
  'CustodyTransferred',
  'ItemCheckedIn',
  'ItemCheckedOut',
  'ItemReturned',
  'ItemSubmittedToLab',
  'LabResultReceived',
  'DisposalDecisionRecorded',
  'ItemDisposed',
] as const satisfies readonly ItemEvent['type'][];

/** The row of an item, derived from its folded domain state. */
export function itemRow(state: ItemState, version: number, seizedBy: string): ItemRow | null {
  if (state.status === 'unregistered') return null;
  const registered = state.custodyChain[0];
  const whereabouts = state.status === 'held' ? state.whereabouts : null;
  return {
    id: state.itemId,
    labelNumber: state.labelNumber,
    investigationId: state.investigationId ?? null,
    pvNumber: state.pvNumber ?? null,
    category: state.category,
    description: state.description,
    status: state.status,
    whereabouts: whereabouts?.kind ?? null,
    custodianKind: state.custodian.kind,
    custodianId: state.custodian.id,
    location:
      whereabouts?.kind === 'in_storage'
        ? formatLocation(whereabouts.location)
        : whereabouts?.kind === 'checked_out'
          ? formatLocation(whereabouts.from)
          : null,
    expectedReturnAt: whereabouts?.kind === 'checked_out' ? new Date(whereabouts.expectedReturnAt) : null,
    seizedBy,
    registeredAt: new Date(registered.since),
    version,
    state,
  };
}

export const itemsProjection: Projection<ItemRow> = {
  name: 'evidence-items',
  entity: ItemRow,
  handles: ITEM_EVENT_TYPES,
  keys: (e) => [(e.data as { itemId: string }).itemId],
  evolve: (row, e: RecordedEvent) => {
    const seizedBy = e.type === 'ItemRegistered' ? (e.data as { seizedBy: string }).seizedBy : (row?.seizedBy ?? '');
    return itemRow(evolveItem(row?.state ?? initialItemState(), { type: e.type, data: e.data } as ItemEvent), e.streamVersion, seizedBy);
  },
};

export const caseDirectoryProjection: Projection<CaseRow> = {
  name: 'evidence-case-directory',
  entity: CaseRow,
  handles: CASE_EVENT_TYPES,
  keys: (e) => [(e.data as { investigationId: string }).investigationId],
  evolve: (row, e) => {
    const event = { type: e.type, data: e.data } as CaseDirectoryEvent;
    switch (event.type) {
      case 'CaseReferenced':
        return {
          investigationId: event.data.investigationId,
          caseNumber: event.data.caseNumber ?? null,
          team: event.data.team,
          leadInvestigator: row?.leadInvestigator ?? null,
          status: 'open',
        };
      case 'CaseAssigned':
        return {
          investigationId: event.data.investigationId,
          caseNumber: row?.caseNumber ?? null,
          team: event.data.team,
          leadInvestigator: event.data.leadInvestigator ?? null,
          status: row?.status ?? 'open',
        };
      case 'CaseClosed':
        return row && { ...row, status: 'closed' };
      case 'CaseReopened':
        return row && { ...row, status: 'open' };
    }
  },
};
