import type { DomainEvent } from '@police/event-store/domain';

/**
 * An order measure (ordemaatregel): a provisional measure toward a staff member, decided by a competent
 * authority and followed up by Bureau Tucht (R-INT-13, 002:2129-2131). What the measures are is
 * configuration (domain §5.7 [INF]). Every event carries `measureId` and `staffId`, so a projection needs
 * nothing but the event.
 */
export type OrderMeasureRecorded = DomainEvent<
  'OrderMeasureRecorded',
  {
    measureId: string;
    staffId: string;
    /** One of the configured kinds (e.g. `schorsing bij ordemaatregel`). */
    kind: string;
    /** The authority that decided it (one of the kind's configured authorities). */
    authority: string;
    reason: string;
    decidedOn: string;
    startsOn: string;
    endsOn?: string;
    /** The complaint it goes with, if any. */
    complaint?: { complaintId: string; registerNumber: string | null };
    recordedBy: string;
    recordedAt: string;
  }
>;

/**
 * Bureau Tucht's follow-up: `extended` (a new end date, decided by a competent authority), `lifted` (ended
 * early by a competent authority), `ended` (ran its course or was superseded), or a `note`.
 */
export type OrderMeasureFollowUpAction = 'extended' | 'lifted' | 'ended' | 'note';
export const ORDER_MEASURE_FOLLOW_UP_ACTIONS: readonly OrderMeasureFollowUpAction[] = ['extended', 'lifted', 'ended', 'note'];

export type OrderMeasureFollowedUp = DomainEvent<
  'OrderMeasureFollowedUp',
  {
    measureId: string;
    staffId: string;
    action: OrderMeasureFollowUpAction;
    /** The day it took effect (or the note's day). */
    on: string;
    note: string;
    /** `extended`: the new end date. */
    endsOn?: string;
    /** `extended` and `lifted`: the authority that decided it. */
    authority?: string;
    followedUpBy: string;
    recordedAt: string;
  }
>;

export type OrderMeasureEvent = OrderMeasureRecorded | OrderMeasureFollowedUp;

/** active until lifted or ended; an extension keeps it active. */
export type OrderMeasureStatus = 'active' | 'lifted' | 'ended';
export const ORDER_MEASURE_STATUSES: readonly OrderMeasureStatus[] = ['active', 'lifted', 'ended'];

export const ORDER_MEASURE_EVENT_TYPES = [
  'OrderMeasureRecorded',
  'OrderMeasureFollowedUp',
] as const satisfies readonly OrderMeasureEvent['type'][];
