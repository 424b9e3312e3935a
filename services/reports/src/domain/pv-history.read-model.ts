import { PvContent, PvDestination, PvEvent, SupplementedPv } from './pv.events';

/** A step of a PV's life, as its history names it (one per event; a resubmission is its own step). */
export type PvStep =
  | 'drafted'
  | 'submitted'
  | 'resubmitted'
  | 'approved'
  | 'rejected'
  | 'finalised'
  | 'transmitted_to_parket'
  | 'transmitted_to_city'
  | 'fed_to_ang';

export const PV_STEPS: readonly PvStep[] = [
  'drafted',
  'submitted',
  'resubmitted',
  'approved',
  'rejected',
  'finalised',
  'transmitted_to_parket',
  'transmitted_to_city',
  'fed_to_ang',
];

/** One step: who took it, when, and what it said. Only the fields of its kind are present. */
export interface PvHistoryEntry {
  /** 1-based position in the PV's stream: the version the PV had after this step. */
  position: number;
  step: PvStep;
  at: string;
  /** Staff id of who took the step. */
  by: string;
  /** The quality-control round the step belongs to (submission, approval, rejection). */
  round?: number;
  /** drafted: the content as drawn up. */
  content?: PvContent;
  /** drafted: the finalised PV a supplementary PV adds to. */
  supplements?: SupplementedPv;
  /** resubmitted: what the author changed, and their note. */
  corrections?: Partial<PvContent>;
  correctionNote?: string;
  /** rejected: GAK's reasons. */
  reasons?: string[];
  /** finalised, transmitted, fed: the PV number. */
  pvNumber?: string;
  /** transmitted: where to, and the recipient's reference when one was given. */
  destination?: PvDestination;
  recipientRef?: string;
  /** fed_to_ang: the ANG's reference when one was given. */
  angRef?: string;
}

/** Every step of one PV, in stream order. */
export function pvHistory(events: readonly PvEvent[]): PvHistoryEntry[] {
  return events.map((event, i) => ({ position: i + 1, ...step(event) }));
}

function step(event: PvEvent): Omit<PvHistoryEntry, 'position'> {
  switch (event.type) {
    case 'PvDrafted': {
      const d = event.data;
      return {
        step: 'drafted',
        at: d.draftedAt,
        by: d.author,
        content: {
          legalQualification: d.legalQualification,
          offenceType: d.offenceType,
          destination: d.destination,
          documentSha256: d.documentSha256,
        },
        ...(d.supplements !== undefined && { supplements: d.supplements }),
      };
    }
    case 'PvSubmittedForQualityCheck': {
      const d = event.data;
      const again = d.round > 1;
      return {
        step: again ? 'resubmitted' : 'submitted',
        at: d.submittedAt,
        by: d.submittedBy,
        round: d.round,
        ...(d.corrections !== undefined && { corrections: d.corrections }),
        ...(d.correctionNote !== undefined && { correctionNote: d.correctionNote }),
      };
    }
    case 'PvQualityApproved':
      return { step: 'approved', at: event.data.checkedAt, by: event.data.checkedBy, round: event.data.round };
    case 'PvQualityRejected':
      return { step: 'rejected', at: event.data.checkedAt, by: event.data.checkedBy, round: event.data.round, reasons: event.data.reasons };
    case 'PvFinalised':
      return { step: 'finalised', at: event.data.finalisedAt, by: event.data.finalisedBy, pvNumber: event.data.pvNumber };
    case 'PvTransmittedToParket': {
      const d = event.data;
      return {
        step: 'transmitted_to_parket',
        at: d.transmittedAt,
        by: d.transmittedBy,
        pvNumber: d.pvNumber,
        destination: 'parket',
        ...(d.parketRef !== undefined && { recipientRef: d.parketRef }),
      };
    }
    case 'GasFindingTransmittedToCity': {
      const d = event.data;
      return {
        step: 'transmitted_to_city',
        at: d.transmittedAt,
        by: d.transmittedBy,
        pvNumber: d.pvNumber,
        destination: 'city_gas',
        ...(d.cityRef !== undefined && { recipientRef: d.cityRef }),
      };
    }
    case 'PvFedToAng': {
      const d = event.data;
      return { step: 'fed_to_ang', at: d.fedAt, by: d.fedBy, pvNumber: d.pvNumber, ...(d.angRef !== undefined && { angRef: d.angRef }) };
    }
  }
}
