import { specFor } from '@police/event-store/given-when-then';
import { CommandMetadata } from './integrity.decide';
import {
  decideOrderMeasure,
  evolveOrderMeasure,
  FollowUpOrderMeasure,
  initialOrderMeasureState,
  RecordOrderMeasure,
} from './order-measure.decide';
import { OrderMeasureFollowedUp, OrderMeasureRecorded } from './order-measure.events';
import { InvalidTuchtCommand, TuchtConflict, TuchtNotFound } from './tucht.errors';
import { DEFAULT_ORDER_MEASURE_CONFIG } from '../integrity.config';

const measure = specFor({ initialState: initialOrderMeasureState, evolve: evolveOrderMeasure });

const MEASURE_ID = '7a3c1e52-9d4b-4f6a-8b2c-0e1d2f3a4b5c';
const COMPLAINT_ID = '5b1e6c0a-2f3d-4a8b-9c7d-1e2f3a4b5c6d';
const OFFICER = 'staff-4711';
const TUCHT = { staffId: 'staff-tucht-02' };
const at = (iso: string): CommandMetadata => ({ actor: TUCHT, now: new Date(iso) });
const SUSPENSION = 'schorsing bij ordemaatregel';
const WITH_PAY_WITHHELD = 'schorsing bij ordemaatregel met inhouding van wedde';

const record = (data: Partial<RecordOrderMeasure['data']> = {}): RecordOrderMeasure => ({
  type: 'RecordOrderMeasure',
  data: {
    measureId: MEASURE_ID,
    staffId: OFFICER,
    kind: SUSPENSION,
    authority: 'korpschef',
    reason: 'Ernstige verdenking van geweld tijdens de dienst; aanwezigheid schaadt het onderzoek',
    decidedOn: '2026-03-02',
    startsOn: '2026-03-03',
    endsOn: '2026-06-02',
    config: DEFAULT_ORDER_MEASURE_CONFIG,
    ...data,
  },
  metadata: at('2026-03-02T15:00:00.000Z'),
});

const recorded: OrderMeasureRecorded = {
  type: 'OrderMeasureRecorded',
  data: {
    measureId: MEASURE_ID,
    staffId: OFFICER,
    kind: SUSPENSION,
    authority: 'korpschef',
    reason: 'Ernstige verdenking van geweld tijdens de dienst; aanwezigheid schaadt het onderzoek',
    decidedOn: '2026-03-02',
    startsOn: '2026-03-03',
    endsOn: '2026-06-02',
    recordedBy: TUCHT.staffId,
    recordedAt: '2026-03-02T15:00:00.000Z',
  },
};

const followUp = (data: Partial<FollowUpOrderMeasure['data']>, now = '2026-05-20T09:00:00.000Z'): FollowUpOrderMeasure => ({
  type: 'FollowUpOrderMeasure',
  data: { action: 'note', on: '2026-05-20', note: 'Betrokkene gehoord over de duur', config: DEFAULT_ORDER_MEASURE_CONFIG, ...data },
  metadata: at(now),
});

const followedUp = (data: Partial<OrderMeasureFollowedUp['data']>): OrderMeasureFollowedUp => ({
  type: 'OrderMeasureFollowedUp',
  data: {
    measureId: MEASURE_ID,
    staffId: OFFICER,
    action: 'note',
    on: '2026-05-20',
    note: 'Betrokkene gehoord over de duur',
    followedUpBy: TUCHT.staffId,
    recordedAt: '2026-05-20T09:00:00.000Z',
    ...data,
  },
});

describe('recording an order measure (R-INT-13)', () => {
  it('records the measure decided by a competent authority, with its reason, dates and the complaint it goes with', () => {
    measure
      .given()
      .when((s) =>
        decideOrderMeasure(
          s,
          record({ complaint: { complaintId: COMPLAINT_ID, registerNumber: 'DIT-2026-000042', staffConcerned: [OFFICER, 'staff-4712'] } }),
        ),
      )
      .then([{ ...recorded, data: { ...recorded.data, complaint: { complaintId: COMPLAINT_ID, registerNumber: 'DIT-2026-000042' } } }]);
  });

  it('may be open-ended and start later than decided', () => {
    const { endsOn: _none, ...openEnded } = recorded.data;
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ endsOn: undefined, startsOn: '2026-03-10' })))
      .then([{ type: 'OrderMeasureRecorded', data: { ...openEnded, startsOn: '2026-03-10' } }]);
  });

  it('refuses a kind outside the configuration, and an authority not competent for the kind', () => {
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ kind: 'huisarrest' })))
      .thenThrows({ type: InvalidTuchtCommand, code: 'unknown_order_measure_kind', status: 422, field: 'kind' });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ kind: 'toString' })))
      .thenThrows({ code: 'unknown_order_measure_kind', status: 422, field: 'kind' });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ kind: WITH_PAY_WITHHELD, authority: 'korpschef' })))
      .thenThrows({
        type: InvalidTuchtCommand,
        code: 'authority_not_competent',
        status: 422,
        field: 'authority',
        message: /burgemeester, minister/,
      });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ authority: 'diensthoofd' })))
      .thenThrows({ code: 'authority_not_competent', status: 422, field: 'authority' });
  });

  it('refuses bad dates, blank text, a staff member not concerned by the linked complaint, and a second record under the id', () => {
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ decidedOn: '2026-03-03' })))
      .thenThrows({ code: 'date_in_future', status: 422, field: 'decidedOn' });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ startsOn: '2026-W10-1' })))
      .thenThrows({ code: 'invalid_date', status: 422, field: 'startsOn' });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ endsOn: '2026-03-02' })))
      .thenThrows({ code: 'invalid_date', status: 422, field: 'endsOn' });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ reason: '  ' })))
      .thenThrows({ code: 'required', status: 422, field: 'reason' });
    measure
      .given()
      .when((s) => decideOrderMeasure(s, record({ measureId: 'OM-1' })))
      .thenThrows({ code: 'invalid_id', status: 422, field: 'measureId' });
    measure
      .given()
      .when((s) =>
        decideOrderMeasure(
          s,
          record({ complaint: { complaintId: COMPLAINT_ID, registerNumber: 'DIT-2026-000042', staffConcerned: ['staff-4712'] } }),
        ),
      )
      .thenThrows({ code: 'not_concerned', status: 422, field: 'complaintId' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, record()))
      .thenThrows({ type: TuchtConflict, code: 'id_in_use', status: 409 });
  });
});

