import { RecordedEvent } from '@police/event-store';
import { validateContract } from '@police/contracts';
import { InvestigationEvent } from '../domain/investigation.events';
import { DETECTIVE, GAK, INVESTIGATION_ID, opened, PARKET, recorded, REPORT_ID } from '../domain/investigation.fixtures.spec';
import { investigationsToPublic } from './investigations.public';

const stored = (e: InvestigationEvent): RecordedEvent =>
  ({
    id: 'evt-1',
    streamId: `investigation-${INVESTIGATION_ID}`,
    streamVersion: 0,
    type: e.type,
    data: e.data,
    metadata: { actor: 'x', occurredAt: 'x', correlationId: 'c-1', causationId: 'k-1' },
  }) as unknown as RecordedEvent;

describe('public contracts of the investigations service', () => {
  it('maps opened, both kinds of assignment, closed and reopened to valid contracts with the team as the identity provider names it', async () => {
    const messages = [
      opened,
      {
        type: 'LeadInvestigatorAssigned',
        data: { ...recorded(GAK, '2025-03-16T08:00:00.000Z'), leadInvestigator: DETECTIVE.staffId, team: 'Team Diefstallen' },
      },
      {
        type: 'InvestigationAssignedToTeam',
        data: {
          ...recorded(GAK, '2025-03-17T08:00:00.000Z'),
          team: 'Team Geweld',
          previousTeam: 'Team Diefstallen',
          routedBy: 'manual',
          reason: 'x',
          leadInvestigator: DETECTIVE.staffId,
        },
      },
      {
        type: 'InvestigationClosed',
        data: { ...recorded(DETECTIVE, '2025-09-30T15:00:00.000Z'), outcome: 'no_further_action', reason: 'x' },
      },
      {
        type: 'InvestigationReopened',
        data: {
          ...recorded(DETECTIVE, '2025-11-04T09:15:00.000Z'),
          reason: 'Nieuw spoor',
          previousOutcome: 'no_further_action',
          closedAt: '2025-09-30T15:00:00.000Z',
        },
      },
      { type: 'TeamMemberAdded', data: { ...recorded(GAK, '2025-03-16T08:00:00.000Z'), staffId: 'staff-1' } },
    ].map((e) => investigationsToPublic(stored(e as InvestigationEvent)));
    expect(messages.map((m) => m && { type: m.type, payload: m.payload, key: m.key })).toStrictEqual([
      {
        type: 'investigations.InvestigationOpened.v1',
        key: `investigation-${INVESTIGATION_ID}`,
        payload: {
          investigationId: INVESTIGATION_ID,
          caseNumber: PARKET.reference,
          kind: 'opsporingsonderzoek',
          phenomenon: 'woninginbraak',
          team: 'Diefstallen',
          origin: 'burger',
          directingAuthority: 'procureur_des_konings',
          openedAt: opened.data.recordedAt,
          sourceReportId: REPORT_ID,
        },
      },
      {
        type: 'investigations.InvestigationAssigned.v1',
        key: `investigation-${INVESTIGATION_ID}`,
        payload: {
          investigationId: INVESTIGATION_ID,
          team: 'Diefstallen',
          leadInvestigator: DETECTIVE.staffId,
          assignedBy: GAK.staffId,
          assignedAt: '2025-03-16T08:00:00.000Z',
        },
      },
      {
        type: 'investigations.InvestigationAssigned.v1',
        key: `investigation-${INVESTIGATION_ID}`,
        payload: {
          investigationId: INVESTIGATION_ID,
          team: 'Geweld',
          leadInvestigator: DETECTIVE.staffId,
          assignedBy: GAK.staffId,
          assignedAt: '2025-03-17T08:00:00.000Z',
        },
      },
      {
        type: 'investigations.InvestigationClosed.v1',
        key: `investigation-${INVESTIGATION_ID}`,
        payload: {
          investigationId: INVESTIGATION_ID,
          outcome: 'no_further_action',
          closedBy: DETECTIVE.staffId,
          closedAt: '2025-09-30T15:00:00.000Z',
        },
      },
      {
        type: 'investigations.InvestigationReopened.v1',
        key: `investigation-${INVESTIGATION_ID}`,
        payload: {
          investigationId: INVESTIGATION_ID,
          reason: 'Nieuw spoor',
          reopenedBy: DETECTIVE.staffId,
          reopenedAt: '2025-11-04T09:15:00.000Z',
        },
      },
      null,
    ]);
    for (const m of messages) if (m) expect((await validateContract(m.type, m.payload)).ok).toBe(true);
  });
});
