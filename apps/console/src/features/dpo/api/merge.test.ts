import { describe, expect, it } from 'vitest';
import type { LogService } from '../access';
import type { Consultation } from './dpo.types';
import { mergeLogs, ServicePage } from './merge';

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
