import type { DomainEvent } from '@police/event-store/domain';

// Found objects have their own streams (`evidence-found-object-<id>`), not a kind of seized item: other actors
// (POPP), other categories, no magistrate, an owner and a holding period instead of a seizure and a decision.

/** As in `reports.FoundObjectDeclared.v1`, so a declaration maps onto a registration one-to-one. */
export type FoundObjectCategory =
  | 'identity_document'
  | 'bank_card'
  | 'keys'
  | 'wallet'
  | 'phone'
  | 'bicycle'
  | 'jewellery'
  | 'cash'
  | 'bag'
  | 'clothing'
  | 'electronics'
  | 'other';

export const FOUND_OBJECT_CATEGORIES: readonly FoundObjectCategory[] = [
  'identity_document',
  'bank_card',
  'keys',
  'wallet',
  'phone',
  'bicycle',
  'jewellery',
  'cash',
  'bag',
  'clothing',
  'electronics',
  'other',
];

export interface FoundPlace {
  municipality: string;
  postalCode?: string;
  address?: string;
}

/** Registered from a front-desk declaration in `reports` (its public event), or directly at the POPP desk. */
export type FoundObjectSource =
  { kind: 'declaration'; reportId: string; declarantRef: string; declaredAt: string } | { kind: 'desk'; finderRef?: string };

export type IdentityDocumentType = 'eid' | 'passport' | 'residence_card' | 'driving_licence' | 'other';
export const IDENTITY_DOCUMENT_TYPES: readonly IdentityDocumentType[] = ['eid', 'passport', 'residence_card', 'driving_licence', 'other'];

export interface Organisation {
  id: string;
  name: string;
}

/** People appear as references (`declarantRef`, `ownerRef`) into `reports`' party records, never by name. */
export type FoundObjectRegistered = DomainEvent<
  'FoundObjectRegistered',
  {
    foundObjectId: string;
    source: FoundObjectSource;
    category: FoundObjectCategory;
    description: string;
    place: FoundPlace;
    /** `YYYY-MM-DD`. */
    foundOn: string;
    storageLocation?: string;
    registeredBy: string;
    /** The holding period runs from here. */
    registeredAt: string;
  }
>;

export type OwnerSearchStarted = DomainEvent<
  'OwnerSearchStarted',
  { foundObjectId: string; method: string; startedBy: string; startedAt: string }
>;

export type OwnerIdentified = DomainEvent<
  'OwnerIdentified',
  { foundObjectId: string; ownerRef: string; basis: string; identifiedBy: string; identifiedAt: string }
>;

export type FoundObjectMatchedToLossDeclaration = DomainEvent<
  'FoundObjectMatchedToLossDeclaration',
  { foundObjectId: string; lossReportId: string; declarantRef: string; matchedBy: string; matchedAt: string }
>;

export type FoundObjectReturnedToOwner = DomainEvent<
  'FoundObjectReturnedToOwner',
  {
    foundObjectId: string;
    ownerRef: string;
    /** The document the officer checked the collector's identity against. */
    identityDocumentType: IdentityDocumentType;
    /** How the collector showed the object is theirs (receipt, description of contents…). */
    ownershipProof: string;
    returnedBy: string;
    returnedAt: string;
  }
>;

export type FoundObjectHandedToOrganisation = DomainEvent<
  'FoundObjectHandedToOrganisation',
  {
    foundObjectId: string;
    organisation: Organisation;
    receiptRef: string;
    holdingPeriodDays: number;
    holdingPeriodEndedAt: string;
    handedOverBy: string;
    handedOverAt: string;
  }
>;

export type FoundObjectDestroyed = DomainEvent<
  'FoundObjectDestroyed',
  {
    foundObjectId: string;
    reason: string;
    witnesses: string[];
    holdingPeriodDays: number;
    holdingPeriodEndedAt: string;
    destroyedBy: string;
    destroyedAt: string;
  }
>;

export type FoundObjectEvent =
  | FoundObjectRegistered
  | OwnerSearchStarted
  | OwnerIdentified
  | FoundObjectMatchedToLossDeclaration
  | FoundObjectReturnedToOwner
  | FoundObjectHandedToOrganisation
  | FoundObjectDestroyed;
