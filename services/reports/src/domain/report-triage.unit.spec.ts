import {
  decideConfirmConductComplaintReceipt,
  AmendReport,
  decideAmendReport,
  decideAndRouteConduct,
  decideAssignReportToService,
  decideOfferVictimSupport,
  decideReferReportExternally,
  decideRequestInvestigation,
  decideRouteConductComplaintToIntegrity,
} from './report.decide';
import { ConductComplaintRoutedToIntegrity, ReportAmended, ReportAssignedToService } from './report.events';
import { InvalidReportCommand, ReportConflict, ReportNotFound } from './report.errors';
import { at, HANDOFF_ID, MELDPUNT, NOW, receiveCommand, received, report, REPORT_ID, REPORTER, WITNESS } from './report.fixtures.spec';

const LATER = at(MELDPUNT, '2025-03-16T12:00:00.000Z');

const assigned: ReportAssignedToService = {
  type: 'ReportAssignedToService',
  data: { reportId: REPORT_ID, serviceId: 'wijkdienst-centrum', assignedBy: 'staff-1799', assignedAt: '2025-03-16T12:00:00.000Z' },
};

const conductComplaint = received({
  kind: 'klacht',
  incidentType: 'onheus optreden',
  narrative: 'De agent aan de balie duwde mij naar buiten.',
  concernsPoliceConduct: true,
});

const routed: ConductComplaintRoutedToIntegrity = {
  type: 'ConductComplaintRoutedToIntegrity',
  data: {
    reportId: REPORT_ID,
    integrityHandoffId: HANDOFF_ID,
    complaint: {
      kind: 'klacht',
      channel: { kind: 'front_desk', officeId: 'apg' },
      receivedAt: '2025-03-16T10:00:00.000Z',
      incidentType: 'onheus optreden',
      timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
      narrative: 'De agent aan de balie duwde mij naar buiten.',
      parties: [REPORTER, WITNESS],
      motiveFlags: [],
      victimSupportWanted: false,
      concernsPoliceConduct: true,
    },
    routedBy: 'staff-1799',
    routedAt: '2025-03-16T12:00:00.000Z',
  },
};

