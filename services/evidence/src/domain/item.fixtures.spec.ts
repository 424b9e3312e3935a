// Not a suite: actors, parties and events shared by the item specs.
import { Actor, CommandMetadata } from './evidence.decide';
import { Party, StorageLocation } from './evidence.events';
import { RegisterItem } from './item.decide';
import {
  CustodyOffered,
  CustodyTransferred,
  DisposalDecisionRecorded,
  ItemCheckedIn,
  ItemCheckedOut,
  ItemRegistered,
  ItemSubmittedToLab,
} from './item.events';
import { evolveItem, initialItemState } from './item.state';
import { specFor } from '@police/event-store/given-when-then';

export const item = specFor({ initialState: initialItemState, evolve: evolveItem });

export const ITEM_ID = 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b';
export const INVESTIGATION_ID = 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b';
export const PV_NUMBER = 'GE.55.L5.012345/2025';
export const LABEL = 'PACOS-2025-000871';
export const SEAL = 'SEAL-0091127';
export const PHOTO_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
export const REPORT_SHA = '9f2b5c1d4e7a8b3c6d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e';

/** The seizing detective. */
export const DETECTIVE: Actor = { staffId: 'staff-3141' };
export const DETECTIVE_PARTY: Party = { kind: 'officer', id: 'staff-3141' };
/** A second detective of the team. */
export const COLLEAGUE: Actor = { staffId: 'staff-1414' };
export const COLLEAGUE_PARTY: Party = { kind: 'officer', id: 'staff-1414', name: 'INP De Smet' };
export const STORAGE_ROOM: Party = { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' };
/** An evidence officer: acts for the storage room and as the evidence desk. */
export const DESK: Actor = { staffId: 'staff-2718', actingFor: { kind: 'storage_room', id: 'apg-0.14' }, evidenceDesk: true };
/** An evidence officer at the desk who is not acting for the storage room. */
export const DESK_ONLY: Actor = { staffId: 'staff-2719', evidenceDesk: true };
export const LAB: Party = { kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' };
export const LAB_LIAISON: Actor = { staffId: 'staff-1618', actingFor: { kind: 'lab', id: 'fpl-ltwp' } };
export const COURT_REGISTRY: Party = { kind: 'court_registry', id: 'griffie-gent', name: 'Griffie rechtbank Gent' };
export const STRANGER: Actor = { staffId: 'staff-9999' };

export const LOCKER_3: StorageLocation = { room: 'APG 0.14', locker: '3', shelf: 'B' };
export const LOCKER_5: StorageLocation = { room: 'APG 0.14', locker: '5' };

export const at = (actor: Actor, iso: string): CommandMetadata => ({ actor, now: new Date(iso) });

export function registerCommand(
  data: Partial<RegisterItem['data']> = {},
  metadata = at(DETECTIVE, '2025-03-16T11:30:00.000Z'),
): RegisterItem {
  return {
    type: 'RegisterItem',
    data: {
      itemId: ITEM_ID,
      labelNumber: LABEL,
      investigationId: INVESTIGATION_ID,
      pvNumber: PV_NUMBER,
      description: 'Pistool Glock 17, serienummer weggevijld',
      category: 'weapon',
      quantity: { amount: 1, unit: 'piece' },
      sealNumber: SEAL,
      packaging: 'Wapenkoffer, verzegeld',
      condition: 'Ongeladen, lichte krassen op de slede',
      seizedBy: 'staff-3141',
      seizedAt: '2025-03-16T10:05:00+01:00',
      seizedPlace: 'Gent, Korenmarkt 1, woning 2e verdieping',
      legalBasis: 'Art. 35 Sv. (beslag bij betrapping op heterdaad)',
      attachments: [{ name: 'foto-beslag-1.jpg', sha256: PHOTO_SHA, mediaType: 'image/jpeg' }],
      ...data,
    },
    metadata,
  };
}

export function registered(data: Partial<ItemRegistered['data']> = {}): ItemRegistered {
  return {
    type: 'ItemRegistered',
    data: {
      itemId: ITEM_ID,
      labelNumber: LABEL,
      investigationId: INVESTIGATION_ID,
      pvNumber: PV_NUMBER,
      description: 'Pistool Glock 17, serienummer weggevijld',
      category: 'weapon',
      quantity: { amount: 1, unit: 'piece' },
      sealNumber: SEAL,
      packaging: 'Wapenkoffer, verzegeld',
      condition: 'Ongeladen, lichte krassen op de slede',
      seizedBy: 'staff-3141',
      seizedAt: '2025-03-16T09:05:00.000Z',
      seizedPlace: 'Gent, Korenmarkt 1, woning 2e verdieping',
      legalBasis: 'Art. 35 Sv. (beslag bij betrapping op heterdaad)',
      attachments: [{ name: 'foto-beslag-1.jpg', sha256: PHOTO_SHA, mediaType: 'image/jpeg' }],
      custodian: DETECTIVE_PARTY,
      registeredBy: 'staff-3141',
      registeredAt: '2025-03-16T11:30:00.000Z',
      ...data,
    },
  };
}

export function offered(
  handoverId: string,
  from: Party,
  to: Party,
  offeredAt: string,
  extra: Partial<CustodyOffered['data']> = {},
): CustodyOffered {
  return {
    type: 'CustodyOffered',
    data: {
      itemId: ITEM_ID,
      handoverId,
      from,
      to,
      purpose: 'storage',
      method: 'hand_delivery',
      sealNumber: SEAL,
      sealIntact: true,
      offeredBy: from.kind === 'officer' ? from.id : 'staff-2718',
      offeredAt,
      ...extra,
    },
  };
}

export function transferred(
  offer: CustodyOffered,
  acceptedBy: string,
  transferredAt: string,
  found = offer.data.sealNumber,
): CustodyTransferred {
  const { itemId, handoverId, from, to, purpose, method, offeredBy, offeredAt, sealNumber } = offer.data;
  return {
    type: 'CustodyTransferred',
    data: {
      itemId,
      handoverId,
      from,
      to,
      purpose,
      method,
      place: 'APG, balie bewijsstukken',
      offeredBy,
      offeredAt,
      acceptedBy,
      transferredAt,
      sealNumberExpected: sealNumber,
      sealNumberFound: found,
      sealIntact: true,
      sealMismatch: found !== sealNumber,
      conditionFound: 'Zoals beschreven',
    },
  };
}

/** Registered by the detective and handed to the storage room, which accepted. */
export const toStorage = offered('h-1', DETECTIVE_PARTY, STORAGE_ROOM, '2025-03-16T12:00:00.000Z');
export const inStorageRoom = [registered(), toStorage, transferred(toStorage, 'staff-2718', '2025-03-16T12:10:00.000Z')];

export const checkedIn = (location = LOCKER_3, checkedInAt = '2025-03-16T12:20:00.000Z'): ItemCheckedIn => ({
  type: 'ItemCheckedIn',
  data: { itemId: ITEM_ID, location, checkedInBy: 'staff-2718', checkedInAt },
});

export const checkedOut = (expectedReturnAt = '2025-03-20T16:00:00.000Z'): ItemCheckedOut => ({
  type: 'ItemCheckedOut',
  data: {
    itemId: ITEM_ID,
    from: LOCKER_3,
    purpose: 'examination',
    takenBy: 'staff-3141',
    expectedReturnAt,
    checkedOutBy: 'staff-2718',
    checkedOutAt: '2025-03-18T09:00:00.000Z',
  },
});

export const submittedToLab = (submissionId = 's-1'): [ItemSubmittedToLab, CustodyOffered] => [
  {
    type: 'ItemSubmittedToLab',
    data: {
      itemId: ITEM_ID,
      submissionId,
      laboratory: LAB,
      analysis: 'fingerprints',
      request: 'Sporen op slede en kolf: vingerafdrukken, vergelijking met AFIS',
      investigationId: INVESTIGATION_ID,
      pvNumber: PV_NUMBER,
      submittedBy: 'staff-2718',
      submittedAt: '2025-03-21T08:00:00.000Z',
    },
  },
  offered(submissionId, STORAGE_ROOM, LAB, '2025-03-21T08:00:00.000Z', { purpose: 'lab_analysis', method: 'courier' }),
];

export const decisionRecorded = (
  disposition: DisposalDecisionRecorded['data']['disposition'] = 'destruction',
  decisionRef = 'PK-GENT-2025-33871',
): DisposalDecisionRecorded => ({
  type: 'DisposalDecisionRecorded',
  data: {
    itemId: ITEM_ID,
    decisionRef,
    authority: 'procureur_des_konings',
    decisionDate: '2025-09-30',
    disposition,
    recordedBy: 'staff-2718',
    recordedAt: '2025-10-01T09:00:00.000Z',
  },
});
