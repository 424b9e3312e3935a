import { Command, toIso } from './integrity.decide';
import {
  OrderMeasureEvent,
  OrderMeasureFollowedUp,
  OrderMeasureFollowUpAction,
  ORDER_MEASURE_FOLLOW_UP_ACTIONS,
  OrderMeasureRecorded,
  OrderMeasureStatus,
} from './order-measure.events';
import { InvalidTuchtCommand, TuchtConflict, TuchtNotFound } from './tucht.errors';
import { requireDate, requireNotBefore, requireOneOf, requirePastDate, requireText, requireUuid } from './tucht.validate';

/**
 * The kinds of order measure and, per kind, the authorities that may decide one (and extend or lift it).
 * TO BE CONFIRMED BY A LAWYER: the sources only name "ordemaatregelen" (002:2129-2131); "schorsing bij
 * ordemaatregel" and who may decide it come from domain §5.7 [INF].
 */
export interface OrderMeasureConfig {
  kinds: Readonly<Record<string, { authorities: readonly string[] }>>;
}

export interface OrderMeasure {
  status: 'recorded';
  measureId: string;
  staffId: string;
  kind: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string | null;
  phase: OrderMeasureStatus;
}

export type OrderMeasureState = { status: 'none' } | OrderMeasure;

export const initialOrderMeasureState = (): OrderMeasureState => ({ status: 'none' });

export function evolveOrderMeasure(state: OrderMeasureState, event: OrderMeasureEvent): OrderMeasureState {
  if (event.type === 'OrderMeasureRecorded') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'recorded',
      measureId: d.measureId,
      staffId: d.staffId,
      kind: d.kind,
      decidedOn: d.decidedOn,
      startsOn: d.startsOn,
      endsOn: d.endsOn ?? null,
      phase: 'active',
    };
  }
  if (state.status === 'none') return state;
  switch (event.data.action) {
    case 'extended':
      return { ...state, endsOn: event.data.endsOn ?? state.endsOn };
    case 'lifted':
      return { ...state, phase: 'lifted' };
    case 'ended':
      return { ...state, phase: 'ended' };
    case 'note':
      return state;
  }
}

/** The complaint the measure goes with, as the application found it (the domain checks the staff member is concerned). */
export interface LinkedComplaint {
  complaintId: string;
  registerNumber: string | null;
  staffConcerned: readonly string[];
}

export type RecordOrderMeasure = Command<
  'RecordOrderMeasure',
  {
    measureId: string;
    staffId: string;
    kind: string;
    authority: string;
    reason: string;
    decidedOn: string;
    startsOn: string;
    endsOn?: string;
    complaint?: LinkedComplaint;
    config: OrderMeasureConfig;
  }
>;

export type FollowUpOrderMeasure = Command<
  'FollowUpOrderMeasure',
  { action: OrderMeasureFollowUpAction; on: string; note: string; endsOn?: string; authority?: string; config: OrderMeasureConfig }
>;

export type OrderMeasureCommand = RecordOrderMeasure | FollowUpOrderMeasure;

export function decideOrderMeasure(state: OrderMeasureState, command: OrderMeasureCommand): OrderMeasureEvent[] {
  switch (command.type) {
    case 'RecordOrderMeasure':
      return decideRecordOrderMeasure(state, command);
    case 'FollowUpOrderMeasure':
      return decideFollowUpOrderMeasure(state, command);
  }
}

