import { describe, expect, it } from 'vitest';
import { appointmentExpected, initialIntakeValues, IntakeValues, toReceiveReportBody, validateIntake } from './intake-form.model';

const m = {
  required: 'req',
  municipality: 'muni',
  postalCode: 'pc',
  windowOrder: 'order',
  roles: 'roles',
  reporter: 'reporter',
  staffId: 'staff',
};

function filled(): IntakeValues {
  const v = initialIntakeValues();
  v.kind = 'aangifte';
  v.channel = { kind: 'front_desk', officeId: 'apg' };
  v.appointmentRef = ' APT-1 ';
  v.incidentType = 'woninginbraak';
  v.timeWindow = { from: '2026-11-19 21:00:00', to: '2026-11-20 07:30:00' };
  v.place = { municipality: 'Gent', postalCode: '9000', address: '' };
  v.narrative = 'Achterdeur geforceerd.';
  v.parties[0].name = 'A. Peeters';
  v.parties[0].roles = ['reporter', 'victim'];
  return v;
}

describe('the intake form and the request body', () => {
  it('sends Belgian wall-clock times as instants with their offset (winter +01:00, summer +02:00) and leaves blanks out', () => {
    const body = toReceiveReportBody(filled());
    expect(body).toEqual({
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: false,
      appointmentRef: 'APT-1',
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000' },
      narrative: 'Achterdeur geforceerd.',
      parties: [{ name: 'A. Peeters', roles: ['reporter', 'victim'] }],
      motiveFlags: [],
      victimSupportWanted: false,
      concernsPoliceConduct: false,
    });
    const summer = filled();
    summer.timeWindow = { from: '2026-07-01 12:00:00', to: '2026-07-01 13:00:00' };
    expect(toReceiveReportBody(summer).timeWindow).toEqual({ from: '2026-07-01T12:00:00+02:00', to: '2026-07-01T13:00:00+02:00' });
  });

  it('drops the office and appointment for a channel other than the front desk', () => {
    const v = filled();
    v.channel.kind = 'police_on_web';
    const body = toReceiveReportBody(v);
    expect(body.channel).toEqual({ kind: 'police_on_web' });
    expect(body).not.toHaveProperty('appointmentRef');
  });

  it('sends the object of a declaration, and the staff concerned only with a conduct complaint', () => {
    const found = filled();
    found.kind = 'found_object_declaration';
    found.object = { description: ' Zwarte portefeuille ', category: 'wallet' };
    expect(toReceiveReportBody(found).object).toEqual({ description: 'Zwarte portefeuille', category: 'wallet' });
    const notFound = filled();
    notFound.object = { description: 'Zwarte portefeuille', category: null };
    expect(toReceiveReportBody(notFound)).not.toHaveProperty('object');

    const conduct = filled();
    conduct.kind = 'klacht';
    conduct.staffMembersConcerned = [' 5415-0201 ', ''];
    expect(toReceiveReportBody(conduct)).not.toHaveProperty('staffMembersConcerned');
    conduct.concernsPoliceConduct = true;
    expect(toReceiveReportBody(conduct)).toMatchObject({ concernsPoliceConduct: true, staffMembersConcerned: ['5415-0201'] });
  });

  it('says beforehand when an office expects an appointment: an aangifte or klacht, not urgent, at an appointment-only desk', () => {
    const offices = [
      { id: 'apg', walkIn: false },
      { id: 'regio', walkIn: true },
    ];
    const v = filled();
    expect(appointmentExpected(v, offices)).toBe(true);
    expect(appointmentExpected({ ...v, urgent: true }, offices)).toBe(false);
    expect(appointmentExpected({ ...v, kind: 'melding' }, offices)).toBe(false);
    expect(appointmentExpected({ ...v, channel: { kind: 'front_desk', officeId: 'regio' } }, offices)).toBe(false);
    expect(appointmentExpected({ ...v, channel: { kind: 'phone', officeId: 'apg' } }, offices)).toBe(false);
  });

  it('checks the obvious before sending, by the fields the API names, as the kind asks', () => {
    expect(validateIntake(filled(), m)).toEqual({});
    const v = initialIntakeValues();
    v.place.postalCode = '90';
    v.timeWindow = { from: '2026-11-20 08:00:00', to: '2026-11-20 07:00:00' };
    v.parties[0].roles = [];
    expect(validateIntake(v, m)).toEqual({
      kind: 'req',
      'channel.officeId': 'req',
      narrative: 'req',
      'place.postalCode': 'pc',
      'place.municipality': 'muni',
      'timeWindow.to': 'order',
      'parties.0.name': 'req',
      'parties.0.roles': 'roles',
      parties: 'reporter',
    });
    // An aangifte says what and when; a declaration what object and where; a melding neither.
    const aangifte = filled();
    aangifte.incidentType = '';
    aangifte.timeWindow = { from: null, to: null };
    expect(validateIntake(aangifte, m)).toEqual({ incidentType: 'req', 'timeWindow.from': 'req', 'timeWindow.to': 'req' });
    const lost = { ...aangifte, kind: 'loss_declaration' as const, place: { municipality: '', postalCode: '', address: '' } };
    expect(validateIntake(lost, m)).toEqual({ 'place.municipality': 'req', 'object.description': 'req' });
    expect(validateIntake({ ...aangifte, kind: 'melding' }, m)).toEqual({});
    const conduct = { ...filled(), concernsPoliceConduct: true, staffMembersConcerned: ['5415 0201'] };
    expect(validateIntake(conduct, m)).toEqual({ staffMembersConcerned: 'staff' });
  });
});
