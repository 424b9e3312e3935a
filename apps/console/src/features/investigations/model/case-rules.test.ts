import { describe, expect, it } from 'vitest';
import { CHIEF, ELS, PIETER, SOFIE } from '@/testing/users';
import type { CaseFile } from '../api/investigations.api';
import { caseRules, hearingRules, isOverdue } from './case-rules';

function file(over: Partial<CaseFile> = {}): CaseFile {
  return {
    investigationId: '0d9f1c4e-2b3a-4c5d-8e6f-7a8b9c0d1e2f',
    title: 'Inbraakreeks Muide',
    status: 'open',
    kind: 'opsporingsonderzoek',
    origin: { kind: 'eigen_initiatief' },
    phenomenon: 'woninginbraak',
    directingAuthority: null,
    team: 'Diefstallen',
    teamHistory: [],
    leadInvestigator: null,
    leadHistory: [],
    members: [],
    openedAt: '2026-11-20T09:00:00.000Z',
    openedBy: '5415-0201',
    parties: [],
    actions: [],
    tasks: [],
    parketTasks: [],
    reports: [],
    evidence: [],
    labResults: [],
    seriesLinks: [],
    reportedToMagistrate: null,
    closure: null,
    reopenings: [],
    ...over,
  } as CaseFile;
}

describe('what the case file offers, as the investigations API decides it', () => {
  it('lets the team work on its case, and only its team lead assign it; reporting and closing to the lead investigator or a team lead', () => {
    expect(caseRules(PIETER, file())).toStrictEqual({
      work: null,
      assign: { key: 'notTeamLead', values: { team: 'Diefstallen' } },
      report: { key: 'notLeadOrTeamLead', values: { team: 'Diefstallen' } },
      close: { key: 'notLeadOrTeamLead', values: { team: 'Diefstallen' } },
      reopen: { key: 'notLeadOrTeamLead', values: { team: 'Diefstallen' } },
    });
    expect(caseRules(PIETER, file({ leadInvestigator: PIETER.staffId }))).toMatchObject({
      work: null,
      report: null,
      close: null,
      reopen: { key: 'notClosed' },
    });
    expect(caseRules(ELS, file())).toMatchObject({ work: null, assign: null, close: null });
  });

  it('keeps another team out unless they were added to the case, and the chief reading only', () => {
    expect(caseRules(SOFIE, file()).work).toStrictEqual({ key: 'notOnCase', values: { team: 'Diefstallen' } });
    expect(caseRules(SOFIE, file({ members: [SOFIE.staffId] })).work).toBeNull();
    expect(caseRules(CHIEF, file()).work).toStrictEqual({ key: 'readOnlyRole' });
  });

  it('takes nothing but reopening on a closed case, and nothing at all in a historical view', () => {
    const closed = caseRules(ELS, file({ status: 'closed' }));
    expect(closed).toMatchObject({ work: { key: 'closed' }, assign: { key: 'closed' }, close: { key: 'closed' }, reopen: null });
    expect(Object.values(caseRules(ELS, file(), true)).every((r) => r?.key === 'historical')).toBe(true);
  });
});

describe('Salduz and deadlines', () => {
  it('offers a deferred Salduz hearing for a suspect only, and no waiver of a lawyer to a minor', () => {
    expect(hearingRules({ role: 'suspect' } as never, false)).toStrictEqual({ deferredSalduz: true, assistance: ['present', 'waived'] });
    expect(hearingRules({ role: 'suspect' } as never, true)).toStrictEqual({ deferredSalduz: true, assistance: ['present'] });
    expect(hearingRules({ role: 'witness' } as never, false)).toStrictEqual({
      deferredSalduz: false,
      assistance: ['present', 'waived', 'not_applicable'],
    });
  });

  it('marks a task overdue from the day after its due day, Belgian calendar, unless done', () => {
    expect(isOverdue('2026-11-19', false, '2026-11-20')).toBe(true);
    expect(isOverdue('2026-11-20', false, '2026-11-20')).toBe(false);
    expect(isOverdue('2026-11-19', true, '2026-11-20')).toBe(false);
  });
});
