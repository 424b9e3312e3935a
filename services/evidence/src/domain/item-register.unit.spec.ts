import { decideRegisterItem, decideResealItem } from './item.decide';
import { ItemConflict, InvalidItemCommand, ItemForbidden, ItemNotFound } from './item.errors';
import {
  at,
  DESK,
  DETECTIVE,
  inStorageRoom,
  ITEM_ID,
  item,
  LABEL,
  PHOTO_SHA,
  registerCommand,
  registered,
  SEAL,
  STORAGE_ROOM,
  STRANGER,
} from './item.fixtures.spec';

describe('registering a seized item or trace', () => {
  it('records the whole registration, with the registering officer as first custodian', () => {
    item
      .given()
      .when((s) => decideRegisterItem(s, registerCommand()))
      .then([
        {
          type: 'ItemRegistered',
          data: {
            itemId: ITEM_ID,
            labelNumber: LABEL,
            investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
            pvNumber: 'GE.55.L5.012345/2025',
            description: 'Pistool Glock 17, serienummer weggevijld',
            category: 'weapon',
            quantity: { amount: 1, unit: 'piece' },
            sealNumber: SEAL,
            packaging: 'Wapenkoffer, verzegeld',
            condition: 'Ongeladen, lichte krassen op de slede',
            seizedBy: 'staff-3141',
            seizedAt: '2025-03-16T09:05:00.000Z',
            seizedPlace: 'Gent, Korenmarkt 1, woning 2e verdieping',
            legalBasis: 'Art. 35 Sv. (beslag bij betrapping op heterdaad)',
            attachments: [{ name: 'foto-beslag-1.jpg', sha256: PHOTO_SHA, mediaType: 'image/jpeg' }],
            custodian: { kind: 'officer', id: 'staff-3141' },
            registeredBy: 'staff-3141',
            registeredAt: '2025-03-16T11:30:00.000Z',
          },
        },
      ]);
  });

  it('takes a named first custodian and a PV number alone as the case reference (a trace without investigation)', () => {
    const command = registerCommand(
      {
        category: 'trace',
        description: 'DNA-swab deurklink achterdeur',
        quantity: { amount: 2, unit: 'swabs' },
        packaging: 'Swabkokers in verzegelde envelop',
        condition: 'Droog, ongeopend',
        attachments: [],
        custodian: STORAGE_ROOM,
      },
      at(DESK, '2025-03-16T11:30:00+01:00'),
    );
    delete command.data.investigationId;
    item
      .given()
      .when((s) => decideRegisterItem(s, command))
      .then([
        {
          type: 'ItemRegistered',
          data: {
            itemId: ITEM_ID,
            labelNumber: LABEL,
            pvNumber: 'GE.55.L5.012345/2025',
            description: 'DNA-swab deurklink achterdeur',
            category: 'trace',
            quantity: { amount: 2, unit: 'swabs' },
            sealNumber: SEAL,
            packaging: 'Swabkokers in verzegelde envelop',
            condition: 'Droog, ongeopend',
            seizedBy: 'staff-3141',
            seizedAt: '2025-03-16T09:05:00.000Z',
            seizedPlace: 'Gent, Korenmarkt 1, woning 2e verdieping',
            legalBasis: 'Art. 35 Sv. (beslag bij betrapping op heterdaad)',
            attachments: [],
            custodian: { kind: 'storage_room', id: 'apg-0.14', name: 'APG bewijsstukkenlokaal 0.14' },
            registeredBy: 'staff-2718',
            registeredAt: '2025-03-16T10:30:00.000Z',
          },
        },
      ]);
  });

  it('refuses to register twice on the same stream', () => {
    item
      .given(registered())
      .when((s) => decideRegisterItem(s, registerCommand()))
      .thenThrows({ type: ItemConflict, code: 'item_already_registered', status: 409, message: /PACOS-2025-000871 is already registered/ });
  });

  it('refuses an item without a case reference', () => {
    const command = registerCommand();
    delete command.data.investigationId;
    delete command.data.pvNumber;
    item
      .given()
      .when((s) => decideRegisterItem(s, command))
      .thenThrows({ type: InvalidItemCommand, code: 'case_reference_required', status: 422, field: 'investigationId' });
  });

  it.each([
    ['a non-UUID item id', { itemId: 'item-1' }, 'invalid_id', 'itemId'],
    ['a non-UUID investigation id', { investigationId: 'INV-7' }, 'invalid_id', 'investigationId'],
    ['a blank description', { description: '  ' }, 'required', 'description'],
    ['no seal number', { sealNumber: '' }, 'required', 'sealNumber'],
    ['no legal basis', { legalBasis: '' }, 'required', 'legalBasis'],
    ['an unknown category', { category: 'jewellery' as never }, 'invalid_value', 'category'],
    ['a zero quantity', { quantity: { amount: 0, unit: 'piece' } }, 'invalid_quantity', 'quantity.amount'],
    ['a quantity without unit', { quantity: { amount: 3, unit: '' } }, 'required', 'quantity.unit'],
    ['a seizure time without offset', { seizedAt: '2025-03-16T10:05:00' }, 'invalid_time', 'seizedAt'],
    ['a seizure after registration', { seizedAt: '2025-03-16T12:00:00Z' }, 'seized_after_registration', 'seizedAt'],
    [
      'an attachment hash that is not SHA-256',
      { attachments: [{ name: 'a.pdf', sha256: 'abc', mediaType: 'application/pdf' }] },
      'invalid_attachment',
      'attachments[0].sha256',
    ],
    [
      'the same attachment twice',
      {
        attachments: [
          { name: 'a.jpg', sha256: PHOTO_SHA, mediaType: 'image/jpeg' },
          { name: 'b.jpg', sha256: PHOTO_SHA, mediaType: 'image/jpeg' },
        ],
      },
      'invalid_attachment',
      'attachments',
    ],
    ['a custodian without id', { custodian: { kind: 'storage_room' as const, id: '' } }, 'required', 'custodian.id'],
  ])('refuses %s (422)', (_what, data, code, field) => {
    item
      .given()
      .when((s) => decideRegisterItem(s, registerCommand(data)))
      .thenThrows({ type: InvalidItemCommand, code, status: 422, field });
  });

  it('answers 404 to any other command on a stream without registration', () => {
    item
      .given()
      .when((s) =>
        decideResealItem(s, {
          type: 'ResealItem',
          data: { sealNumber: 'SEAL-2', reason: 'x' },
          metadata: at(DETECTIVE, '2025-03-17T08:00:00Z'),
        }),
      )
      .thenThrows({ type: ItemNotFound, code: 'item_not_found', status: 404 });
  });
});

