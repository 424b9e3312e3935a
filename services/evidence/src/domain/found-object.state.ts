import { FoundObjectCategory, FoundObjectEvent } from './found-object.events';

interface FoundObjectFacts {
  foundObjectId: string;
  category: FoundObjectCategory;
  description: string;
  foundOn: string;
  registeredAt: string;
  ownerSearch: { method: string; startedAt: string } | null;
  owner: { ownerRef: string; identifiedAt: string } | null;
  lossReportIds: string[];
  /**
   * Once its retention review erased it (ADR 0055): the marker (`erased on <date> under <decision>`). The
   * description and the owner's reference then read as the marker; nothing about people is left.
   */
  erased?: string;
}

export interface HeldFoundObject extends FoundObjectFacts {
  status: 'held';
}

export type FoundObjectOutcome = 'returned_to_owner' | 'handed_to_organisation' | 'destroyed';

export interface ClosedFoundObject extends FoundObjectFacts {
  status: FoundObjectOutcome;
  closedAt: string;
}

export type FoundObjectState = { status: 'unregistered' } | HeldFoundObject | ClosedFoundObject;

export const initialFoundObjectState = (): FoundObjectState => ({ status: 'unregistered' });

export function evolveFoundObject(state: FoundObjectState, event: FoundObjectEvent): FoundObjectState {
  if (event.type === 'FoundObjectRegistered') {
    if (state.status !== 'unregistered') return state;
    const { foundObjectId, category, description, foundOn, registeredAt } = event.data;
    return {
      status: 'held',
      foundObjectId,
      category,
      description,
      foundOn,
      registeredAt,
      ownerSearch: null,
      owner: null,
      lossReportIds: [],
    };
  }
  if (state.status !== 'held') return state;
  switch (event.type) {
    case 'OwnerSearchStarted':
      return { ...state, ownerSearch: { method: event.data.method, startedAt: event.data.startedAt } };
    case 'OwnerIdentified':
      return { ...state, owner: { ownerRef: event.data.ownerRef, identifiedAt: event.data.identifiedAt } };
    case 'FoundObjectMatchedToLossDeclaration':
      return { ...state, lossReportIds: [...state.lossReportIds, event.data.lossReportId] };
    case 'FoundObjectReturnedToOwner':
      return { ...state, status: 'returned_to_owner', closedAt: event.data.returnedAt };
    case 'FoundObjectHandedToOrganisation':
      return { ...state, status: 'handed_to_organisation', closedAt: event.data.handedOverAt };
    case 'FoundObjectDestroyed':
      return { ...state, status: 'destroyed', closedAt: event.data.destroyedAt };
  }
}

/** Days of holding per category, counted from registration. */
export type HoldingPeriods = Record<FoundObjectCategory, number>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the legal holding period of a held object ends. Derived from state and configuration rather than
 * recorded as a `LegalHoldingPeriodExpired` event, which would need a clock or a scheduler in the domain.
 * Whole 24-hour days from the registration instant; a calendar-day rule in Europe/Brussels time is for the
 * lawyer to settle along with the periods themselves.
 */
export function holdingPeriodEndsAt(state: { category: FoundObjectCategory; registeredAt: string }, periods: HoldingPeriods): Date {
  return new Date(Date.parse(state.registeredAt) + periods[state.category] * DAY_MS);
}
