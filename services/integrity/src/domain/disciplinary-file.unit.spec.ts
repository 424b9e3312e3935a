import { erasureOf } from './disciplinary-file.state';
import { DEFAULT_ERASURE_POLICY } from '../integrity.config';

describe('erasure of sanctions (uitwissing)', () => {
  it('marks a sanction erased from the configured number of days after the decision, per severity', () => {
    expect(erasureOf('2024-01-10', 'light', { light: 548, heavy: 1461 }, '2025-07-10')).toEqual({
      erasedFrom: '2025-07-11',
      erased: false,
    });
    expect(erasureOf('2024-01-10', 'light', { light: 548, heavy: 1461 }, '2025-07-11')).toEqual({ erasedFrom: '2025-07-11', erased: true });
    expect(erasureOf('2024-01-10', 'heavy', { light: 548, heavy: 1461 }, '2025-07-11')).toEqual({
      erasedFrom: '2028-01-10',
      erased: false,
    });
  });

  it('never erases a severity configured as null', () => {
    expect(erasureOf('1990-01-01', 'heavy', { light: 548, heavy: null }, '2026-01-01')).toEqual({ erasedFrom: null, erased: false });
  });

  it('has a default for both severities (to be confirmed by a lawyer)', () => {
    expect(DEFAULT_ERASURE_POLICY).toEqual({ light: expect.any(Number), heavy: expect.any(Number) });
  });
});
