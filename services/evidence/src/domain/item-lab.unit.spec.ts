import { Actor } from './evidence.decide';
import { decideAcceptCustody, decideRecordLabResult, decideSubmitToLab, RecordLabResult, SubmitToLab } from './item.decide';
import { InvalidItemCommand, ItemConflict, ItemForbidden, ItemNotFound } from './item.errors';
import { LabResultReceived } from './item.events';
import {
  at,
  COLLEAGUE_PARTY,
  DESK,
  DETECTIVE,
  inStorageRoom,
  ITEM_ID,
  item,
  LAB,
  LAB_LIAISON,
  offered,
  REPORT_SHA,
  SEAL,
  STORAGE_ROOM,
  submittedToLab,
  transferred,
} from './item.fixtures.spec';

const submit = (actor: Actor = DESK, laboratory = LAB): SubmitToLab => ({
  type: 'SubmitToLab',
  data: {
    submissionId: 's-1',
    laboratory,
    analysis: 'fingerprints',
    request: 'Sporen op slede en kolf: vingerafdrukken, vergelijking met AFIS',
    method: 'courier',
    sealIntact: true,
  },
  metadata: at(actor, '2025-03-21T09:00:00+01:00'),
});

const result = (submissionId = 's-1', reportSha256 = REPORT_SHA): RecordLabResult => ({
  type: 'RecordLabResult',
  data: {
    submissionId,
    labReference: 'LTWP-25-11873',
    conclusion: 'hit',
    summary: 'Twee bruikbare sporen op de slede; één hit in AFIS',
    reportSha256,
  },
  metadata: at(LAB_LIAISON, '2025-04-10T11:45:00Z'),
});

const [submission, toLab] = submittedToLab();
const atLab = [...inStorageRoom, submission, toLab, transferred(toLab, 'staff-1618', '2025-03-21T10:00:00.000Z')];

describe('submitting to a lab', () => {
  it('is a hand-over to the lab: the submission and the custody offer, together', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideSubmitToLab(s, submit()))
      .then([
        {
          type: 'ItemSubmittedToLab',
          data: {
            itemId: ITEM_ID,
            submissionId: 's-1',
            laboratory: { kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' },
            analysis: 'fingerprints',
            request: 'Sporen op slede en kolf: vingerafdrukken, vergelijking met AFIS',
            investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
            pvNumber: 'GE.55.L5.012345/2025',
            submittedBy: 'staff-2718',
            submittedAt: '2025-03-21T08:00:00.000Z',
          },
        },
        {
          type: 'CustodyOffered',
          data: {
            itemId: ITEM_ID,
            handoverId: 's-1',
            from: { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' },
            to: { kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' },
            purpose: 'lab_analysis',
            method: 'courier',
            sealNumber: SEAL,
            sealIntact: true,
            offeredBy: 'staff-2718',
            offeredAt: '2025-03-21T08:00:00.000Z',
          },
        },
      ]);
  });

  it('is for the custodian only', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideSubmitToLab(s, submit(DETECTIVE)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
  });

  it('goes to a lab, not to any party', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideSubmitToLab(s, submit(DESK, COLLEAGUE_PARTY)))
      .thenThrows({ type: InvalidItemCommand, code: 'not_a_laboratory', status: 422, field: 'laboratory.kind' });
  });

  it('waits for an open hand-over to settle', () => {
    item
      .given(...inStorageRoom, offered('h-2', STORAGE_ROOM, COLLEAGUE_PARTY, '2025-03-20T08:00:00.000Z'))
      .when((s) => decideSubmitToLab(s, submit()))
      .thenThrows({ type: ItemConflict, code: 'custody_offer_open', status: 409 });
  });

  it('gives the lab custody when its liaison accepts', () => {
    item
      .given(...inStorageRoom, submission, toLab)
      .when((s) =>
        decideAcceptCustody(s, {
          type: 'AcceptCustody',
          data: {
            handoverId: 's-1',
            sealNumberFound: SEAL,
            sealIntact: true,
            condition: 'Ongeschonden',
            place: 'NICC/LTWP, ontvangstbalie',
          },
          metadata: at(LAB_LIAISON, '2025-03-21T10:00:00Z'),
        }),
      )
      .then([
        {
          type: 'CustodyTransferred',
          data: {
            itemId: ITEM_ID,
            handoverId: 's-1',
            from: STORAGE_ROOM,
            to: LAB,
            purpose: 'lab_analysis',
            method: 'courier',
            place: 'NICC/LTWP, ontvangstbalie',
            offeredBy: 'staff-2718',
            offeredAt: '2025-03-21T08:00:00.000Z',
            acceptedBy: 'staff-1618',
            transferredAt: '2025-03-21T10:00:00.000Z',
            sealNumberExpected: SEAL,
            sealNumberFound: SEAL,
            sealIntact: true,
            sealMismatch: false,
            conditionFound: 'Ongeschonden',
          },
        },
      ]);
    expect(item.given(...atLab).state).toMatchObject({ custodian: LAB, labSubmissions: { 's-1': { status: 'at_lab' } } });
  });
});