describe('following up an order measure', () => {
  it('adds a note', () => {
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({})))
      .then([followedUp({})]);
  });

  it('extends it to a later end date, decided by a competent authority', () => {
    measure
      .given(recorded)
      .when((s) =>
        decideOrderMeasure(
          s,
          followUp({
            action: 'extended',
            endsOn: '2026-09-02',
            authority: 'burgemeester',
            note: 'Verlengd in afwachting van de tuchtraad',
          }),
        ),
      )
      .then([
        followedUp({
          action: 'extended',
          endsOn: '2026-09-02',
          authority: 'burgemeester',
          note: 'Verlengd in afwachting van de tuchtraad',
        }),
      ]);
    const extended = followedUp({ action: 'extended', endsOn: '2026-09-02', authority: 'burgemeester' });
    expect(measure.fold([recorded, extended])).toMatchObject({ endsOn: '2026-09-02', phase: 'active' });
    measure
      .given(recorded, extended)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'extended', endsOn: '2026-09-02', authority: 'burgemeester' })))
      .thenThrows({ code: 'invalid_date', status: 422, field: 'endsOn', message: /after 2026-09-02/ });
  });

  it('refuses an extension without an end date or authority, or by an authority not competent', () => {
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'extended', authority: 'korpschef' })))
      .thenThrows({ code: 'required', status: 422, field: 'endsOn' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'extended', endsOn: '2026-09-02' })))
      .thenThrows({ code: 'required', status: 422, field: 'authority' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'lifted', authority: 'gouverneur' })))
      .thenThrows({ code: 'authority_not_competent', status: 422, field: 'authority' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'note', authority: 'korpschef' })))
      .thenThrows({ code: 'not_applicable', status: 422, field: 'authority' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'ended', endsOn: '2026-09-02' })))
      .thenThrows({ code: 'not_applicable', status: 422, field: 'endsOn' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ on: '2026-03-01' })))
      .thenThrows({ code: 'invalid_date', status: 422, field: 'on' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ on: '2026-05-21' })))
      .thenThrows({ code: 'date_in_future', status: 422, field: 'on' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'suspended' as never })))
      .thenThrows({ code: 'invalid_value', status: 422, field: 'action' });
  });

  it('once lifted or ended, takes notes only', () => {
    const lifted = followedUp({ action: 'lifted', authority: 'korpschef', note: 'Opgeheven na verhoor' });
    measure
      .given(recorded)
      .when((s) => decideOrderMeasure(s, followUp({ action: 'lifted', authority: 'korpschef', note: 'Opgeheven na verhoor' })))
      .then([lifted]);
    expect(measure.fold([recorded, lifted])).toMatchObject({ phase: 'lifted' });
    const ended = followedUp({ action: 'ended', note: 'Einddatum bereikt' });
    expect(measure.fold([recorded, ended])).toMatchObject({ phase: 'ended' });
    for (const history of [
      [recorded, lifted],
      [recorded, ended],
    ]) {
      measure
        .given(...history)
        .when((s) => decideOrderMeasure(s, followUp({ action: 'ended' })))
        .thenThrows({ type: TuchtConflict, code: 'order_measure_ended', status: 409 });
      measure
        .given(...history)
        .when((s) => decideOrderMeasure(s, followUp({ action: 'extended', endsOn: '2026-12-31', authority: 'korpschef' })))
        .thenThrows({ code: 'order_measure_ended', status: 409 });
      measure
        .given(...history)
        .when((s) => decideOrderMeasure(s, followUp({})))
        .then([followedUp({})]);
    }
  });

  it('needs a recorded measure', () => {
    measure
      .given()
      .when((s) => decideOrderMeasure(s, followUp({})))
      .thenThrows({ type: TuchtNotFound, code: 'order_measure_not_found', status: 404 });
  });
});
