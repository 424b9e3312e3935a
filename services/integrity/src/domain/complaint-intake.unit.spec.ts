import { decideAcknowledgeForwarding, decideForwardComplaint, decideReceiveComplaint } from './complaint.decide';
import { ComplaintConflict, ComplaintNotFound, InvalidComplaintCommand } from './complaint.errors';
import { compartmentOf, concernedStaffIds } from './complaint.state';
import {
  at,
  CLERK,
  complaint,
  COMPLAINT_ID,
  FORWARDED,
  forwardedToAig,
  forwardedToComiteP,
  logged,
  OFFICER_A,
  OFFICER_B,
  received,
  receiveCommand,
  REGISTER_NUMBER,
  REPORT_ID,
} from './complaint.fixtures.spec';

describe('receiving a complaint', () => {
  it('records the complaint and logs it in the corps register', () => {
    complaint
      .given()
      .when((s) => decideReceiveComplaint(s, receiveCommand()))
      .then([
        {
          type: 'IntegrityComplaintReceived',
          data: {
            complaintId: COMPLAINT_ID,
            channel: 'mail',
            complainant: { name: 'An Peeters', contact: 'an.peeters@example.be' },
            staffConcerned: [OFFICER_A, OFFICER_B],
            facts: 'Onbeleefd en intimiderend optreden bij een verkeerscontrole op 28 maart, Kortrijksesteenweg',
            receivedOn: '2025-04-01',
            recordedBy: 'staff-dit-01',
            recordedAt: '2025-04-02T09:15:00.000Z',
          },
        },
        {
          type: 'IntegrityComplaintLogged',
          data: {
            complaintId: COMPLAINT_ID,
            registerNumber: REGISTER_NUMBER,
            loggedBy: 'staff-dit-01',
            loggedAt: '2025-04-02T09:15:00.000Z',
          },
        },
      ]);
  });

  it('takes a complaint handed off by reports from the desk, with the report it came from', () => {
    complaint
      .given()
      .when((s) =>
        decideReceiveComplaint(s, receiveCommand({ channel: 'desk_report', reportId: REPORT_ID, complainant: { name: 'Jan Claes' } })),
      )
      .then([
        {
          type: 'IntegrityComplaintReceived',
          data: {
            complaintId: COMPLAINT_ID,
            channel: 'desk_report',
            complainant: { name: 'Jan Claes' },
            staffConcerned: [OFFICER_A, OFFICER_B],
            facts: 'Onbeleefd en intimiderend optreden bij een verkeerscontrole op 28 maart, Kortrijksesteenweg',
            receivedOn: '2025-04-01',
            reportId: REPORT_ID,
            recordedBy: 'staff-dit-01',
            recordedAt: '2025-04-02T09:15:00.000Z',
          },
        },
        logged,
      ]);
  });

  it('records the origin of a complaint that came via Comité P, and its forwarding to Comité P as an acknowledgement of origin', () => {
    complaint
      .given()
      .when((s) => decideReceiveComplaint(s, receiveCommand({ channel: 'via_comite_p', externalReference: 'CP-2025-33121' })))
      .then([
        received({ channel: 'via_comite_p', origin: { body: 'comite_p', externalReference: 'CP-2025-33121' } }),
        logged,
        {
          type: 'ComplaintForwardedToComiteP',
          data: {
            complaintId: COMPLAINT_ID,
            basis: 'origin',
            forwardedOn: '2025-04-01',
            reference: 'CP-2025-33121',
            recordedBy: 'staff-dit-01',
            recordedAt: '2025-04-02T09:15:00.000Z',
          },
        },
      ]);
  });

  it('does the same for a complaint that came via AIG', () => {
    complaint
      .given()
      .when((s) => decideReceiveComplaint(s, receiveCommand({ channel: 'via_aig', externalReference: 'AIG/2025/0999' })))
      .then([
        received({ channel: 'via_aig', origin: { body: 'aig', externalReference: 'AIG/2025/0999' } }),
        logged,
        {
          type: 'ComplaintForwardedToAig',
          data: {
            complaintId: COMPLAINT_ID,
            basis: 'origin',
            forwardedOn: '2025-04-01',
            reference: 'AIG/2025/0999',
            recordedBy: 'staff-dit-01',
            recordedAt: '2025-04-02T09:15:00.000Z',
          },
        },
      ]);
  });

  it('registers a complaint whose complainant could not identify the officers, and keeps the office it came in at', () => {
    complaint
      .given()
      .when((s) =>
        decideReceiveComplaint(s, receiveCommand({ channel: 'desk_report', reportId: REPORT_ID, staffConcerned: [], office: 'APG' })),
      )
      .then([received({ channel: 'desk_report', reportId: REPORT_ID, staffConcerned: [], office: 'APG' }), logged]);
  });

  it.each(['mail', 'letter', 'via_mayor', 'online_form'] as const)('accepts the %s channel', (channel) => {
    complaint
      .given()
      .when((s) => decideReceiveComplaint(s, receiveCommand({ channel })))
      .then([received({ channel }), logged]);
  });

  it('sits in the intake compartment and names its staff concerned', () => {
    const state = complaint.fold([received(), logged]);
    expect(compartmentOf(state)).toBe('integrity:intake');
    expect(concernedStaffIds(state)).toEqual([OFFICER_A, OFFICER_B]);
    expect(concernedStaffIds(complaint.fold([]))).toEqual([]);
  });

  it.each([
    ['a complaint via Comité P without their reference', { channel: 'via_comite_p' as const }, 'origin_required', 'externalReference'],
    ['an external reference on a mailed complaint', { externalReference: 'CP-1' }, 'origin_mismatch', 'externalReference'],
    ['a desk complaint without its report', { channel: 'desk_report' as const }, 'required', 'reportId'],
    ['a report id on a letter', { channel: 'letter' as const, reportId: REPORT_ID }, 'origin_mismatch', 'reportId'],
    ['a staff id that is blank', { staffConcerned: [OFFICER_A, ' '] }, 'required', 'staffConcerned[1]'],
    ['a blank office', { office: ' ' }, 'required', 'office'],
    ['the same staff member twice', { staffConcerned: [OFFICER_A, OFFICER_A] }, 'invalid_value', 'staffConcerned'],
    ['a receipt date after today', { receivedOn: '2025-04-03' }, 'date_in_future', 'receivedOn'],
    ['a malformed receipt date', { receivedOn: '01/04/2025' }, 'invalid_date', 'receivedOn'],
    ['an unknown channel', { channel: 'fax' as never }, 'invalid_value', 'channel'],
    ['blank facts', { facts: ' ' }, 'required', 'facts'],
    ['a complainant without a name', { complainant: { name: '' } }, 'required', 'complainant.name'],
    ['an id that is not a UUID', { complaintId: 'klacht-42' }, 'invalid_id', 'complaintId'],
  ])('refuses %s', (_, data, code, field) => {
    complaint
      .given()
      .when((s) => decideReceiveComplaint(s, receiveCommand(data)))
      .thenThrows({ type: InvalidComplaintCommand, code, status: 422, field });
  });

  it('refuses to receive twice on the same stream', () => {
    complaint
      .given(received(), logged)
      .when((s) => decideReceiveComplaint(s, receiveCommand()))
      .thenThrows({ type: ComplaintConflict, code: 'complaint_already_received', status: 409, message: /DIT-2025-0042/ });
  });
});

