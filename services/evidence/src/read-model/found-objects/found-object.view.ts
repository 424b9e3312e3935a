import { FoundObjectState, HoldingPeriods, holdingPeriodEndsAt } from '../../domain/found-object.state';

/** A found object as the desk reads it, with the end of its legal holding period (per category, configuration). */
export interface FoundObjectView {
  id: string;
  version: number;
  holdingPeriodEndsAt: string;
  foundObject: Exclude<FoundObjectState, { status: 'unregistered' }>;
}

export function holdingEndsAt(state: FoundObjectState, periods: HoldingPeriods): string | null {
  return state.status === 'unregistered' ? null : holdingPeriodEndsAt(state, periods).toISOString();
}

export function foundObjectView(state: FoundObjectState, version: number, periods: HoldingPeriods): FoundObjectView | null {
  if (state.status === 'unregistered') return null;
  return { id: state.foundObjectId, version, holdingPeriodEndsAt: holdingEndsAt(state, periods)!, foundObject: state };
}
