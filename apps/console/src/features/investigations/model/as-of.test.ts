import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/investigations.api';
import { asOfAfter, asOfAfterEach, brusselsDayRange } from './as-of';

const entry = (position: number, at: string): TimelineEntry => ({
  position,
  type: 'TaskCreated',
  at,
  actor: '5415-0201',
  summary: '',
  data: {},
});

describe('the file as it stood right after a step', () => {
  it('is asked just before the next step recorded later; steps recorded together go together; the last is now', () => {
    const entries = [
      entry(1, '2026-11-20T09:00:00.000Z'),
      entry(2, '2026-11-20T09:00:00.000Z'),
      entry(3, '2026-11-20T09:05:00.000Z'),
      entry(4, '2026-11-20T09:07:00.000Z'),
    ];
    expect(asOfAfterEach(entries)).toStrictEqual([
      '2026-11-20T09:04:59.999Z',
      '2026-11-20T09:04:59.999Z',
      '2026-11-20T09:06:59.999Z',
      null,
    ]);
  });

  it('in one pass gives what the single-step rule gives for every step, also when a later step was stamped earlier', () => {
    const times = ['09:00', '09:03', '09:03', '09:01', '09:04', '09:04', '09:02', '09:09', '09:09'].map((hm) => `2026-11-20T${hm}:00.000Z`);
    const entries = times.map((at, i) => entry(i + 1, at));
    expect(asOfAfterEach(entries)).toStrictEqual(entries.map((_, i) => asOfAfter(entries, i)));
  });

  it('of a thousand steps recorded three at a time, points each group at the next', () => {
    const entries = Array.from({ length: 1000 }, (_, i) =>
      entry(i + 1, new Date(Date.UTC(2026, 10, 20) + Math.floor(i / 3) * 1000).toISOString()),
    );
    const each = asOfAfterEach(entries);
    expect(each[0]).toBe('2026-11-20T00:00:00.999Z');
    expect(each[998]).toBe(asOfAfter(entries, 998));
    expect(each[999]).toBeNull();
  });
});

describe('an opening period of Belgian days', () => {
  it('runs from the first day’s midnight to the midnight after the last, in Belgian time, across the change to winter time', () => {
    expect(brusselsDayRange('2026-10-24', '2026-10-25')).toStrictEqual({
      openedFrom: '2026-10-24T00:00:00+02:00',
      openedTo: '2026-10-26T00:00:00+01:00',
    });
    expect(brusselsDayRange(null, '2026-03-28')).toStrictEqual({ openedTo: '2026-03-29T00:00:00+01:00' });
  });
});