describe('amending a report', () => {
  const amended: ReportAmended = {
    type: 'ReportAmended',
    data: {
      reportId: REPORT_ID,
      changes: { place: { municipality: 'Gent', address: 'Sint-Pietersstation, fietsenstalling' }, motiveFlags: ['discrimination'] },
      previous: { place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' }, motiveFlags: [] },
      reason: 'Aangever corrigeert de plaats bij nalezing',
      amendedBy: 'staff-1799',
      amendedAt: '2025-03-16T12:00:00.000Z',
    },
  };

  it('records only the changed fields, each with what was said before, and leaves unchanged values out', () => {
    report
      .given(received())
      .when((s) =>
        decideAmendReport(s, {
          type: 'AmendReport',
          data: {
            changes: {
              place: { municipality: 'Gent', address: 'Sint-Pietersstation, fietsenstalling' },
              motiveFlags: ['discrimination'],
              incidentType: 'fietsdiefstal',
            },
            reason: 'Aangever corrigeert de plaats bij nalezing',
          },
          metadata: LATER,
        }),
      )
      .then([amended]);
  });

  it('keeps the amendment history in state and the current values up to date', () => {
    const state = report.fold([received(), amended]);
    expect(state).toMatchObject({
      status: 'open',
      place: { municipality: 'Gent', address: 'Sint-Pietersstation, fietsenstalling' },
      motiveFlags: ['discrimination'],
      amendments: [
        {
          fields: ['place', 'motiveFlags'],
          reason: 'Aangever corrigeert de plaats bij nalezing',
          amendedBy: 'staff-1799',
          amendedAt: '2025-03-16T12:00:00.000Z',
        },
      ],
    });
  });

  it('lists the amended fields in the catalogue order, whatever order the stored payload keeps its keys in', () => {
    // PostgreSQL's JSONB does not keep the order in which keys were written: the fold must not depend on it.
    const stored: ReportAmended = {
      ...amended,
      data: { ...amended.data, changes: { motiveFlags: ['discrimination'], place: amended.data.changes.place } },
    };
    expect(report.fold([received(), stored])).toMatchObject({ amendments: [{ fields: ['place', 'motiveFlags'] }] });
  });

  it('adds a field that was not given before, with no previous value', () => {
    report
      .given(received({ kind: 'melding', incidentType: undefined, place: undefined }))
      .when((s) =>
        decideAmendReport(s, {
          type: 'AmendReport',
          data: { changes: { place: { municipality: 'Gent', address: 'Veldstraat 10' } }, reason: 'Plaats nagevraagd' },
          metadata: LATER,
        }),
      )
      .then([
        {
          type: 'ReportAmended',
          data: {
            reportId: REPORT_ID,
            changes: { place: { municipality: 'Gent', address: 'Veldstraat 10' } },
            previous: {},
            reason: 'Plaats nagevraagd',
            amendedBy: 'staff-1799',
            amendedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it.each([
    ['no reason', { changes: { place: { municipality: 'Merelbeke' } }, reason: ' ' }, 'required', 'reason'],
    [
      'no change at all',
      { changes: { place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' } }, reason: 'r' },
      'nothing_to_amend',
      'changes',
    ],
    ['a field that cannot be amended', { changes: { kind: 'melding' } as never, reason: 'r' }, 'invalid_value', 'changes.kind'],
    [
      'a time window ending in the future',
      { changes: { timeWindow: { from: '2025-03-16T08:00:00Z', to: '2025-03-17T00:00:00Z' } }, reason: 'r' },
      'time_window_in_future',
      'changes.timeWindow.to',
    ],
    ['removing the reporter', { changes: { parties: [WITNESS] }, reason: 'r' }, 'reporter_required', 'changes.parties'],
  ])('refuses %s (422)', (_name, data, code, field) => {
    report
      .given(received())
      .when((s) => decideAmendReport(s, { type: 'AmendReport', data, metadata: LATER }))
      .thenThrows({ code, status: 422, field, type: InvalidReportCommand });
  });

  it('refuses to amend a report that does not exist (404)', () => {
    report
      .given()
      .when((s) =>
        decideAmendReport(s, {
          type: 'AmendReport',
          data: { changes: { place: { municipality: 'Merelbeke' } }, reason: 'r' },
          metadata: LATER,
        }),
      )
      .thenThrows({ code: 'report_not_found', status: 404, type: ReportNotFound });
  });
});

describe('triage', () => {
  it('assigns the report to a competent service', () => {
    report
      .given(received())
      .when((s) =>
        decideAssignReportToService(s, { type: 'AssignReportToService', data: { serviceId: 'wijkdienst-centrum' }, metadata: LATER }),
      )
      .then([assigned]);
  });

  it('reassigns to another service, naming the previous one', () => {
    report
      .given(received(), assigned)
      .when((s) =>
        decideAssignReportToService(s, {
          type: 'AssignReportToService',
          data: { serviceId: 'lokale-recherche', note: 'Reeks' },
          metadata: LATER,
        }),
      )
      .then([
        {
          type: 'ReportAssignedToService',
          data: {
            reportId: REPORT_ID,
            serviceId: 'lokale-recherche',
            previousServiceId: 'wijkdienst-centrum',
            note: 'Reeks',
            assignedBy: 'staff-1799',
            assignedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to assign to the service that already has it (409)', () => {
    report
      .given(received(), assigned)
      .when((s) =>
        decideAssignReportToService(s, { type: 'AssignReportToService', data: { serviceId: 'wijkdienst-centrum' }, metadata: LATER }),
      )
      .thenThrows({ code: 'already_assigned_to_service', status: 409, type: ReportConflict });
  });

  it('refuses an assignment without service (422)', () => {
    report
      .given(received())
      .when((s) => decideAssignReportToService(s, { type: 'AssignReportToService', data: { serviceId: '' }, metadata: LATER }))
      .thenThrows({ code: 'required', status: 422, field: 'serviceId' });
  });

  it('refers the report to an outside help organisation', () => {
    report
      .given(received())
      .when((s) =>
        decideReferReportExternally(s, {
          type: 'ReferReportExternally',
          data: { organisation: 'CAW Oost-Vlaanderen', reason: 'Langdurige begeleiding' },
          metadata: LATER,
        }),
      )
      .then([
        {
          type: 'ReportReferredExternally',
          data: {
            reportId: REPORT_ID,
            organisation: 'CAW Oost-Vlaanderen',
            reason: 'Langdurige begeleiding',
            referredBy: 'staff-1799',
            referredAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a referral without reason (422)', () => {
    report
      .given(received())
      .when((s) =>
        decideReferReportExternally(s, { type: 'ReferReportExternally', data: { organisation: 'CAW', reason: '' }, metadata: LATER }),
      )
      .thenThrows({ code: 'required', status: 422, field: 'reason' });
  });
});

describe('victim support', () => {
  const offer = (partyId: string) => (s: Parameters<typeof decideOfferVictimSupport>[0]) =>
    decideOfferVictimSupport(s, {
      type: 'OfferVictimSupport',
      data: { partyId, supportBy: 'slachtofferbejegenaar', accepted: true },
      metadata: NOW,
    });

  it('offers support to a victim', () => {
    report
      .given(received())
      .when(offer('11111111-1111-4111-8111-111111111111'))
      .then([
        {
          type: 'VictimSupportOffered',
          data: {
            reportId: REPORT_ID,
            partyId: '11111111-1111-4111-8111-111111111111',
            supportBy: 'slachtofferbejegenaar',
            accepted: true,
            offeredBy: 'staff-4081',
            offeredAt: '2025-03-16T10:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a party that is not a victim (409), an unknown party (404) and a second offer (409)', () => {
    report.given(received()).when(offer('22222222-2222-4222-8222-222222222222')).thenThrows({ code: 'no_such_victim', status: 409 });
    report.given(received()).when(offer('77777777-7777-4777-8777-777777777777')).thenThrows({ code: 'party_not_found', status: 404 });
    report
      .given(received(), {
        type: 'VictimSupportOffered',
        data: {
          reportId: REPORT_ID,
          partyId: '11111111-1111-4111-8111-111111111111',
          supportBy: 'BPZ',
          accepted: false,
          offeredBy: 'staff-4081',
          offeredAt: '2025-03-16T10:00:00.000Z',
        },
      })
      .when(offer('11111111-1111-4111-8111-111111111111'))
      .thenThrows({ code: 'victim_support_already_offered', status: 409 });
  });
});

describe('requesting an investigation (F1)', () => {
  const request = (s: Parameters<typeof decideRequestInvestigation>[0]) =>
    decideRequestInvestigation(s, {
      type: 'RequestInvestigation',
      data: { reason: 'Derde fietsdiefstal deze week aan het station', defaultCompetentService: 'LRD' },
      metadata: LATER,
    });

  it('carries the report essentials investigations needs', () => {
    report
      .given(received())
      .when(request)
      .then([
        {
          type: 'InvestigationRequested',
          data: {
            reportId: REPORT_ID,
            kind: 'aangifte',
            incidentType: 'fietsdiefstal',
            timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
            place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
            narrative: 'Mijn fiets stond op slot aan het station en was weg.',
            parties: [REPORTER, WITNESS],
            motiveFlags: [],
            competentService: 'LRD',
            reason: 'Derde fietsdiefstal deze week aan het station',
            requestedBy: 'staff-1799',
            requestedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it('refers to the assigned service, with the finalised PV number the application gives', () => {
    report
      .given(received(), assigned)
      .when((s) =>
        decideRequestInvestigation(s, {
          type: 'RequestInvestigation',
          data: { reason: 'Reeks', defaultCompetentService: 'LRD', pvNumber: 'GE.55.L5.012345/2025' },
          metadata: LATER,
        }),
      )
      .then([
        {
          type: 'InvestigationRequested',
          data: {
            reportId: REPORT_ID,
            kind: 'aangifte',
            incidentType: 'fietsdiefstal',
            timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
            place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
            narrative: 'Mijn fiets stond op slot aan het station en was weg.',
            parties: [REPORTER, WITNESS],
            motiveFlags: [],
            competentService: 'wijkdienst-centrum',
            pvNumber: 'GE.55.L5.012345/2025',
            reason: 'Reeks',
            requestedBy: 'staff-1799',
            requestedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a referral without the time or the place the investigation needs (422)', () => {
    report
      .given(received({ kind: 'melding', timeWindow: undefined }))
      .when(request)
      .thenThrows({ code: 'required', status: 422, field: 'timeWindow' });
    report
      .given(received({ kind: 'melding', place: undefined }))
      .when(request)
      .thenThrows({ code: 'required', status: 422, field: 'place' });
  });

  it('refuses a kind that is not investigable, a second request, and a melding without incident type', () => {
    report
      .given(received({ kind: 'service_feedback' }))
      .when(request)
      .thenThrows({ code: 'report_kind_not_investigable', status: 409 });
    const [requested] = decideRequestInvestigation(report.fold([received()]), {
      type: 'RequestInvestigation',
      data: { reason: 'Eerste verzoek', defaultCompetentService: 'LRD' },
      metadata: NOW,
    });
    report.given(received(), requested).when(request).thenThrows({ code: 'investigation_already_requested', status: 409 });
    report
      .given(received({ kind: 'melding', incidentType: undefined }))
      .when(request)
      .thenThrows({ code: 'required', status: 422, field: 'incidentType' });
  });
});

describe('a complaint about police conduct (F6)', () => {
  it('is routed to integrity in the same decision as its intake', () => {
    const intake = receiveCommand(
      {
        kind: 'klacht',
        incidentType: 'onheus optreden',
        narrative: 'De agent aan de balie duwde mij naar buiten.',
        concernsPoliceConduct: true,
        staffMembersConcerned: ['5415-0777'],
      },
      LATER,
    );
    const staffConcerned = { staffMembersConcerned: ['5415-0777'] };
    report
      .given()
      .when((s) => decideAndRouteConduct(s, intake, HANDOFF_ID))
      .then([
        {
          ...conductComplaint,
          data: { ...conductComplaint.data, ...staffConcerned, receivedBy: 'staff-1799', receivedAt: '2025-03-16T12:00:00.000Z' },
        },
        {
          ...routed,
          data: { ...routed.data, complaint: { ...routed.data.complaint, ...staffConcerned, receivedAt: '2025-03-16T12:00:00.000Z' } },
        },
      ]);
  });

  it('leaves an ordinary intake and amendment alone', () => {
    report
      .given()
      .when((s) => decideAndRouteConduct(s, receiveCommand(), HANDOFF_ID))
      .then([received()]);
    const amend: AmendReport = {
      type: 'AmendReport',
      data: { changes: { motiveFlags: ['hate_crime'] }, reason: 'Nagevraagd' },
      metadata: LATER,
    };
    report
      .given(received())
      .when((s) => decideAndRouteConduct(s, amend, HANDOFF_ID))
      .then([
        {
          type: 'ReportAmended',
          data: {
            reportId: REPORT_ID,
            changes: { motiveFlags: ['hate_crime'] },
            previous: { motiveFlags: [] },
            reason: 'Nagevraagd',
            amendedBy: 'staff-1799',
            amendedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
  });

  it('is routed in the same decision as the amendment that says it concerns police conduct', () => {
    const amend: AmendReport = {
      type: 'AmendReport',
      data: {
        changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0777'] },
        reason: 'Klacht blijkt over de agent te gaan',
      },
      metadata: LATER,
    };
    report
      .given(received())
      .when((s) => decideAndRouteConduct(s, amend, HANDOFF_ID))
      .then([
        {
          type: 'ReportAmended',
          data: {
            reportId: REPORT_ID,
            changes: { concernsPoliceConduct: true, staffMembersConcerned: ['5415-0777'] },
            previous: { concernsPoliceConduct: false },
            reason: 'Klacht blijkt over de agent te gaan',
            amendedBy: 'staff-1799',
            amendedAt: '2025-03-16T12:00:00.000Z',
          },
        },
        {
          type: 'ConductComplaintRoutedToIntegrity',
          data: {
            ...routed.data,
            complaint: {
              ...routed.data.complaint,
              kind: 'aangifte',
              incidentType: 'fietsdiefstal',
              narrative: 'Mijn fiets stond op slot aan het station en was weg.',
              staffMembersConcerned: ['5415-0777'],
            },
          },
        },
      ]);
  });

  const route = (s: Parameters<typeof decideRouteConductComplaintToIntegrity>[0]) =>
    decideRouteConductComplaintToIntegrity(s, {
      type: 'RouteConductComplaintToIntegrity',
      data: { integrityHandoffId: HANDOFF_ID },
      metadata: LATER,
    });

  it('goes to integrity with everything it said', () => {
    report.given(conductComplaint).when(route).then([routed]);
  });

  it('leaves only a pointer in the report: no narrative, parties or facts in later state', () => {
    const state = report.fold([
      { ...conductComplaint, data: { ...conductComplaint.data, staffMembersConcerned: ['5415-0777'] } },
      { ...routed, data: { ...routed.data, complaint: { ...routed.data.complaint, staffMembersConcerned: ['5415-0777'] } } },
    ]);
    expect(state).toStrictEqual({
      status: 'routed_to_integrity',
      reportId: REPORT_ID,
      kind: 'klacht',
      receivedAt: '2025-03-16T10:00:00.000Z',
      integrityHandoffId: HANDOFF_ID,
      routedAt: '2025-03-16T12:00:00.000Z',
      routedBy: 'staff-1799',
      concernedStaffIds: ['5415-0777'],
    });
    expect(JSON.stringify(state)).not.toContain('duwde');
  });

  it('refuses a report not about police conduct (409) and a bad hand-off id (422)', () => {
    report.given(received()).when(route).thenThrows({ code: 'not_about_police_conduct', status: 409 });
    report
      .given(conductComplaint)
      .when((s) =>
        decideRouteConductComplaintToIntegrity(s, {
          type: 'RouteConductComplaintToIntegrity',
          data: { integrityHandoffId: 'x' },
          metadata: LATER,
        }),
      )
      .thenThrows({ code: 'invalid_id', status: 422, field: 'integrityHandoffId' });
  });

  it('refuses every further command once routed (409)', () => {
    report.given(conductComplaint, routed).when(route).thenThrows({ code: 'report_routed_to_integrity', status: 409 });
    report
      .given(conductComplaint, routed)
      .when((s) =>
        decideAmendReport(s, {
          type: 'AmendReport',
          data: { changes: { place: { municipality: 'Merelbeke' } }, reason: 'r' },
          metadata: LATER,
        }),
      )
      .thenThrows({ code: 'report_routed_to_integrity', status: 409 });
  });

  it('can be flagged later by an amendment, then routed', () => {
    const flagged: ReportAmended = {
      type: 'ReportAmended',
      data: {
        reportId: REPORT_ID,
        changes: { concernsPoliceConduct: true },
        previous: { concernsPoliceConduct: false },
        reason: 'Klacht blijkt over de agent te gaan',
        amendedBy: 'staff-1799',
        amendedAt: '2025-03-16T11:00:00.000Z',
      },
    };
    report
      .given(received(), flagged)
      .when(route)
      .then([
        {
          ...routed,
          data: {
            ...routed.data,
            complaint: {
              ...routed.data.complaint,
              kind: 'aangifte',
              incidentType: 'fietsdiefstal',
              narrative: 'Mijn fiets stond op slot aan het station en was weg.',
            },
          },
        },
      ]);
  });
});

describe("integrity's receipt of a conduct complaint (ADR 0053)", () => {
  const confirm =
    (receiptId = 'a3f1c2d4-0000-4000-8000-000000000009') =>
    (s: Parameters<typeof decideConfirmConductComplaintReceipt>[0]) =>
      decideConfirmConductComplaintReceipt(s, {
        type: 'ConfirmConductComplaintReceipt',
        data: { receiptId, receivedAt: '2025-03-16T12:30:00.000Z' },
        metadata: LATER,
      });

  it('records the receipt once; its append destroys the report statement', () => {
    report
      .given(conductComplaint, routed)
      .when(confirm())
      .then([
        {
          type: 'ConductComplaintReceiptConfirmed',
          data: {
            reportId: REPORT_ID,
            receiptId: 'a3f1c2d4-0000-4000-8000-000000000009',
            receivedByIntegrityAt: '2025-03-16T12:30:00.000Z',
            decision: 'hand-over to integrity confirmed (receipt a3f1c2d4-0000-4000-8000-000000000009)',
            erasedBy: 'staff-1799',
            erasedAt: '2025-03-16T12:00:00.000Z',
          },
        },
      ]);
    const [confirmed] = confirm()(report.fold([conductComplaint, routed]));
    report.given(conductComplaint, routed, confirmed).when(confirm('another')).then([]);
    expect(report.fold([conductComplaint, routed, confirmed])).toMatchObject({
      concernedStaffIds: [],
      erased: { at: '2025-03-16T12:00:00.000Z' },
    });
  });

  it('refuses a receipt for a report that was not routed (409) or does not exist (404), and a blank receipt (422)', () => {
    report.given(received()).when(confirm()).thenThrows({ code: 'not_routed_to_integrity', status: 409 });
    report.given().when(confirm()).thenThrows({ code: 'report_not_found', status: 404 });
    report.given(conductComplaint, routed).when(confirm(' ')).thenThrows({ code: 'required', status: 422, field: 'receiptId' });
  });
});
