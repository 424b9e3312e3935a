import { describe, expect, it } from 'vitest';
import type { LogService } from '../access';
import type { Consultation, DayVerification } from './dpo.types';
import { groupVerifications, mergeLogs, ServicePage } from './merge';

function entry(id: string, at: string): Consultation {
  return {
    id,
    at,
    actor: { staffId: '5415-0001', username: 'filip.vermeulen', roles: ['chief'], teams: [], unit: 'Korpsleiding' },
    subject: { type: 'report', ids: ['r'], caseRef: null, compartments: [], concernedStaffIds: [] },
    kind: 'record',
    outcome: 'granted',
    basis: 'break_glass',
    refusal: null,
    reason: 'x',
    breakGlass: true,
    justification: { text: 'Waarom', caseRef: null },
    endpoint: { method: 'GET', route: '/api/reports/:id' },
    correlationId: 'c',
    chain: { stream: 'consultations-2026-12-06', version: 0 },
  };
}
const page = (service: LogService, items: Consultation[], nextCursor: string | null = null): ServicePage => ({
  service,
  page: { items, nextCursor },
});

describe('mergeLogs: four logs, each paged newest first, as one', () => {
  it('orders every entry newest first and names its service, when every log is read to its end', () => {
    const merged = mergeLogs([
      page('reports', [entry('a', '2026-12-06T10:00:00.000Z'), entry('b', '2026-12-06T08:00:00.000Z')]),
      page('evidence', [entry('c', '2026-12-06T09:00:00.000Z')]),
      page('integrity', []),
    ]);
    expect(merged.entries.map((e) => [e.id, e.service])).toEqual([
      ['a', 'reports'],
      ['c', 'evidence'],
      ['b', 'reports'],
    ]);
    expect(merged.next).toBeUndefined();
  });

  it('shows nothing older than the last entry of a log that has more, and asks that log next', () => {
    const merged = mergeLogs([
      page('reports', [entry('a', '2026-12-06T10:00:00.000Z'), entry('b', '2026-12-06T06:00:00.000Z')]),
      page('investigations', [entry('c', '2026-12-06T09:00:00.000Z'), entry('d', '2026-12-06T08:00:00.000Z')], 'cur-inv'),
      page('evidence', [entry('e', '2026-12-06T07:00:00.000Z')], 'cur-ev'),
    ]);
    // Investigations' next page could hold 08:00 > t > 07:00 entries: b and e wait.
    expect(merged.entries.map((e) => e.id)).toEqual(['a', 'c', 'd']);
    expect(merged.next).toEqual({ service: 'investigations', cursor: 'cur-inv' });
  });

  it('takes a later page of a log in with its first', () => {
    const merged = mergeLogs([
      page('reports', [entry('a', '2026-12-06T10:00:00.000Z')], 'cur-1'),
      page('evidence', [entry('e', '2026-12-06T07:00:00.000Z')]),
      page('reports', [entry('b', '2026-12-06T06:00:00.000Z')]),
    ]);
    expect(merged.entries.map((e) => e.id)).toEqual(['a', 'e', 'b']);
    expect(merged.next).toBeUndefined();
  });
});

describe('a day verified through each service', () => {
  const day = '2026-12-07';
  const intact = (keptBy: string, events: number, headHash: string): DayVerification => ({
    date: day,
    stream: `consultations-${day}`,
    ok: true,
    events,
    headHash,
    lanes: [{ lane: 0, stream: `consultations-${day}`, ok: true, events, headHash }],
    dayHeads: { stream: `consultations-${day}-heads`, records: 1 },
    keptBy,
  });

  it('shows a log the four services share once, at its latest reading, though it grew between the readings', () => {
    const chains = groupVerifications([
      { service: 'reports', verification: intact('embedded', 118, 'a') },
      { service: 'investigations', verification: intact('embedded', 119, 'b') },
      { service: 'evidence', verification: intact('embedded', 119, 'b') },
      { service: 'integrity', verification: intact('embedded', 118, 'a') },
    ]);
    expect(chains).toEqual([
      { services: ['reports', 'investigations', 'evidence', 'integrity'], verification: intact('embedded', 119, 'b') },
    ]);
  });

  it('shows each service its own log when they keep their own, even with equal answers', () => {
    const chains = groupVerifications([
      { service: 'reports', verification: intact('reports', 0, '0') },
      { service: 'evidence', verification: intact('evidence', 0, '0') },
    ]);
    expect(chains.map((c) => c.services)).toEqual([['reports'], ['evidence']]);
  });

  it('shows a shared log broken when any reading found it broken', () => {
    const broken: DayVerification = {
      ...intact('embedded', 118, 'a'),
      ok: false,
      brokenAt: { stream: `consultations-${day}`, streamVersion: 4, eventId: 'e-4', reason: 'content' },
      problems: ['lane 0: entry 5 (event e-4): its content does not match its hash'],
    };
    const chains = groupVerifications([
      { service: 'reports', verification: intact('embedded', 119, 'b') },
      { service: 'investigations', verification: broken },
      { service: 'evidence', verification: intact('embedded', 120, 'c') },
    ]);
    expect(chains).toEqual([{ services: ['reports', 'investigations', 'evidence'], verification: broken }]);
  });
});
