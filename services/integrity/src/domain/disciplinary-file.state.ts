import { SanctionSeverity } from './complaint.events';
import { addDays } from './integrity.decide';

/**
 * Erasure of sanctions ("uitwissing", domain §5.7): after how many days from the decision a sanction of
 * each severity counts as erased; `null`: never. TO BE CONFIRMED BY A LAWYER (the sources say nothing;
 * the periods are a working assumption). An erased sanction stays on record and is shown marked as
 * erased: nothing is dropped.
 */
export type ErasurePolicy = Readonly<Record<SanctionSeverity, number | null>>;

export interface Erasure {
  /** The day the sanction counts as erased from, or null when its severity is never erased. */
  erasedFrom: string | null;
  erased: boolean;
}

/** Whether a sanction decided on `decidedOn` counts as erased on `asOf` (calendar days). */
export function erasureOf(decidedOn: string, severity: SanctionSeverity, policy: ErasurePolicy, asOf: string): Erasure {
  const days = policy[severity];
  if (days === null || days === undefined) return { erasedFrom: null, erased: false };
  const erasedFrom = addDays(decidedOn, days);
  return { erasedFrom, erased: erasedFrom <= asOf };
}
