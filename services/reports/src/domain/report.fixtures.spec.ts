// Not a suite: actors, commands and events shared by the report and PV specs.
import { Actor, CommandMetadata } from './reports.decide';
import { OfficeAppointmentRules, ReceiveReport } from './report.decide';
import { ReportParty, ReportReceived } from './report.events';
import { evolveReport, initialReportState } from './report.state';
import { evolvePv, initialPvState } from './pv.state';
import { DraftPv } from './pv.decide';
import { PvDrafted, PvFinalised, PvQualityApproved, PvQualityRejected, PvSubmittedForQualityCheck } from './pv.events';
import { specFor } from '@police/event-store/given-when-then';

export const report = specFor({ initialState: initialReportState, evolve: evolveReport });
export const pv = specFor({ initialState: initialPvState, evolve: evolvePv });

export const REPORT_ID = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
export const PV_ID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
export const SUPPLEMENT_ID = '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
export const HANDOFF_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
export const DOC_SHA = '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea';
export const PV_NUMBER = 'GE.55.L5.012345/2025';

/** The onthaal officer taking the report and writing the PV. */
export const ONTHAAL: Actor = { staffId: 'staff-4081' };
export const GAK: Actor = { staffId: 'staff-5092', gak: true };
export const MELDPUNT: Actor = { staffId: 'staff-1799' };

export const OFFICES: OfficeAppointmentRules = { apg: { walkIn: false }, 'regio-noord': { walkIn: true } };

export const at = (actor: Actor, iso: string): CommandMetadata => ({ actor, now: new Date(iso) });
export const NOW = at(ONTHAAL, '2025-03-16T10:00:00.000Z');

export const REPORTER: ReportParty = {
  partyId: '11111111-1111-4111-8111-111111111111',
  name: 'An Peeters',
  roles: ['reporter', 'victim'],
  contact: '+32 470 00 00 00',
};
export const WITNESS: ReportParty = { partyId: '22222222-2222-4222-8222-222222222222', name: 'Bart Claes', roles: ['witness'] };

export function receiveCommand(data: Partial<ReceiveReport['data']> = {}, metadata = NOW): ReceiveReport {
  return {
    type: 'ReceiveReport',
    data: {
      reportId: REPORT_ID,
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: false,
      appointmentRef: 'APT-2025-0312',
      incidentType: 'fietsdiefstal',
      timeWindow: { from: '2025-03-15T21:00:00+01:00', to: '2025-03-16T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
      narrative: 'Mijn fiets stond op slot aan het station en was weg.',
      parties: [REPORTER, WITNESS],
      motiveFlags: [],
      victimSupportWanted: false,
      concernsPoliceConduct: false,
      officeRules: OFFICES,
      ...data,
    },
    metadata,
  };
}

export const received = (data: Partial<ReportReceived['data']> = {}): ReportReceived => ({
  type: 'ReportReceived',
  data: {
    reportId: REPORT_ID,
    kind: 'aangifte',
    channel: { kind: 'front_desk', officeId: 'apg' },
    urgent: false,
    appointmentRef: 'APT-2025-0312',
    incidentType: 'fietsdiefstal',
    timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
    place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
    narrative: 'Mijn fiets stond op slot aan het station en was weg.',
    parties: [REPORTER, WITNESS],
    motiveFlags: [],
    victimSupportWanted: false,
    concernsPoliceConduct: false,
    receivedBy: 'staff-4081',
    receivedAt: '2025-03-16T10:00:00.000Z',
    ...data,
  },
});

export function draftCommand(data: Partial<DraftPv['data']> = {}, metadata = at(ONTHAAL, '2025-03-16T11:00:00.000Z')): DraftPv {
  return {
    type: 'DraftPv',
    data: {
      pvId: PV_ID,
      reportId: REPORT_ID,
      legalQualification: 'Diefstal (art. 461 Sw.)',
      offenceType: 'fietsdiefstal',
      destination: 'parket',
      documentSha256: DOC_SHA,
      ...data,
    },
    metadata,
  };
}

export const drafted = (data: Partial<PvDrafted['data']> = {}): PvDrafted => ({
  type: 'PvDrafted',
  data: {
    pvId: PV_ID,
    reportId: REPORT_ID,
    legalQualification: 'Diefstal (art. 461 Sw.)',
    offenceType: 'fietsdiefstal',
    destination: 'parket',
    documentSha256: DOC_SHA,
    author: 'staff-4081',
    draftedAt: '2025-03-16T11:00:00.000Z',
    ...data,
  },
});

export const submitted = (round = 1, submittedAt = '2025-03-16T12:00:00.000Z'): PvSubmittedForQualityCheck => ({
  type: 'PvSubmittedForQualityCheck',
  data: { pvId: PV_ID, reportId: REPORT_ID, round, submittedBy: 'staff-4081', submittedAt },
});

export const rejected = (round = 1): PvQualityRejected => ({
  type: 'PvQualityRejected',
  data: {
    pvId: PV_ID,
    reportId: REPORT_ID,
    round,
    reasons: ['Kwalificatie ontbreekt het artikel'],
    checkedBy: 'staff-5092',
    checkedAt: '2025-03-17T09:00:00.000Z',
  },
});

export const approved = (round = 1): PvQualityApproved => ({
  type: 'PvQualityApproved',
  data: { pvId: PV_ID, reportId: REPORT_ID, round, checkedBy: 'staff-5092', checkedAt: '2025-03-17T09:00:00.000Z' },
});

export const finalisedEvent = (data: Partial<PvFinalised['data']> = {}): PvFinalised => ({
  type: 'PvFinalised',
  data: {
    pvId: PV_ID,
    reportId: REPORT_ID,
    pvNumber: PV_NUMBER,
    legalQualification: 'Diefstal (art. 461 Sw.)',
    offenceType: 'fietsdiefstal',
    destination: 'parket',
    documentSha256: DOC_SHA,
    author: 'staff-4081',
    finalisedBy: 'staff-5092',
    finalisedAt: '2025-03-17T10:00:00.000Z',
    ...data,
  },
});
