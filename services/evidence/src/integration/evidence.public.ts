import { PublicMessage, publicMessage } from '@police/messaging';
import type { RecordedEvent } from '@police/event-store';
import type { CustodyTransferred, Disposition, ItemCategory, ItemDisposed, ItemRegistered, LabResultReceived } from '../domain/item.events';

const CATEGORY: Record<ItemCategory, 'weapon' | 'drugs' | 'cash' | 'vehicle' | 'data_carrier' | 'document' | 'trace' | 'other'> = {
  drugs: 'drugs',
  weapon: 'weapon',
  cash: 'cash',
  phone_or_data_carrier: 'data_carrier',
  document: 'document',
  vehicle: 'vehicle',
  trace: 'trace',
  other: 'other',
};

const DISPOSITION: Record<Disposition, 'returned_to_owner' | 'destroyed' | 'confiscated' | 'deposited_at_court_registry'> = {
  return_to_owner: 'returned_to_owner',
  destruction: 'destroyed',
  confiscation: 'confiscated',
  transfer_to_court_registry: 'deposited_at_court_registry',
};

/**
 * The evidence service's only gateway from private events to public contracts: item registered,
 * custody transferred (with the chain hash of the event), lab result received, item disposed.
 * Everything else (offers, storage moves, found objects, the case directory) stays private.
 */
export function evidenceToPublic(event: RecordedEvent): PublicMessage | null {
  switch (event.type) {
    case 'ItemRegistered': {
      const d = event.data as ItemRegistered['data'];
      return publicMessage(event, 'evidence.ItemRegistered.v1', {
        itemId: d.itemId,
        labelNumber: d.labelNumber,
        ...(d.investigationId ? { investigationId: d.investigationId } : {}),
        ...(d.pvNumber ? { pvNumber: d.pvNumber } : {}),
        category: CATEGORY[d.category],
        description: d.description,
        seizedAt: d.seizedAt,
        registeredAt: d.registeredAt,
        custodian: d.custodian.id,
      });
    }
    case 'CustodyTransferred': {
      const d = event.data as CustodyTransferred['data'];
      return publicMessage(event, 'evidence.CustodyTransferred.v1', {
        itemId: d.itemId,
        fromCustodian: d.from.id,
        toCustodian: d.to.id,
        purpose: d.purpose,
        location: d.place,
        transferredAt: d.transferredAt,
        chainHash: event.hash,
      });
    }
    case 'LabResultReceived': {
      const d = event.data as LabResultReceived['data'];
      return publicMessage(event, 'evidence.LabResultReceived.v1', {
        itemId: d.itemId,
        ...(d.investigationId ? { investigationId: d.investigationId } : {}),
        laboratory: d.laboratory.name ?? d.laboratory.id,
        labReference: d.labReference,
        analysis: d.analysis,
        conclusion: d.conclusion,
        receivedAt: d.receivedAt,
      });
    }
    case 'ItemDisposed': {
      const d = event.data as ItemDisposed['data'];
      return publicMessage(event, 'evidence.ItemDisposed.v1', {
        itemId: d.itemId,
        disposition: DISPOSITION[d.disposition],
        decisionRef: d.decisionRef,
        decidedBy: d.authority,
        disposedBy: d.executedBy,
        disposedAt: d.executedAt,
      });
    }
    default:
      return null;
  }
}
