import type { RecordedEvent } from '@police/event-store';
import { validateContract } from '@police/contracts';
import { ConductComplaintRoutedToIntegrity, InvestigationRequested, ObjectDeclared, ReportEvent } from '../domain/report.events';
import { HANDOFF_ID, received, REPORT_ID, REPORTER, WITNESS } from '../domain/report.fixtures.spec';
import { reportsToPublic } from './reports.public';

function recorded(event: ReportEvent): RecordedEvent {
  return {
    id: '0e4b6a2c-1d3f-4a5b-8c7d-9e0f1a2b3c4d',
    streamId: `report-${REPORT_ID}`,
    streamVersion: 1,
    position: { commit: 1n, prepare: 1n },
    type: event.type,
    data: event.data,
    metadata: { actor: 'staff-1799', occurredAt: '2025-03-16T12:00:00.000Z', correlationId: 'corr-1', causationId: 'cause-1' },
    recordedAt: '2025-03-16T12:00:00.000Z',
    prevHash: '',
    contentHash: '',
    hash: '',
  };
}

async function mapped(event: ReportEvent) {
  const message = reportsToPublic(recorded(event));
  if (!message) throw new Error('not published');
  const validation = await validateContract(message.type, message.payload);
  expect(validation).toMatchObject({ ok: true });
  expect(message).toMatchObject({
    id: '0e4b6a2c-1d3f-4a5b-8c7d-9e0f1a2b3c4d',
    key: `report-${REPORT_ID}`,
    correlationId: 'corr-1',
    causationId: 'cause-1',
  });
  return message;
}

const investigation: InvestigationRequested = {
  type: 'InvestigationRequested',
  data: {
    reportId: REPORT_ID,
    kind: 'aangifte',
    incidentType: 'fietsdiefstal',
    timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
    place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
    narrative: 'x'.repeat(5000),
    parties: [REPORTER, WITNESS],
    motiveFlags: [],
    competentService: 'LRD',
    reason: 'Reeks',
    requestedBy: 'staff-1799',
    requestedAt: '2025-03-16T12:00:00.000Z',
  },
};

describe('the public contracts of the reports service', () => {
  it('refers a report for investigation with its essentials, a party once per role, the summary within the contract', async () => {
    const m = await mapped(investigation);
    expect(m.type).toBe('reports.ReportReferredForInvestigation.v1');
    expect(m.payload).toEqual({
      reportId: REPORT_ID,
      kind: 'aangifte',
      incidentType: 'fietsdiefstal',
      incidentFrom: '2025-03-15T20:00:00.000Z',
      incidentTo: '2025-03-16T06:30:00.000Z',
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
      summary: `${'x'.repeat(3999)}…`,
      parties: [
        { partyId: REPORTER.partyId, role: 'aangever', displayName: 'An Peeters' },
        { partyId: REPORTER.partyId, role: 'slachtoffer', displayName: 'An Peeters' },
        { partyId: WITNESS.partyId, role: 'getuige', displayName: 'Bart Claes' },
      ],
      referredBy: 'staff-1799',
      referredAt: '2025-03-16T12:00:00.000Z',
      competentService: 'LRD',
    });
    expect((await mapped({ ...investigation, data: { ...investigation.data, pvNumber: 'GE.55.L5.012345/2025' } })).payload).toMatchObject({
      pvNumber: 'GE.55.L5.012345/2025',
    });
  });

  it('files a complaint about police conduct with integrity, in its channel vocabulary', async () => {
    const r = received({
      channel: { kind: 'street' },
      narrative: 'Onheus bejegend bij een controle',
      concernsPoliceConduct: true,
      staffMembersConcerned: ['5415-0777'],
    }).data;
    const event: ConductComplaintRoutedToIntegrity = {
      type: 'ConductComplaintRoutedToIntegrity',
      data: {
        reportId: REPORT_ID,
        integrityHandoffId: HANDOFF_ID,
        complaint: { ...r, kind: r.kind, channel: r.channel, receivedAt: r.receivedAt },
        routedBy: 'staff-1799',
        routedAt: '2025-03-16T12:00:00.000Z',
      },
    };
    const m = await mapped(event);
    expect(m.type).toBe('reports.PoliceConductComplaintFiled.v1');
    expect(m.payload).toEqual({
      reportId: REPORT_ID,
      channel: 'balie',
      receivedAt: '2025-03-16T10:00:00.000Z',
      complainant: { name: 'An Peeters', contact: '+32 470 00 00 00' },
      staffMembersConcerned: ['5415-0777'],
      facts: 'Onheus bejegend bij een controle',
    });
    const online = {
      ...event,
      data: {
        ...event.data,
        complaint: { ...event.data.complaint, channel: { kind: 'police_on_web' as const }, staffMembersConcerned: undefined },
      },
    };
    expect((await mapped(online)).payload).toMatchObject({ channel: 'online_formulier', staffMembersConcerned: [] });
  });

  it('declares lost and found objects to evidence, the day in the zone’s time', async () => {
    const declared: ObjectDeclared = {
      type: 'ObjectDeclared',
      data: {
        reportId: REPORT_ID,
        declaration: 'lost',
        object: { description: 'Blauwe fiets', category: 'bicycle' },
        declarant: { partyId: REPORTER.partyId, name: 'An Peeters' },
        place: { municipality: 'Gent' },
        timeWindow: { from: '2025-03-15T23:30:00.000Z', to: '2025-03-16T06:30:00.000Z' },
        declaredAt: '2025-03-16T10:00:00.000Z',
      },
    };
    const lost = await mapped(declared);
    expect(lost.type).toBe('reports.LossDeclared.v1');
    expect(lost.payload).toEqual({
      reportId: REPORT_ID,
      category: 'bicycle',
      description: 'Blauwe fiets',
      place: { municipality: 'Gent' },
      lostOn: '2025-03-16',
      declarantRef: REPORTER.partyId,
      declaredAt: '2025-03-16T10:00:00.000Z',
    });
    const found = await mapped({
      ...declared,
      data: { ...declared.data, declaration: 'found', object: { description: 'Sleutels' }, timeWindow: undefined },
    });
    expect(found.type).toBe('reports.FoundObjectDeclared.v1');
    expect(found.payload).toMatchObject({ category: 'other', foundOn: '2025-03-16' });
  });

  it('keeps intake, triage and the PV lifecycle private', () => {
    expect(reportsToPublic(recorded(received()))).toBeNull();
    expect(
      reportsToPublic(
        recorded({
          type: 'ReportAssignedToService',
          data: { reportId: REPORT_ID, serviceId: 'LRD', assignedBy: 's', assignedAt: '2025-03-16T12:00:00.000Z' },
        }),
      ),
    ).toBeNull();
  });
});
