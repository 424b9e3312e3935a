import { decideReceiveReport, decideReport } from './report.decide';
import { InvalidReportCommand, ReportConflict } from './report.errors';
import { at, MELDPUNT, NOW, receiveCommand, received, report, REPORT_ID, REPORTER, WITNESS } from './report.fixtures.spec';
import { reportStream } from './report.stream';

describe('receiving a report', () => {
  it('names its stream report-<id>', () => {
    expect(reportStream(REPORT_ID)).toBe(`report-${REPORT_ID}`);
  });

  it('records an aangifte at an appointment-only desk with its appointment, normalising the time window to UTC', () => {
    report
      .given()
      .when((s) => decideReceiveReport(s, receiveCommand()))
      .then([received()]);
  });

  it('records a walk-in aangifte at a walk-in office without an appointment', () => {
    report
      .given()
      .when((s) =>
        decideReceiveReport(s, receiveCommand({ channel: { kind: 'front_desk', officeId: 'regio-noord' }, appointmentRef: undefined })),
      )
      .then([
        {
          type: 'ReportReceived',
          data: {
            reportId: REPORT_ID,
            kind: 'aangifte',
            channel: { kind: 'front_desk', officeId: 'regio-noord' },
            urgent: false,
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
          },
        },
      ]);
  });

  it('takes an urgent klacht at an appointment-only desk without an appointment, with motive flags and a wish for victim support', () => {
    report
      .given()
      .when((s) =>
        decideReceiveReport(
          s,
          receiveCommand({
            kind: 'klacht',
            urgent: true,
            appointmentRef: undefined,
            incidentType: 'slagen en verwondingen',
            motiveFlags: ['homophobic', 'hate_crime'],
            victimSupportWanted: true,
          }),
        ),
      )
      .then([
        {
          type: 'ReportReceived',
          data: {
            reportId: REPORT_ID,
            kind: 'klacht',
            channel: { kind: 'front_desk', officeId: 'apg' },
            urgent: true,
            incidentType: 'slagen en verwondingen',
            timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
            place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
            narrative: 'Mijn fiets stond op slot aan het station en was weg.',
            parties: [REPORTER, WITNESS],
            motiveFlags: ['homophobic', 'hate_crime'],
            victimSupportWanted: true,
            concernsPoliceConduct: false,
            receivedBy: 'staff-4081',
            receivedAt: '2025-03-16T10:00:00.000Z',
          },
        },
      ]);
  });

  it('takes a melding by meldpunt e-mail without incident type or time window, and a melding needs no appointment', () => {
    report
      .given()
      .when((s) =>
        decideReport(s, {
          type: 'ReceiveReport',
          data: {
            reportId: REPORT_ID,
            kind: 'melding',
            channel: { kind: 'meldpunt_email' },
            urgent: false,
            narrative: 'Straatverlichting defect in de Veldstraat.',
            parties: [{ partyId: '99999999-9999-4999-8999-999999999999', name: 'Stad Gent, dienst wegen', roles: ['reporter'] }],
            motiveFlags: [],
            victimSupportWanted: false,
            concernsPoliceConduct: false,
            officeRules: {},
          },
          metadata: at(MELDPUNT, '2025-03-16T10:00:00+01:00'),
        }),
      )
      .then([
        {
          type: 'ReportReceived',
          data: {
            reportId: REPORT_ID,
            kind: 'melding',
            channel: { kind: 'meldpunt_email' },
            urgent: false,
            narrative: 'Straatverlichting defect in de Veldstraat.',
            parties: [{ partyId: '99999999-9999-4999-8999-999999999999', name: 'Stad Gent, dienst wegen', roles: ['reporter'] }],
            motiveFlags: [],
            victimSupportWanted: false,
            concernsPoliceConduct: false,
            receivedBy: 'staff-1799',
            receivedAt: '2025-03-16T09:00:00.000Z',
          },
        },
      ]);
  });

  it.each([
    ['loss_declaration', 'lost'],
    ['found_object_declaration', 'found'],
  ] as const)('a %s also declares the object to evidence', (kind, declaration) => {
    report
      .given()
      .when((s) =>
        decideReceiveReport(
          s,
          receiveCommand({
            kind,
            channel: { kind: 'street' },
            appointmentRef: undefined,
            incidentType: undefined,
            parties: [REPORTER],
            narrative: 'Zwarte portefeuille',
            object: { description: 'Zwarte lederen portefeuille met identiteitskaart', category: 'wallet' },
          }),
        ),
      )
      .then([
        {
          type: 'ReportReceived',
          data: {
            reportId: REPORT_ID,
            kind,
            channel: { kind: 'street' },
            urgent: false,
            timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
            place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
            narrative: 'Zwarte portefeuille',
            parties: [REPORTER],
            motiveFlags: [],
            victimSupportWanted: false,
            concernsPoliceConduct: false,
            object: { description: 'Zwarte lederen portefeuille met identiteitskaart', category: 'wallet' },
            receivedBy: 'staff-4081',
            receivedAt: '2025-03-16T10:00:00.000Z',
          },
        },
        {
          type: 'ObjectDeclared',
          data: {
            reportId: REPORT_ID,
            declaration,
            object: { description: 'Zwarte lederen portefeuille met identiteitskaart', category: 'wallet' },
            declarant: { partyId: '11111111-1111-4111-8111-111111111111', name: 'An Peeters', contact: '+32 470 00 00 00' },
            place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt 1' },
            timeWindow: { from: '2025-03-15T20:00:00.000Z', to: '2025-03-16T06:30:00.000Z' },
            declaredAt: '2025-03-16T10:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a second intake on the same stream', () => {
    report
      .given(received())
      .when((s) => decideReceiveReport(s, receiveCommand()))
      .thenThrows({ code: 'report_already_received', status: 409, type: ReportConflict });
  });

  describe('refuses an invalid intake (422)', () => {
    const cases: [string, Parameters<typeof receiveCommand>[0], string, string][] = [
      ['a report id that is not a UUID', { reportId: 'r-1' }, 'invalid_id', 'reportId'],
      ['an unknown kind', { kind: 'attest' as never }, 'invalid_value', 'kind'],
      ['an unknown channel', { channel: { kind: 'fax' } as never }, 'invalid_value', 'channel.kind'],
      ['a front desk without office', { channel: { kind: 'front_desk', officeId: ' ' } }, 'required', 'channel.officeId'],
      ['an office the zone does not know', { channel: { kind: 'front_desk', officeId: 'nowhere' } }, 'unknown_office', 'channel.officeId'],
      [
        'a non-urgent aangifte at an appointment-only desk without appointment',
        { appointmentRef: undefined },
        'appointment_required',
        'appointmentRef',
      ],
      ['a blank appointment reference', { appointmentRef: ' ' }, 'required', 'appointmentRef'],
      ['urgent that is not a boolean', { urgent: 'yes' as never }, 'invalid_value', 'urgent'],
      ['an aangifte without incident type', { incidentType: undefined }, 'required', 'incidentType'],
      ['an aangifte without time window', { timeWindow: undefined }, 'required', 'timeWindow'],
      [
        'a time window that ends before it starts',
        { timeWindow: { from: '2025-03-16T08:00:00Z', to: '2025-03-16T07:00:00Z' } },
        'invalid_time_window',
        'timeWindow',
      ],
      [
        'a time window ending in the future',
        { timeWindow: { from: '2025-03-16T08:00:00Z', to: '2025-03-16T10:00:01Z' } },
        'time_window_in_future',
        'timeWindow.to',
      ],
      [
        'a time without offset',
        { timeWindow: { from: '2025-03-16T08:00:00', to: '2025-03-16T09:00:00Z' } },
        'invalid_time',
        'timeWindow.from',
      ],
      ['a blank narrative', { narrative: '' }, 'required', 'narrative'],
      ['a place without municipality', { place: { municipality: ' ' } }, 'required', 'place.municipality'],
      [
        'a postal code that is not four digits',
        { place: { municipality: 'Gent', postalCode: '900' } },
        'invalid_value',
        'place.postalCode',
      ],
      ['a party id that is not a UUID', { parties: [{ ...REPORTER, partyId: 'p-1' }] }, 'invalid_id', 'parties[0].partyId'],
      [
        'an object category evidence does not know',
        { kind: 'loss_declaration', object: { description: 'Fiets', category: 'boat' as never } },
        'invalid_value',
        'object.category',
      ],
      [
        'a loss declaration without place',
        { kind: 'loss_declaration', incidentType: undefined, place: undefined, object: { description: 'Fiets' } },
        'required',
        'place',
      ],
      ['a blank staff id concerned', { staffMembersConcerned: [' '] }, 'invalid_value', 'staffMembersConcerned'],
      [
        'a complaint naming the officer who takes it in',
        { concernsPoliceConduct: true, staffMembersConcerned: ['staff-4081'] },
        'complaint_names_receiver',
        'staffMembersConcerned',
      ],
      ['no parties', { parties: [] }, 'reporter_required', 'parties'],
      ['no reporter among the parties', { parties: [WITNESS] }, 'reporter_required', 'parties'],
      ['a party without roles', { parties: [REPORTER, { ...WITNESS, roles: [] }] }, 'invalid_parties', 'parties[1].roles'],
      ['an unknown role', { parties: [REPORTER, { ...WITNESS, roles: ['bystander' as never] }] }, 'invalid_value', 'parties[1].roles'],
      [
        'a party listed twice',
        { parties: [REPORTER, { ...WITNESS, partyId: '11111111-1111-4111-8111-111111111111' }] },
        'invalid_parties',
        'parties',
      ],
      ['a party without name', { parties: [{ ...REPORTER, name: '' }] }, 'required', 'parties[0]'],
      ['an unknown motive flag', { motiveFlags: ['racist' as never] }, 'invalid_value', 'motiveFlags'],
      ['a repeated motive flag', { motiveFlags: ['hate_crime', 'hate_crime'] }, 'invalid_value', 'motiveFlags'],
      ['victimSupportWanted that is not a boolean', { victimSupportWanted: undefined as never }, 'invalid_value', 'victimSupportWanted'],
      ['a loss declaration without object', { kind: 'loss_declaration' }, 'object_required', 'object.description'],
    ];
    it.each(cases)('%s', (_name, data, code, field) => {
      report
        .given()
        .when((s) => decideReceiveReport(s, receiveCommand(data)))
        .thenThrows({ code, status: 422, field, type: InvalidReportCommand });
    });
  });

  it('checks the time window against the command time, not a clock', () => {
    report
      .given()
      .when((s) => decideReceiveReport(s, receiveCommand({}, at(NOW.actor, '2025-03-16T06:29:00Z'))))
      .thenThrows({ code: 'time_window_in_future', status: 422 });
  });
});
