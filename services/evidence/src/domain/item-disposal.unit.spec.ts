import { DEFAULT_DISPOSAL_WITNESS_RULES } from '../evidence.config';
import { Actor } from './evidence.decide';
import {
  decideExecuteDisposal,
  decideItem,
  decideRecordDisposalDecision,
  ExecuteDisposal,
  ItemCommand,
  RecordDisposalDecision,
} from './item.decide';
import { InvalidItemCommand, ItemConflict, ItemDisposedError, ItemForbidden } from './item.errors';
import { ItemDisposed } from './item.events';
import {
  at,
  checkedIn,
  checkedOut,
  COLLEAGUE_PARTY,
  COURT_REGISTRY,
  decisionRecorded,
  DESK,
  DESK_ONLY,
  DETECTIVE,
  inStorageRoom,
  ITEM_ID,
  item,
  LAB,
  LOCKER_3,
  offered,
  registerCommand,
  registered,
  REPORT_SHA,
  STORAGE_ROOM,
  STRANGER,
  submittedToLab,
  transferred,
} from './item.fixtures.spec';

const decide = (data: Partial<RecordDisposalDecision['data']> = {}, now = '2025-10-01T09:00:00Z'): RecordDisposalDecision => ({
  type: 'RecordDisposalDecision',
  data: {
    decisionRef: 'PK-GENT-2025-33871',
    authority: 'procureur_des_konings',
    decisionDate: '2025-09-30',
    disposition: 'destruction',
    ...data,
  },
  metadata: at(DESK, now),
});

const execute = (data: Partial<ExecuteDisposal['data']> = {}, actor: Actor = DESK): ExecuteDisposal => ({
  type: 'ExecuteDisposal',
  data: {
    decisionRef: 'PK-GENT-2025-33871',
    witnesses: ['staff-1414'],
    receiptRef: 'PV-VERNIETIGING-2025-0412',
    witnessRules: DEFAULT_DISPOSAL_WITNESS_RULES,
    ...data,
  },
  metadata: at(actor, '2025-10-02T08:00:00Z'),
});

const stored = [...inStorageRoom, checkedIn()];

const disposed: ItemDisposed = {
  type: 'ItemDisposed',
  data: {
    itemId: ITEM_ID,
    disposition: 'destruction',
    decisionRef: 'PK-GENT-2025-33871',
    authority: 'procureur_des_konings',
    decisionDate: '2025-09-30',
    custodian: STORAGE_ROOM,
    executedBy: 'staff-2718',
    executedAt: '2025-10-02T08:00:00.000Z',
    witnesses: ['staff-1414'],
    receiptRef: 'PV-VERNIETIGING-2025-0412',
    investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
    pvNumber: 'GE.55.L5.012345/2025',
  },
};

describe('recording a disposal decision', () => {
  it('records the magistrate decision', () => {
    item
      .given(...stored)
      .when((s) => decideRecordDisposalDecision(s, decide()))
      .then([
        {
          type: 'DisposalDecisionRecorded',
          data: {
            itemId: ITEM_ID,
            decisionRef: 'PK-GENT-2025-33871',
            authority: 'procureur_des_konings',
            decisionDate: '2025-09-30',
            disposition: 'destruction',
            recordedBy: 'staff-2718',
            recordedAt: '2025-10-01T09:00:00.000Z',
          },
        },
      ]);
  });

  it('lets a later decision supersede the earlier one', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) =>
        decideRecordDisposalDecision(
          s,
          decide({ decisionRef: 'RB-GENT-2025-771', authority: 'rechtbank', decisionDate: '2025-10-01', disposition: 'confiscation' }),
        ),
      )
      .then([
        {
          type: 'DisposalDecisionRecorded',
          data: {
            itemId: ITEM_ID,
            decisionRef: 'RB-GENT-2025-771',
            authority: 'rechtbank',
            decisionDate: '2025-10-01',
            disposition: 'confiscation',
            supersedesDecisionRef: 'PK-GENT-2025-33871',
            recordedBy: 'staff-2718',
            recordedAt: '2025-10-01T09:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses to record the same decision twice', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideRecordDisposalDecision(s, decide()))
      .thenThrows({ type: ItemConflict, code: 'disposal_decision_already_recorded', status: 409 });
  });

  it.each([
    ['a decision dated after today', { decisionDate: '2025-10-02' }, 'decision_date_in_future', 'decisionDate'],
    ['a decision date that is no date', { decisionDate: '2025-02-30' }, 'invalid_time', 'decisionDate'],
    ['an unknown authority', { authority: 'burgemeester' as never }, 'invalid_value', 'authority'],
    ['an unknown disposition', { disposition: 'sale' as never }, 'invalid_value', 'disposition'],
  ])('refuses %s (422)', (_what, data, code, field) => {
    item
      .given(...stored)
      .when((s) => decideRecordDisposalDecision(s, decide(data)))
      .thenThrows({ type: InvalidItemCommand, code, status: 422, field });
  });
});

