import { AccessDecision, decideAccess, ProtectedResource } from './access-decision';
import { DEFAULT_COMPARTMENTS, DEFAULT_RESOURCE_POLICIES, PROCESSING_RESTRICTED } from './access-policy';
import { DEV_USERS } from './dev-users';
import { Principal } from './principal';

const who = (username: string): Principal => {
  const u = DEV_USERS.find((x) => x.username === username)!;
  return { staffId: u.staffId, username: u.username, displayName: u.displayName, roles: u.roles, teams: u.teams, unit: u.unit };
};
const JUSTIFIED = { text: 'Reeks inbraken met dezelfde werkwijze in Gentbrugge', caseRef: 'GE.55.L1.000001-2026' };

function decide(username: string, resource: ProtectedResource, action: 'read' | 'write' = 'read', justified = false): string {
  const d: AccessDecision = decideAccess(
    who(username),
    resource,
    action,
    justified ? JUSTIFIED : undefined,
    DEFAULT_RESOURCE_POLICIES,
    DEFAULT_COMPARTMENTS,
  );
  return d.granted ? `granted:${d.basis}` : `refused:${d.refusal}`;
}

const burglary: ProtectedResource = { type: 'investigation', id: 'i-1', teams: ['Diefstallen'], assignees: ['5415-0201'] };
const zeden: ProtectedResource = { type: 'investigation', id: 'i-2', teams: ['Zeden'], assignees: ['5415-0203'], restricted: true };
const item: ProtectedResource = { type: 'evidence_item', id: 'e-1', teams: ['Drugs'] };
const restrictedItem: ProtectedResource = { ...item, id: 'e-2', teams: ['Zeden'], restricted: true };
const report: ProtectedResource = { type: 'report', id: 'r-1', teams: ['Diefstallen'] };
const bitComplaint: ProtectedResource = {
  type: 'integrity_complaint',
  id: 'c-1',
  compartment: 'integrity:BIT',
  concernedStaffIds: ['5415-0201'],
};
const tuchtCase: ProtectedResource = {
  type: 'disciplinary_case',
  id: 'd-1',
  compartment: 'integrity:Tucht',
  concernedStaffIds: ['5415-0204'],
  designated: ['5415-0210'],
};

