import { AccessControl } from './access-control';
import { DEFAULT_COMPARTMENTS, DEFAULT_RESOURCE_POLICIES } from './access-policy';
import type { ConsultationLog } from './consultation-log';
import { DEV_USERS } from './dev-users';
import { Principal } from './principal';

const who = (username: string): Principal => {
  const u = DEV_USERS.find((x) => x.username === username)!;
  return { staffId: u.staffId, username: u.username, displayName: u.displayName, roles: u.roles, teams: u.teams, unit: u.unit };
};

// seesByRole reads the rules only; the consultation log is never reached.
const control = (policies = DEFAULT_RESOURCE_POLICIES) =>
  new AccessControl(null as unknown as ConsultationLog, { policies, compartments: DEFAULT_COMPARTMENTS });

describe("AccessControl.seesByRole: whether a list may be narrowed to the reader's teams and assignments", () => {
  it('follows the policy in force: nobody opens every investigation by role by default; the desk sees reports, the evidence desk items', () => {
    const ac = control();
    expect(
      ['pieter.janssens', 'els.jacobs', 'filip.vermeulen', 'marc.goossens'].map((u) => ac.seesByRole(who(u), 'investigation')),
    ).toEqual([false, false, false, false]);
    expect(ac.seesByRole(who('an.peeters'), 'report')).toBe(true);
    expect(ac.seesByRole(who('pieter.janssens'), 'report')).toBe(false);
    expect(ac.seesByRole(who('marc.goossens'), 'evidence_item')).toBe(true);
  });

  it('answers true once a host gives a role every investigation (so the list must not be narrowed)', () => {
    const ac = control({ ...DEFAULT_RESOURCE_POLICIES, investigation: { ...DEFAULT_RESOURCE_POLICIES.investigation, role: ['chief'] } });
    expect(ac.seesByRole(who('filip.vermeulen'), 'investigation')).toBe(true);
    expect(ac.seesByRole(who('pieter.janssens'), 'investigation')).toBe(false);
  });
});