describe('forwarding to Comité P and AIG', () => {
  const forward = (body: 'comite_p' | 'aig', extra: { forwardedOn?: string } = {}, now = '2025-04-02T10:00:00.000Z') => ({
    type: 'ForwardComplaint' as const,
    data: { body, forwardedOn: '2025-04-02', channel: 'email' as const, ...extra },
    metadata: at(CLERK, now),
  });

  it('records the forwarding to Comité P with date and channel, the reference still to come', () => {
    complaint
      .given(received(), logged)
      .when((s) => decideForwardComplaint(s, forward('comite_p')))
      .then([forwardedToComiteP]);
  });

  it('records the forwarding to AIG with the reference when it is known at once', () => {
    complaint
      .given(received(), logged, forwardedToComiteP)
      .when((s) =>
        decideForwardComplaint(s, {
          type: 'ForwardComplaint',
          data: { body: 'aig', forwardedOn: '2025-04-02', channel: 'platform', reference: 'AIG/2025/1187' },
          metadata: at(CLERK, '2025-04-02T10:05:00.000Z'),
        }),
      )
      .then([forwardedToAig]);
  });

  it('still forwards a complaint that came via Comité P to AIG', () => {
    const origin = decideReceiveComplaint(
      { status: 'none' },
      receiveCommand({ channel: 'via_comite_p', externalReference: 'CP-2025-33121' }),
    );
    complaint
      .given(...origin)
      .when((s) => decideForwardComplaint(s, forward('aig')))
      .then([
        {
          type: 'ComplaintForwardedToAig',
          data: {
            complaintId: COMPLAINT_ID,
            basis: 'forwarded',
            forwardedOn: '2025-04-02',
            channel: 'email',
            recordedBy: 'staff-dit-01',
            recordedAt: '2025-04-02T10:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to forward to Comité P a complaint that came from them', () => {
    const origin = decideReceiveComplaint(
      { status: 'none' },
      receiveCommand({ channel: 'via_comite_p', externalReference: 'CP-2025-33121' }),
    );
    complaint
      .given(...origin)
      .when((s) => decideForwardComplaint(s, forward('comite_p')))
      .thenThrows({ type: ComplaintConflict, code: 'already_forwarded', status: 409, message: /came from them/ });
  });

  it('refuses a second forwarding to the same body', () => {
    complaint
      .given(received(), logged, forwardedToComiteP)
      .when((s) => decideForwardComplaint(s, forward('comite_p')))
      .thenThrows({ type: ComplaintConflict, code: 'already_forwarded', status: 409 });
  });

  it('refuses a forwarding dated before receipt', () => {
    complaint
      .given(received(), logged)
      .when((s) => decideForwardComplaint(s, forward('aig', { forwardedOn: '2025-03-31' })))
      .thenThrows({ type: InvalidComplaintCommand, code: 'invalid_date', status: 422, field: 'forwardedOn' });
  });

  it('refuses to forward a complaint that does not exist', () => {
    complaint
      .given()
      .when((s) => decideForwardComplaint(s, forward('aig')))
      .thenThrows({ type: ComplaintNotFound, code: 'complaint_not_found', status: 404 });
  });

  describe('acknowledgement with the body reference', () => {
    const acknowledge = (body: 'comite_p' | 'aig') => ({
      type: 'AcknowledgeForwarding' as const,
      data: { body, reference: 'CP-2025-40001', acknowledgedOn: '2025-04-07' },
      metadata: at(CLERK, '2025-04-07T08:30:00.000Z'),
    });

    it('records the reference Comité P gave later', () => {
      complaint
        .given(...FORWARDED)
        .when((s) => decideAcknowledgeForwarding(s, acknowledge('comite_p')))
        .then([
          {
            type: 'ForwardingAcknowledged',
            data: {
              complaintId: COMPLAINT_ID,
              body: 'comite_p',
              reference: 'CP-2025-40001',
              acknowledgedOn: '2025-04-07',
              recordedBy: 'staff-dit-01',
              recordedAt: '2025-04-07T08:30:00.000Z',
            },
          },
        ]);
      const state = complaint.fold([...FORWARDED, ...decideAcknowledgeForwarding(complaint.fold(FORWARDED), acknowledge('comite_p'))]);
      expect(state.status === 'registered' && state.forwardings.comite_p).toEqual({
        basis: 'forwarded',
        forwardedOn: '2025-04-02',
        channel: 'email',
        reference: 'CP-2025-40001',
      });
    });

    it('refuses a reference for a body that already gave one', () => {
      complaint
        .given(...FORWARDED)
        .when((s) => decideAcknowledgeForwarding(s, acknowledge('aig')))
        .thenThrows({ type: ComplaintConflict, code: 'forwarding_already_acknowledged', status: 409, message: /AIG\/2025\/1187/ });
    });

    it('refuses an acknowledgement of a forwarding not made', () => {
      complaint
        .given(received(), logged)
        .when((s) => decideAcknowledgeForwarding(s, acknowledge('comite_p')))
        .thenThrows({ type: ComplaintNotFound, code: 'forwarding_not_found', status: 404 });
    });
  });
});