describe('resealing', () => {
  const reseal = (actor = DESK, sealNumber = 'SEAL-0091200') =>
    ({
      type: 'ResealItem',
      data: { sealNumber, reason: 'Verpakking geopend voor fotografie' },
      metadata: at(actor, '2025-03-17T08:00:00Z'),
    }) as const;

  it('records the old and the new seal when the custodian reseals', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideResealItem(s, reseal()))
      .then([
        {
          type: 'ItemResealed',
          data: {
            itemId: ITEM_ID,
            previousSealNumber: SEAL,
            sealNumber: 'SEAL-0091200',
            reason: 'Verpakking geopend voor fotografie',
            resealedBy: 'staff-2718',
            resealedAt: '2025-03-17T08:00:00.000Z',
          },
        },
      ]);
  });

  it('lets only the custodian reseal', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideResealItem(s, reseal(STRANGER)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
    item
      .given(...inStorageRoom)
      .when((s) => decideResealItem(s, reseal(DETECTIVE)))
      .thenThrows({ type: ItemForbidden, code: 'not_the_custodian', status: 403 });
  });

  it('refuses a "new" seal that is the current one', () => {
    item
      .given(...inStorageRoom)
      .when((s) => decideResealItem(s, reseal(DESK, SEAL)))
      .thenThrows({ code: 'same_seal_number', status: 409 });
  });

  it('makes the new seal the one a recipient is checked against', () => {
    const { state } = item.given(...inStorageRoom, {
      type: 'ItemResealed',
      data: {
        itemId: ITEM_ID,
        previousSealNumber: SEAL,
        sealNumber: 'SEAL-0091200',
        reason: 'x',
        resealedBy: 'staff-2718',
        resealedAt: '2025-03-17T08:00:00.000Z',
      },
    });
    expect(state.status === 'held' && state.sealNumber).toBe('SEAL-0091200');
  });
});
