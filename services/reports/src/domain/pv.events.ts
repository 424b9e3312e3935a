import type { DomainEvent } from '@police/event-store/domain';

/** Where a finalised PV goes: the parket, or for GAS infringements the city (R-REP-6). */
export type PvDestination = 'parket' | 'city_gas';
export const PV_DESTINATIONS: readonly PvDestination[] = ['parket', 'city_gas'];

/** A correctable part of a draft; once finalised, a PV is never edited again. */
export interface PvContent {
  legalQualification: string;
  offenceType: string;
  destination: PvDestination;
  /** The text, referenced by its hash; the document lives in document storage. */
  documentSha256: string;
}

/** A supplementary PV names the finalised PV it adds to or corrects. */
export interface SupplementedPv {
  pvId: string;
  pvNumber: string;
}

/** Every PV event carries `pvId` and `reportId`, so the public mapping needs nothing but the event. */
export type PvDrafted = DomainEvent<
  'PvDrafted',
  PvContent & { pvId: string; reportId: string; author: string; supplements?: SupplementedPv; draftedAt: string }
>;

/** Sent to GAK. `round` counts submissions; a resubmission after rejection carries the corrected content. */
export type PvSubmittedForQualityCheck = DomainEvent<
  'PvSubmittedForQualityCheck',
  {
    pvId: string;
    reportId: string;
    round: number;
    corrections?: Partial<PvContent>;
    correctionNote?: string;
    submittedBy: string;
    submittedAt: string;
  }
>;

export type PvQualityApproved = DomainEvent<
  'PvQualityApproved',
  { pvId: string; reportId: string; round: number; checkedBy: string; checkedAt: string }
>;

export type PvQualityRejected = DomainEvent<
  'PvQualityRejected',
  { pvId: string; reportId: string; round: number; reasons: string[]; checkedBy: string; checkedAt: string }
>;

export type PvFinalised = DomainEvent<
  'PvFinalised',
  PvContent & {
    pvId: string;
    reportId: string;
    pvNumber: string;
    author: string;
    supplements?: SupplementedPv;
    finalisedBy: string;
    finalisedAt: string;
  }
>;

export type PvTransmittedToParket = DomainEvent<
  'PvTransmittedToParket',
  { pvId: string; reportId: string; pvNumber: string; parketRef?: string; transmittedBy: string; transmittedAt: string }
>;

export type GasFindingTransmittedToCity = DomainEvent<
  'GasFindingTransmittedToCity',
  { pvId: string; reportId: string; pvNumber: string; cityRef?: string; transmittedBy: string; transmittedAt: string }
>;

export type PvFedToAng = DomainEvent<
  'PvFedToAng',
  { pvId: string; reportId: string; pvNumber: string; angRef?: string; fedBy: string; fedAt: string }
>;

export type PvEvent =
  | PvDrafted
  | PvSubmittedForQualityCheck
  | PvQualityApproved
  | PvQualityRejected
  | PvFinalised
  | PvTransmittedToParket
  | GasFindingTransmittedToCity
  | PvFedToAng;
