import { describe, expect, it } from 'vitest';
import { openReport, REPORTER } from '../testing/open-report';
import { amendmentChanges, factsFromReport, newParty, validateFacts } from './facts.model';

const m = {
  required: 'req',
  municipality: 'muni',
  postalCode: 'pc',
  windowOrder: 'order',
  roles: 'roles',
  reporter: 'reporter',
  staffId: 'staff',
};

describe('the facts of a report, edited', () => {
  it('reads a report into the form in Belgian time, and an untouched form changes nothing', () => {
    const facts = factsFromReport(openReport());
    expect(facts.timeWindow).toEqual({ from: '2026-11-18 08:00:00', to: '2026-11-18 17:00:00' });
    expect(facts.parties).toEqual([{ key: REPORTER, partyId: REPORTER, name: 'B. Claes', roles: ['reporter', 'victim'], contact: '' }]);
    expect(amendmentChanges(facts, structuredClone(facts))).toEqual({});
  });

  it('sends only what changed: the parties as a whole list keeping their ids, times as instants with the Belgian offset', () => {
    const before = factsFromReport(openReport());
    const after = structuredClone(before);
    after.narrative = 'Fiets gestolen aan het station.';
    after.timeWindow.to = '2026-11-18 18:00:00';
    after.parties.push({ ...newParty(['witness']), name: 'J. Janssens' });
    expect(amendmentChanges(before, after)).toEqual({
      narrative: 'Fiets gestolen aan het station.',
      timeWindow: { from: '2026-11-18T08:00:00+01:00', to: '2026-11-18T18:00:00+01:00' },
      parties: [
        { partyId: REPORTER, name: 'B. Claes', roles: ['reporter', 'victim'] },
        { name: 'J. Janssens', roles: ['witness'] },
      ],
    });
  });

  it('routes by saying it concerns police conduct, with the staff concerned', () => {
    const before = factsFromReport(openReport());
    const after = { ...structuredClone(before), concernsPoliceConduct: true, staffMembersConcerned: ['5415-0201'] };
    expect(amendmentChanges(before, after)).toEqual({ concernsPoliceConduct: true, staffMembersConcerned: ['5415-0201'] });
  });

  it('keeps what the report has: an amendment may change the time window, place or incident type, not clear them', () => {
    const cleared = {
      ...factsFromReport(openReport({ kind: 'melding' })),
      incidentType: '',
      timeWindow: { from: null, to: null },
      place: { municipality: '', postalCode: '', address: '' },
    };
    const keep = { incidentType: true, timeWindow: true, place: true };
    expect(validateFacts(cleared, m, { criminal: false, placeRequired: false, keep }, 'changes.')).toEqual({
      'changes.incidentType': 'req',
      'changes.place.municipality': 'req',
      'changes.timeWindow.from': 'req',
      'changes.timeWindow.to': 'req',
    });
    expect(validateFacts(cleared, m, { criminal: false, placeRequired: false }, 'changes.')).toEqual({});
  });
});