describe('receiving a lab result', () => {
  const received: LabResultReceived = {
    type: 'LabResultReceived',
    data: {
      itemId: ITEM_ID,
      submissionId: 's-1',
      laboratory: { kind: 'lab', id: 'fpl-ltwp', name: 'FPL/LTWP' },
      analysis: 'fingerprints',
      labReference: 'LTWP-25-11873',
      conclusion: 'hit',
      summary: 'Twee bruikbare sporen op de slede; één hit in AFIS',
      reportSha256: REPORT_SHA,
      investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
      pvNumber: 'GE.55.L5.012345/2025',
      receivedBy: 'staff-1618',
      receivedAt: '2025-04-10T11:45:00.000Z',
    },
  };

  it('records the result with everything the public event needs', () => {
    item
      .given(...atLab)
      .when((s) => decideRecordLabResult(s, result()))
      .then([received]);
  });

  it('is accepted after the item came back from the lab', () => {
    const back = offered('h-2', LAB, STORAGE_ROOM, '2025-04-01T08:00:00.000Z', { purpose: 'storage', offeredBy: 'staff-1618' });
    item
      .given(...atLab, back, transferred(back, 'staff-2718', '2025-04-01T09:00:00.000Z'))
      .when((s) => decideRecordLabResult(s, result()))
      .then([received]);
  });

  it('refuses a result before the lab accepted the item', () => {
    item
      .given(...inStorageRoom, submission, toLab)
      .when((s) => decideRecordLabResult(s, result()))
      .thenThrows({ type: ItemConflict, code: 'lab_has_not_received_item', status: 409 });
  });

  it('refuses a result for a submission the lab declined', () => {
    item
      .given(...inStorageRoom, submission, toLab, {
        type: 'CustodyOfferDeclined',
        data: {
          itemId: ITEM_ID,
          handoverId: 's-1',
          to: LAB,
          reason: 'Geen AFIS-capaciteit',
          declinedBy: 'staff-1618',
          declinedAt: '2025-03-21T09:30:00.000Z',
        },
      })
      .when((s) => decideRecordLabResult(s, result()))
      .thenThrows({ type: ItemConflict, code: 'lab_submission_cancelled', status: 409 });
  });

  it('refuses a second result for the same submission', () => {
    item
      .given(...atLab, received)
      .when((s) => decideRecordLabResult(s, result()))
      .thenThrows({ type: ItemConflict, code: 'lab_result_already_received', status: 409 });
  });

  it('answers 404 for an unknown submission', () => {
    item
      .given(...atLab)
      .when((s) => decideRecordLabResult(s, result('s-9')))
      .thenThrows({ type: ItemNotFound, code: 'lab_submission_not_found', status: 404 });
  });

  it('refuses a report reference that is not a SHA-256 (422)', () => {
    item
      .given(...atLab)
      .when((s) => decideRecordLabResult(s, result('s-1', 'ABC')))
      .thenThrows({ type: InvalidItemCommand, code: 'invalid_value', status: 422, field: 'reportSha256' });
  });
});