export function decideRecordOrderMeasure(state: OrderMeasureState, { data, metadata }: RecordOrderMeasure): [OrderMeasureRecorded] {
  if (state.status !== 'none') throw new TuchtConflict('id_in_use', 'An order measure is already recorded under this id');
  requireUuid(data.measureId, 'measureId');
  requireText(data.staffId, 'staffId');
  requireKnownKind(data.kind, data.config);
  requireCompetent(data.kind, data.authority, data.config);
  requireText(data.reason, 'reason');
  requirePastDate(data.decidedOn, 'decidedOn', metadata);
  requireDate(data.startsOn, 'startsOn');
  if (data.endsOn !== undefined) {
    requireDate(data.endsOn, 'endsOn');
    requireNotBefore(data.endsOn, data.startsOn, 'endsOn');
  }
  if (data.complaint !== undefined && !data.complaint.staffConcerned.includes(data.staffId)) {
    throw new InvalidTuchtCommand(
      'not_concerned',
      `${data.staffId} is not a staff member concerned by complaint ${data.complaint.registerNumber ?? data.complaint.complaintId}`,
      'complaintId',
    );
  }
  return [
    {
      type: 'OrderMeasureRecorded',
      data: {
        measureId: data.measureId,
        staffId: data.staffId,
        kind: data.kind,
        authority: data.authority,
        reason: data.reason,
        decidedOn: data.decidedOn,
        startsOn: data.startsOn,
        ...(data.endsOn !== undefined && { endsOn: data.endsOn }),
        ...(data.complaint !== undefined && {
          complaint: { complaintId: data.complaint.complaintId, registerNumber: data.complaint.registerNumber },
        }),
        recordedBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

/**
 * Extending and lifting are decisions of a competent authority for the measure's kind; ending (ran its
 * course, superseded by a decision on the merits) is Bureau Tucht's record of a fact. Once lifted or
 * ended, only notes follow.
 */
export function decideFollowUpOrderMeasure(state: OrderMeasureState, { data, metadata }: FollowUpOrderMeasure): [OrderMeasureFollowedUp] {
  if (state.status === 'none') throw new TuchtNotFound('order_measure_not_found', 'No order measure under this id');
  requireOneOf(data.action, ORDER_MEASURE_FOLLOW_UP_ACTIONS, 'action');
  requirePastDate(data.on, 'on', metadata);
  requireNotBefore(data.on, state.decidedOn, 'on');
  requireText(data.note, 'note');
  const decision = data.action === 'extended' || data.action === 'lifted';
  if (decision) {
    if (data.authority === undefined)
      throw new InvalidTuchtCommand(
        'required',
        `An order measure is ${data.action} by a competent authority: authority is required`,
        'authority',
      );
    requireCompetent(state.kind, data.authority, data.config);
  } else if (data.authority !== undefined) {
    throw new InvalidTuchtCommand('not_applicable', `A follow-up of kind ${data.action} names no authority`, 'authority');
  }
  if (data.action === 'extended') {
    if (data.endsOn === undefined) throw new InvalidTuchtCommand('required', 'An extension needs the new end date', 'endsOn');
    requireDate(data.endsOn, 'endsOn');
    const earliest = state.endsOn ?? state.startsOn;
    if (data.endsOn <= earliest) throw new InvalidTuchtCommand('invalid_date', `endsOn must be after ${earliest}`, 'endsOn');
  } else if (data.endsOn !== undefined) {
    throw new InvalidTuchtCommand('not_applicable', `Only an extension sets a new end date`, 'endsOn');
  }
  if (data.action !== 'note' && state.phase !== 'active') {
    throw new TuchtConflict('order_measure_ended', `The order measure is ${state.phase}; only notes may follow`);
  }
  return [
    {
      type: 'OrderMeasureFollowedUp',
      data: {
        measureId: state.measureId,
        staffId: state.staffId,
        action: data.action,
        on: data.on,
        note: data.note,
        ...(data.endsOn !== undefined && { endsOn: data.endsOn }),
        ...(data.authority !== undefined && { authority: data.authority }),
        followedUpBy: metadata.actor.staffId,
        recordedAt: toIso(metadata.now),
      },
    },
  ];
}

function requireKnownKind(kind: string, config: OrderMeasureConfig): void {
  if (typeof kind !== 'string' || !Object.hasOwn(config.kinds, kind)) {
    throw new InvalidTuchtCommand(
      'unknown_order_measure_kind',
      `kind must be one of the configured order measures (${Object.keys(config.kinds).join(', ')})`,
      'kind',
    );
  }
}

function requireCompetent(kind: string, authority: string, config: OrderMeasureConfig): void {
  requireText(authority, 'authority');
  const competent = config.kinds[kind]?.authorities ?? [];
  if (!competent.includes(authority)) {
    throw new InvalidTuchtCommand(
      'authority_not_competent',
      `A ${kind} is decided by ${competent.join(', ')}, not by ${authority}`,
      'authority',
    );
  }
}