describe('decideAccess: default deny, assignment, team, role, compartment, break-glass', () => {
  it.each([
    // reader              record          read                              read with justification
    ['pieter.janssens', burglary, 'granted:assignment', 'granted:assignment'],
    ['els.jacobs', burglary, 'granted:team', 'granted:team'],
    ['sofie.maes', burglary, 'refused:justification_required', 'granted:break_glass'],
    ['koen.claes', burglary, 'refused:justification_required', 'granted:break_glass'],
    ['filip.vermeulen', burglary, 'refused:justification_required', 'granted:break_glass'],
    ['an.peeters', burglary, 'refused:forbidden', 'refused:forbidden'],
    ['marc.goossens', burglary, 'refused:forbidden', 'refused:forbidden'],
    ['ines.dubois', burglary, 'refused:forbidden', 'refused:forbidden'],
    ['bart.desmet', burglary, 'refused:forbidden', 'refused:forbidden'],
    ['lotte.willems', zeden, 'granted:assignment', 'granted:assignment'],
    ['pieter.janssens', zeden, 'refused:hidden', 'refused:hidden'],
    ['els.jacobs', zeden, 'refused:hidden', 'refused:hidden'],
    ['marc.goossens', zeden, 'refused:hidden', 'refused:hidden'],
    ['filip.vermeulen', zeden, 'refused:justification_required', 'granted:break_glass'],
    ['marc.goossens', item, 'granted:role', 'granted:role'],
    ['nathalie.wouters', item, 'granted:role', 'granted:role'],
    ['sofie.maes', item, 'granted:team', 'granted:team'],
    ['pieter.janssens', item, 'refused:justification_required', 'granted:break_glass'],
    ['marc.goossens', restrictedItem, 'refused:hidden', 'refused:hidden'],
    ['sofie.maes', restrictedItem, 'refused:hidden', 'refused:hidden'],
    ['filip.vermeulen', restrictedItem, 'refused:justification_required', 'granted:break_glass'],
    ['an.peeters', report, 'granted:role', 'granted:role'],
    ['pieter.janssens', report, 'granted:team', 'granted:team'],
    ['nathalie.wouters', report, 'refused:forbidden', 'refused:forbidden'],
    ['pieter.janssens', bitComplaint, 'refused:hidden', 'refused:hidden'],
    ['bart.desmet', bitComplaint, 'granted:role', 'granted:role'],
    ['filip.vermeulen', bitComplaint, 'granted:role', 'granted:role'],
    ['hilde.mertens', bitComplaint, 'refused:hidden', 'refused:hidden'],
    ['ines.dubois', bitComplaint, 'refused:hidden', 'refused:hidden'],
    ['sofie.maes', bitComplaint, 'refused:hidden', 'refused:hidden'],
    ['hilde.mertens', tuchtCase, 'granted:role', 'granted:role'],
    ['els.jacobs', tuchtCase, 'granted:assignment', 'granted:assignment'],
    ['koen.claes', tuchtCase, 'refused:hidden', 'refused:hidden'],
    ['bart.desmet', tuchtCase, 'refused:hidden', 'refused:hidden'],
  ])('%s reading %o: %s, justified: %s', (username, resource, plain, justified) => {
    expect(decide(username, resource)).toBe(plain);
    expect(decide(username, resource, 'read', true)).toBe(justified);
  });

  it('hides a record from the people it concerns even when they are assigned to it or hold its role', () => {
    expect(decide('bart.desmet', { ...bitComplaint, concernedStaffIds: ['5415-0401'], assignees: ['5415-0401'] }, 'read', true)).toBe(
      'refused:hidden',
    );
    expect(decide('pieter.janssens', { ...burglary, concernedStaffIds: ['5415-0201'] }, 'read', true)).toBe('refused:hidden');
  });

  it('hides a restricted record, for reads and writes, from everyone who could never open it; the chief is told it exists', () => {
    expect(decide('sofie.maes', zeden, 'write')).toBe('refused:hidden');
    expect(decide('marc.goossens', restrictedItem, 'write')).toBe('refused:hidden');
    expect(decide('lotte.willems', { ...restrictedItem, assignees: [] }, 'write')).toBe('granted:team');
    expect(decide('filip.vermeulen', zeden, 'write', true)).toBe('refused:forbidden');
  });

  it('hides a record whose processing the DPO restricted from everyone but the DPO: assignees, team, role and the chief alike', () => {
    const restricted: ProtectedResource = { ...burglary, compartment: PROCESSING_RESTRICTED };
    expect(decide('pieter.janssens', burglary)).toBe('granted:assignment');
    expect(decide('pieter.janssens', restricted)).toBe('refused:hidden');
    expect(decide('pieter.janssens', restricted, 'write')).toBe('refused:hidden');
    expect(decide('els.jacobs', restricted, 'read', true)).toBe('refused:hidden');
    expect(decide('an.peeters', { ...report, compartment: PROCESSING_RESTRICTED })).toBe('refused:hidden');
    expect(decide('filip.vermeulen', restricted, 'read', true)).toBe('refused:hidden');
    expect(decide('ines.dubois', restricted)).toBe('granted:role');
    expect(decide('ines.dubois', burglary, 'read', true)).toBe('refused:forbidden');
  });

  it('never breaks the glass for a write', () => {
    expect(decide('pieter.janssens', burglary, 'write')).toBe('granted:assignment');
    expect(decide('els.jacobs', burglary, 'write')).toBe('granted:team');
    expect(decide('sofie.maes', burglary, 'write', true)).toBe('refused:forbidden');
    expect(decide('filip.vermeulen', burglary, 'write', true)).toBe('refused:forbidden');
  });

  it('refuses everyone for an unknown compartment (bar the assignees) and for a type without a policy', () => {
    expect(decide('filip.vermeulen', { type: 'integrity_complaint', id: 'x', compartment: 'integrity:unknown' })).toBe('refused:hidden');
    expect(
      decide('bart.desmet', { type: 'integrity_complaint', id: 'x', compartment: 'integrity:unknown', assignees: ['5415-0401'] }),
    ).toBe('granted:assignment');
    expect(decide('bart.desmet', { type: 'integrity_complaint', id: 'x' })).toBe('refused:forbidden');
    expect(decideAccess(who('filip.vermeulen'), { type: 'report', id: 'r' }, 'read', JUSTIFIED, {} as never, {})).toEqual({
      granted: false,
      refusal: 'forbidden',
      reason: 'no policy for report',
    });
  });

  it('says why, in words that go into the consultation record', () => {
    expect(decideAccess(who('els.jacobs'), burglary, 'read', undefined, DEFAULT_RESOURCE_POLICIES, DEFAULT_COMPARTMENTS)).toEqual({
      granted: true,
      basis: 'team',
      reason: 'member of team Diefstallen',
    });
    expect(decideAccess(who('sofie.maes'), burglary, 'read', JUSTIFIED, DEFAULT_RESOURCE_POLICIES, DEFAULT_COMPARTMENTS)).toEqual({
      granted: true,
      basis: 'break_glass',
      reason: 'stated justification',
      justification: JUSTIFIED,
    });
    expect(decideAccess(who('pieter.janssens'), burglary, 'read', undefined, DEFAULT_RESOURCE_POLICIES, DEFAULT_COMPARTMENTS)).toEqual({
      granted: true,
      basis: 'assignment',
      reason: 'assigned to investigation i-1',
    });
  });
});
