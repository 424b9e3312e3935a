import type { OpenReport } from '../api/reports.types';

export const REPORTER = '6f1c2a4e-1b2c-4d5e-8f90-123456789abc';

/** An open aangifte as GET /api/reports/{id} answers it, for the feature's unit tests. */
export function openReport(extra: Partial<OpenReport> = {}): OpenReport {
  return {
    status: 'open',
    reportId: '2f0f5d4e-8d64-4a83-9c2b-6d1a3a0e8f11',
    kind: 'aangifte',
    channel: { kind: 'front_desk', officeId: 'apg' },
    urgent: false,
    receivedAt: '2026-11-20T08:00:00.000Z',
    incidentType: 'fietsdiefstal',
    timeWindow: { from: '2026-11-18T07:00:00.000Z', to: '2026-11-18T16:00:00.000Z' },
    place: { municipality: 'Gent', postalCode: '9000' },
    narrative: 'Fiets gestolen.',
    parties: [{ partyId: REPORTER, name: 'B. Claes', roles: ['reporter', 'victim'] }],
    motiveFlags: [],
    victimSupportWanted: false,
    concernsPoliceConduct: false,
    amendments: [],
    assignedServiceId: null,
    referrals: [],
    victimSupportOffered: [],
    investigationRequestedAt: null,
    ...extra,
  };
}
