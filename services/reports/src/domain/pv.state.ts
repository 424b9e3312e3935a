import { PvContent, PvEvent, SupplementedPv } from './pv.events';

/**
 * draft → submitted → (rejected → submitted)* → approved → finalised. Transmission and the ANG feed are
 * recorded on a finalised PV; both need the quality check behind them.
 */
export type PvStatus = 'draft' | 'submitted' | 'rejected' | 'approved' | 'finalised';

export interface WrittenPv extends PvContent {
  status: PvStatus;
  pvId: string;
  reportId: string;
  author: string;
  supplements?: SupplementedPv;
  draftedAt: string;
  round: number;
  submittedAt: string | null;
  rejectionReasons: string[];
  approvedAt: string | null;
  pvNumber: string | null;
  finalisedAt: string | null;
  transmittedAt: string | null;
  fedToAngAt: string | null;
}

export type PvState = { status: 'none' } | WrittenPv;

export const initialPvState = (): PvState => ({ status: 'none' });

export function evolvePv(state: PvState, event: PvEvent): PvState {
  if (event.type === 'PvDrafted') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'draft',
      pvId: d.pvId,
      reportId: d.reportId,
      author: d.author,
      legalQualification: d.legalQualification,
      offenceType: d.offenceType,
      destination: d.destination,
      documentSha256: d.documentSha256,
      ...(d.supplements !== undefined && { supplements: d.supplements }),
      draftedAt: d.draftedAt,
      round: 0,
      submittedAt: null,
      rejectionReasons: [],
      approvedAt: null,
      pvNumber: null,
      finalisedAt: null,
      transmittedAt: null,
      fedToAngAt: null,
    };
  }
  if (state.status === 'none') return state;

  switch (event.type) {
    case 'PvSubmittedForQualityCheck':
      return { ...state, ...event.data.corrections, status: 'submitted', round: event.data.round, submittedAt: event.data.submittedAt };
    case 'PvQualityApproved':
      return { ...state, status: 'approved', approvedAt: event.data.checkedAt, rejectionReasons: [] };
    case 'PvQualityRejected':
      return { ...state, status: 'rejected', rejectionReasons: event.data.reasons };
    case 'PvFinalised':
      return { ...state, status: 'finalised', pvNumber: event.data.pvNumber, finalisedAt: event.data.finalisedAt };
    case 'PvTransmittedToParket':
    case 'GasFindingTransmittedToCity':
      return { ...state, transmittedAt: event.data.transmittedAt };
    case 'PvFedToAng':
      return { ...state, fedToAngAt: event.data.fedAt };
  }
}
