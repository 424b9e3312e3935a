import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth';
import { openReport } from '../testing/open-report';
import { reportActions } from './report-actions.model';

const person = (roles: SessionUser['roles']): SessionUser => ({
  username: 'x',
  name: 'X',
  staffId: '5415-0101',
  roles,
  teams: [],
  unit: '',
});
const desk = person(['front_desk']);

describe('what the desk may do with a report, and why not', () => {
  it('offers every action to the desk on a complete aangifte with a victim', () => {
    expect(Object.values(reportActions(openReport(), desk)).every((a) => a.ok)).toBe(true);
  });

  it('lets the chief read only, and a team lead handle the report', () => {
    expect(Object.values(reportActions(openReport(), person(['chief'])))).toEqual(Array(5).fill({ ok: false, why: 'readOnly' }));
    expect(Object.values(reportActions(openReport(), person(['team_lead']))).every((a) => a.ok)).toBe(true);
  });

  it('refers for investigation only an aangifte, klacht or melding, once, with what, when and where', () => {
    expect(reportActions(openReport({ kind: 'loss_declaration' }), desk).investigation).toEqual({
      ok: false,
      why: 'notInvestigable',
      kind: 'loss_declaration',
    });
    expect(reportActions(openReport({ investigationRequestedAt: '2026-11-20T09:00:00.000Z' }), desk).investigation).toEqual({
      ok: false,
      why: 'alreadyRequested',
      at: '2026-11-20T09:00:00.000Z',
    });
    expect(reportActions(openReport({ kind: 'melding', incidentType: undefined, place: undefined }), desk).investigation).toEqual({
      ok: false,
      why: 'missing',
      fields: ['incidentType', 'place'],
    });
  });

  it('offers victim support while a victim on the report was not offered it', () => {
    const victim = openReport().parties[0].partyId;
    expect(reportActions(openReport({ parties: [{ partyId: victim, name: 'B', roles: ['reporter'] }] }), desk).victimSupport).toEqual({
      ok: false,
      why: 'noVictim',
    });
    expect(reportActions(openReport({ victimSupportOffered: [victim] }), desk).victimSupport).toEqual({ ok: false, why: 'allOffered' });
  });
});
