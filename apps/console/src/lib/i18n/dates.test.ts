import { describe, expect, it } from 'vitest';
import { brusselsDayStart, brusselsToInstant, instantToBrussels } from './dates';

describe('Belgian time, whatever the browser’s zone', () => {
  it('reads an instant back as the wall-clock time a picker holds, the inverse of brusselsToInstant, across summer time', () => {
    expect(instantToBrussels('2026-11-18T07:00:00.000Z')).toBe('2026-11-18 08:00:00');
    expect(instantToBrussels('2026-07-01T22:30:00Z')).toBe('2026-07-02 00:30:00');
    for (const wall of ['2026-03-29 03:30:00', '2026-10-25 01:15:00', '2026-12-31 23:59:00'])
      expect(instantToBrussels(brusselsToInstant(wall))).toBe(wall);
  });

  it('starts a Belgian day at its own midnight, with the offset of that day', () => {
    expect(brusselsDayStart('2026-01-15')).toBe('2026-01-15T00:00:00+01:00');
    expect(brusselsDayStart('2026-07-15')).toBe('2026-07-15T00:00:00+02:00');
  });
});