describe('executing a disposal', () => {
  it('refuses a disposal without a recorded decision', () => {
    item
      .given(...stored)
      .when((s) => decideExecuteDisposal(s, execute()))
      .thenThrows({ type: ItemConflict, code: 'no_disposal_decision', status: 409, message: /no recorded disposal decision/ });
  });

  it('refuses a disposal on another decision than the one on record', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({ decisionRef: 'PK-GENT-2025-99999' })))
      .thenThrows({
        type: ItemConflict,
        code: 'disposal_decision_mismatch',
        status: 409,
        message: /is PK-GENT-2025-33871 \(destruction\), not PK-GENT-2025-99999/,
      });
  });

  it('destroys a weapon before a witness, on the decision, with the receipt', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute()))
      .then([disposed]);
  });

  it('refuses to destroy a weapon without the witness the default rules require (422)', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({ witnesses: [] })))
      .thenThrows({
        type: InvalidItemCommand,
        code: 'witnesses_required',
        status: 422,
        field: 'witnesses',
        message: 'destruction of weapon needs at least 1 witness; 0 given',
      });
  });

  it('needs no witness where the rules ask none (destroying a document)', () => {
    item
      .given(registered({ category: 'document', description: 'Vals rijbewijs' }), ...stored.slice(1), decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({ witnesses: [] })))
      .then([{ ...disposed, data: { ...disposed.data, witnesses: [] } }]);
  });

  it('applies the witness rules it is given', () => {
    const strict = { ...DEFAULT_DISPOSAL_WITNESS_RULES, destruction: { weapon: 2 } };
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({ witnessRules: strict })))
      .thenThrows({ code: 'witnesses_required', status: 422, message: /at least 2 witnesses; 1 given/ });
  });

  it('refuses the executor as their own witness, and a witness named twice', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({ witnesses: ['staff-2718'] })))
      .thenThrows({ code: 'invalid_witnesses', status: 422 });
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({ witnesses: ['staff-1414', 'staff-1414'] })))
      .thenThrows({ code: 'invalid_witnesses', status: 422 });
  });

  it('records to whom a returned or deposited item went, and requires it', () => {
    const toRegistry = decisionRecorded('transfer_to_court_registry', 'OR-GENT-2025-12');
    item
      .given(...stored, toRegistry)
      .when((s) =>
        decideExecuteDisposal(
          s,
          execute({ decisionRef: 'OR-GENT-2025-12', witnesses: [], handedTo: COURT_REGISTRY.id, receiptRef: 'GRIFFIE-2025-8812' }),
        ),
      )
      .then([
        {
          type: 'ItemDisposed',
          data: {
            itemId: ITEM_ID,
            disposition: 'transfer_to_court_registry',
            decisionRef: 'OR-GENT-2025-12',
            authority: 'procureur_des_konings',
            decisionDate: '2025-09-30',
            custodian: STORAGE_ROOM,
            executedBy: 'staff-2718',
            executedAt: '2025-10-02T08:00:00.000Z',
            witnesses: [],
            receiptRef: 'GRIFFIE-2025-8812',
            handedTo: 'griffie-gent',
            investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
            pvNumber: 'GE.55.L5.012345/2025',
          },
        },
      ]);
    item
      .given(...stored, decisionRecorded('return_to_owner'))
      .when((s) => decideExecuteDisposal(s, execute({ witnesses: [] })))
      .thenThrows({ type: InvalidItemCommand, code: 'required', status: 422, field: 'handedTo' });
  });

  it('is for the custodian or the evidence desk', () => {
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({}, STRANGER)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
    item
      .given(...stored, decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({}, DESK_ONLY)))
      .then([{ ...disposed, data: { ...disposed.data, executedBy: 'staff-2719' } }]);
  });

  it('refuses while the item is checked out, offered, or with a lab', () => {
    item
      .given(...stored, checkedOut(), decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute()))
      .thenThrows({ code: 'item_checked_out', status: 409 });
    item
      .given(...stored, decisionRecorded(), offered('h-2', STORAGE_ROOM, COLLEAGUE_PARTY, '2025-10-01T10:00:00.000Z'))
      .when((s) => decideExecuteDisposal(s, execute()))
      .thenThrows({ code: 'custody_offer_open', status: 409 });
    const [submission, toLab] = submittedToLab();
    item
      .given(...stored, submission, toLab, transferred(toLab, 'staff-1618', '2025-03-21T10:00:00.000Z'), decisionRecorded())
      .when((s) => decideExecuteDisposal(s, execute({}, DESK_ONLY)))
      .thenThrows({ code: 'custodian_is_external', status: 409 });
  });

  it('ends the item: its state keeps the record but no whereabouts', () => {
    const { state } = item.given(...stored, decisionRecorded(), disposed);
    expect(state).toMatchObject({
      status: 'disposed',
      custodian: STORAGE_ROOM,
      disposal: {
        disposition: 'destruction',
        decisionRef: 'PK-GENT-2025-33871',
        executedBy: 'staff-2718',
        executedAt: '2025-10-02T08:00:00.000Z',
      },
    });
    expect(state).not.toHaveProperty('whereabouts');
    expect(state).not.toHaveProperty('openOffer');
  });
});

