import { describe, expect, it } from 'vitest';
import { initialIntakeValues, IntakeValues, toReceiveReportBody, validateIntake } from './intake-form.model';

const m = { required: 'req', postalCode: 'pc', windowOrder: 'order', roles: 'roles', reporter: 'reporter' };

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
    v.channel.kind = 'phone';
    const body = toReceiveReportBody(v);
    expect(body.channel).toEqual({ kind: 'phone' });
    expect(body).not.toHaveProperty('appointmentRef');
  });

  it('checks the obvious before sending, by the fields the API names', () => {
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
      'place.municipality': 'req',
      'timeWindow.to': 'order',
      'parties.0.name': 'req',
      'parties.0.roles': 'roles',
      parties: 'reporter',
    });
  });
});
