import { specFor } from '@police/event-store/given-when-then';
import { decideDataSubjectRequest, evolveDataSubjectRequest, initialDataSubjectRequestState } from './data-subject-request.decide';
import { DataSubjectRequestReceived } from './data-subject-request.events';
import { DataSubjectRequestConflict, DataSubjectRequestNotFound, InvalidDataSubjectRequest } from './data-subject-request.errors';

const request = specFor({ initialState: initialDataSubjectRequestState, evolve: evolveDataSubjectRequest });
const ID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const DPO = { actor: { staffId: '5415-0403' }, now: new Date('2026-12-03T10:00:00.000Z') };

const received: DataSubjectRequestReceived = {
  type: 'DataSubjectRequestReceived',
  data: {
    requestId: ID,
    kind: 'access',
    subject: { name: 'Koen Claes', staffId: '5415-0204' },
    receivedOn: '2026-12-01',
    identityCheck: 'Identity card seen at the desk',
    recordedBy: '5415-0403',
    recordedAt: '2026-12-03T10:00:00.000Z',
  },
};

const complaint = { service: 'integrity', type: 'integrity_complaint', id: 'c-1' };
const report = { service: 'reports', type: 'report', id: 'r-1' };

describe("the DPO's register of data-subject requests", () => {
  it('records who asked, when and how their identity was checked; the subject keeps only what was given', () => {
    request
      .given()
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'ReceiveDataSubjectRequest',
          data: {
            requestId: ID,
            kind: 'access',
            subject: { name: ' Koen Claes ', personId: ' ', staffId: '5415-0204' },
            receivedOn: '2026-12-01',
            identityCheck: 'Identity card seen at the desk',
          },
          metadata: DPO,
        }),
      )
      .then([received]);
  });

  it('refuses a request that names nobody, and one received in the future', () => {
    const data = { requestId: ID, kind: 'access' as const, subject: {}, receivedOn: '2026-12-01', identityCheck: 'ID card' };
    request
      .given()
      .when((s) => decideDataSubjectRequest(s, { type: 'ReceiveDataSubjectRequest', data, metadata: DPO }))
      .thenThrows({ code: 'required', status: 422, field: 'subject.name', type: InvalidDataSubjectRequest });
    request
      .given()
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'ReceiveDataSubjectRequest',
          data: { ...data, subject: { name: 'Koen Claes' }, receivedOn: '2026-12-09' },
          metadata: DPO,
        }),
      )
      .thenThrows({ code: 'date_in_future', status: 422, field: 'receivedOn' });
  });

  it('records the statements erased under the request, as their services were told (ADR 0065)', () => {
    request
      .given(received)
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'DecideDataSubjectRequest',
          data: { disclosed: [], withheld: [], restricted: [], erased: [{ ...report, extra: 'not kept' } as typeof report] },
          metadata: DPO,
        }),
      )
      .then([
        {
          type: 'DataSubjectRequestDecided',
          data: {
            requestId: ID,
            disclosed: [],
            withheld: [],
            restricted: [],
            erased: [report],
            decidedBy: '5415-0403',
            decidedAt: '2026-12-03T10:00:00.000Z',
          },
        },
      ]);
  });

  it("records the DPO's decision once: what is disclosed, what withheld and on what ground, what was restricted", () => {
    const withheld = { ...complaint, reason: 'A sealed file about the requester', legalBasis: 'LED art. 15 and 17' };
    request
      .given(received)
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'DecideDataSubjectRequest',
          data: { disclosed: [report], withheld: [withheld], restricted: [report] },
          metadata: DPO,
        }),
      )
      .then([
        {
          type: 'DataSubjectRequestDecided',
          data: {
            requestId: ID,
            disclosed: [report],
            withheld: [withheld],
            restricted: [report],
            decidedBy: '5415-0403',
            decidedAt: '2026-12-03T10:00:00.000Z',
          },
        },
      ]);
    const decided = evolveDataSubjectRequest(evolveDataSubjectRequest(initialDataSubjectRequestState(), received), {
      type: 'DataSubjectRequestDecided',
      data: { requestId: ID, disclosed: [], withheld: [], restricted: [], decidedBy: '5415-0403', decidedAt: '2026-12-03T10:00:00.000Z' },
    });
    request
      .given(received, {
        type: 'DataSubjectRequestDecided',
        data: { requestId: ID, disclosed: [], withheld: [], restricted: [], decidedBy: 'x', decidedAt: 'y' },
      })
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'DecideDataSubjectRequest',
          data: { disclosed: [], withheld: [], restricted: [] },
          metadata: DPO,
        }),
      )
      .thenThrows({ code: 'already_decided', status: 409, type: DataSubjectRequestConflict });
    expect(decided.status).toBe('decided');
  });

  it('refuses a record both disclosed and withheld, a withheld one without its ground, and a decision on no request', () => {
    const data = { disclosed: [complaint], withheld: [{ ...complaint, reason: 'x y z', legalBasis: 'LED art. 15' }], restricted: [] };
    request
      .given(received)
      .when((s) => decideDataSubjectRequest(s, { type: 'DecideDataSubjectRequest', data, metadata: DPO }))
      .thenThrows({ code: 'invalid_value', status: 422, field: 'withheld' });
    request
      .given(received)
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'DecideDataSubjectRequest',
          data: { disclosed: [], withheld: [{ ...complaint, reason: ' ', legalBasis: 'LED art. 15' }], restricted: [] },
          metadata: DPO,
        }),
      )
      .thenThrows({ code: 'required', status: 422, field: 'withheld[0].reason' });
    request
      .given()
      .when((s) =>
        decideDataSubjectRequest(s, {
          type: 'DecideDataSubjectRequest',
          data: { disclosed: [], withheld: [], restricted: [] },
          metadata: DPO,
        }),
      )
      .thenThrows({ code: 'data_subject_request_not_found', status: 404, type: DataSubjectRequestNotFound });
  });
});