describe('after disposal', () => {
  const later = (actor: Actor = DESK) => at(actor, '2025-10-03T08:00:00Z');
  // A mapped type over every command type: adding a command without a case here does not compile.
  const commands: { [T in ItemCommand['type']]: Extract<ItemCommand, { type: T }> } = {
    RegisterItem: registerCommand({}, later(DETECTIVE)),
    ResealItem: { type: 'ResealItem', data: { sealNumber: 'SEAL-2', reason: 'x' }, metadata: later() },
    OfferCustody: {
      type: 'OfferCustody',
      data: { handoverId: 'h-9', to: COLLEAGUE_PARTY, purpose: 'investigation', method: 'hand_delivery', sealIntact: true },
      metadata: later(),
    },
    AcceptCustody: {
      type: 'AcceptCustody',
      data: { handoverId: 'h-1', sealNumberFound: 'S', sealIntact: true, condition: 'ok', place: 'APG' },
      metadata: later(),
    },
    DeclineCustody: { type: 'DeclineCustody', data: { handoverId: 'h-1', reason: 'x' }, metadata: later() },
    WithdrawCustodyOffer: { type: 'WithdrawCustodyOffer', data: { handoverId: 'h-1' }, metadata: later() },
    CheckInItem: { type: 'CheckInItem', data: { location: LOCKER_3 }, metadata: later() },
    CheckOutItem: {
      type: 'CheckOutItem',
      data: { purpose: 'court', takenBy: 'staff-3141', expectedReturnAt: '2025-10-10T08:00:00Z' },
      metadata: later(),
    },
    ReturnItem: { type: 'ReturnItem', data: { location: LOCKER_3 }, metadata: later() },
    SubmitToLab: {
      type: 'SubmitToLab',
      data: { submissionId: 's-9', laboratory: LAB, analysis: 'dna', request: 'x', method: 'courier', sealIntact: true },
      metadata: later(),
    },
    RecordLabResult: {
      type: 'RecordLabResult',
      data: { submissionId: 's-1', labReference: 'L', conclusion: 'no_hit', summary: 'x', reportSha256: REPORT_SHA },
      metadata: later(),
    },
    RecordDisposalDecision: decide({ decisionRef: 'RB-2025-1', disposition: 'confiscation' }, '2025-10-03T08:00:00Z'),
    ExecuteDisposal: execute(),
  };

  it.each(Object.entries(commands))('refuses %s with a 409 that names the disposal', (_type, command) => {
    item
      .given(...stored, decisionRecorded(), disposed)
      .when((s) => decideItem(s, command))
      .thenThrows({
        type: ItemDisposedError,
        code: 'item_disposed',
        status: 409,
        message:
          'Item PACOS-2025-000871 was disposed of (destruction on decision PK-GENT-2025-33871, 2025-10-02T08:00:00.000Z); nothing more can happen to it',
      });
  });
});
