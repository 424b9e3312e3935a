import { Actor } from './evidence.decide';
import {
  decideDestroyFoundObject,
  decideFoundObject,
  decideHandFoundObjectToOrganisation,
  decideIdentifyOwner,
  decideMatchLossDeclaration,
  decideRegisterFoundObject,
  decideReturnFoundObjectToOwner,
  decideStartOwnerSearch,
  FoundObjectCommand,
  HandFoundObjectToOrganisation,
  RegisterFoundObject,
  ReturnFoundObjectToOwner,
} from './found-object.decide';
import { FoundObjectClosed, FoundObjectConflict, FoundObjectNotFound, InvalidFoundObjectCommand } from './found-object.errors';
import { FoundObjectRegistered, FoundObjectReturnedToOwner, OwnerIdentified } from './found-object.events';
import { evolveFoundObject, holdingPeriodEndsAt, initialFoundObjectState } from './found-object.state';
import { specFor } from '@police/event-store/given-when-then';
import { DEFAULT_HOLDING_PERIODS } from '../evidence.config';

const foundObject = specFor({ initialState: initialFoundObjectState, evolve: evolveFoundObject });
const POPP: Actor = { staffId: 'staff-4242' };
const ID = '5b1e8c2a-3d4f-4e6a-9b7c-8d9e0f1a2b3c';
const REPORT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const LOSS_REPORT_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const at = (now: string, actor = POPP) => ({ actor, now: new Date(now) });

const register = (data: Partial<RegisterFoundObject['data']> = {}): RegisterFoundObject => ({
  type: 'RegisterFoundObject',
  data: {
    foundObjectId: ID,
    source: { kind: 'declaration', reportId: REPORT_ID, declarantRef: 'party-8812', declaredAt: '2025-05-03T16:20:00+02:00' },
    category: 'wallet',
    description: 'Bruine lederen portefeuille, initialen K.V. ingebrand',
    place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
    foundOn: '2025-05-03',
    storageLocation: 'POPP kast 2',
    ...data,
  },
  metadata: at('2025-05-04T09:00:00+02:00'),
});

const registered: FoundObjectRegistered = {
  type: 'FoundObjectRegistered',
  data: {
    foundObjectId: ID,
    source: { kind: 'declaration', reportId: REPORT_ID, declarantRef: 'party-8812', declaredAt: '2025-05-03T14:20:00.000Z' },
    category: 'wallet',
    description: 'Bruine lederen portefeuille, initialen K.V. ingebrand',
    place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
    foundOn: '2025-05-03',
    storageLocation: 'POPP kast 2',
    registeredBy: 'staff-4242',
    registeredAt: '2025-05-04T07:00:00.000Z',
  },
};

const ownerIdentified: OwnerIdentified = {
  type: 'OwnerIdentified',
  data: {
    foundObjectId: ID,
    ownerRef: 'party-9034',
    basis: 'Identiteitskaart in de portefeuille',
    identifiedBy: 'staff-4242',
    identifiedAt: '2025-05-05T08:00:00.000Z',
  },
};

const returnToOwner = (ownerRef = 'party-9034', holderIsOwner = true): ReturnFoundObjectToOwner => ({
  type: 'ReturnFoundObjectToOwner',
  data: { ownerRef, identityCheck: { documentType: 'eid', holderIsOwner }, ownershipProof: 'Beschreef inhoud: bibliotheekkaart en foto' },
  metadata: at('2025-05-06T10:00:00Z'),
});

const returned: FoundObjectReturnedToOwner = {
  type: 'FoundObjectReturnedToOwner',
  data: {
    foundObjectId: ID,
    ownerRef: 'party-9034',
    identityDocumentType: 'eid',
    ownershipProof: 'Beschreef inhoud: bibliotheekkaart en foto',
    returnedBy: 'staff-4242',
    returnedAt: '2025-05-06T10:00:00.000Z',
  },
};

const handOver = (now: string, holdingPeriods = DEFAULT_HOLDING_PERIODS): HandFoundObjectToOrganisation => ({
  type: 'HandFoundObjectToOrganisation',
  data: { organisation: { id: 'natuurpunt-gent', name: 'Natuurpunt Gent' }, receiptRef: 'NP-2025-118', holdingPeriods },
  metadata: at(now),
});

// Registered 2025-05-04T07:00Z; 183 days later.
const HOLDING_ENDS = '2025-11-03T07:00:00.000Z';

describe('registering a found object', () => {
  it('records a registration from a front-desk declaration', () => {
    foundObject
      .given()
      .when((s) => decideRegisterFoundObject(s, register()))
      .then([registered]);
  });

  it('records a registration made directly at the POPP desk', () => {
    foundObject
      .given()
      .when((s) =>
        decideRegisterFoundObject(
          s,
          register({
            source: { kind: 'desk' },
            category: 'bicycle',
            description: 'Blauwe stadsfiets',
            place: { municipality: 'Gent' },
            storageLocation: undefined,
          }),
        ),
      )
      .then([
        {
          type: 'FoundObjectRegistered',
          data: {
            foundObjectId: ID,
            source: { kind: 'desk' },
            category: 'bicycle',
            description: 'Blauwe stadsfiets',
            place: { municipality: 'Gent' },
            foundOn: '2025-05-03',
            registeredBy: 'staff-4242',
            registeredAt: '2025-05-04T07:00:00.000Z',
          },
        },
      ]);
  });

  it('is registered once', () => {
    foundObject
      .given(registered)
      .when((s) => decideRegisterFoundObject(s, register()))
      .thenThrows({ type: FoundObjectConflict, code: 'found_object_already_registered', status: 409 });
  });

  it.each([
    ['a day found after today', { foundOn: '2025-05-05' }, 'found_after_registration', 'foundOn'],
    ['an unknown category', { category: 'weapon' as never }, 'invalid_value', 'category'],
    [
      'a declaration without report id',
      { source: { kind: 'declaration' as const, reportId: 'r-1', declarantRef: 'party-1', declaredAt: '2025-05-03T16:20:00Z' } },
      'invalid_id',
      'source.reportId',
    ],
    ['no municipality', { place: { municipality: '' } }, 'required', 'place.municipality'],
  ])('refuses %s (422)', (_what, data, code, field) => {
    foundObject
      .given()
      .when((s) => decideRegisterFoundObject(s, register(data)))
      .thenThrows({ type: InvalidFoundObjectCommand, code, status: 422, field });
  });

  it('answers 404 to any other command before registration', () => {
    foundObject
      .given()
      .when((s) => decideStartOwnerSearch(s, { type: 'StartOwnerSearch', data: { method: 'x' }, metadata: at('2025-05-05T08:00:00Z') }))
      .thenThrows({ type: FoundObjectNotFound, code: 'found_object_not_found', status: 404 });
  });
});

describe('looking for the owner', () => {
  it('records the start of the owner search, once', () => {
    const start = {
      type: 'StartOwnerSearch',
      data: { method: 'Rijksregister via initialen en bibliotheekkaart' },
      metadata: at('2025-05-04T10:00:00Z'),
    } as const;
    foundObject
      .given(registered)
      .when((s) => decideStartOwnerSearch(s, start))
      .then([
        {
          type: 'OwnerSearchStarted',
          data: {
            foundObjectId: ID,
            method: 'Rijksregister via initialen en bibliotheekkaart',
            startedBy: 'staff-4242',
            startedAt: '2025-05-04T10:00:00.000Z',
          },
        },
      ]);
    foundObject
      .given(registered, {
        type: 'OwnerSearchStarted',
        data: { foundObjectId: ID, method: 'x', startedBy: 'staff-4242', startedAt: '2025-05-04T10:00:00.000Z' },
      })
      .when((s) => decideStartOwnerSearch(s, start))
      .thenThrows({ code: 'owner_search_already_started', status: 409 });
  });

  it('records the owner once identified, once', () => {
    const identify = {
      type: 'IdentifyOwner',
      data: { ownerRef: 'party-9034', basis: 'Identiteitskaart in de portefeuille' },
      metadata: at('2025-05-05T08:00:00Z'),
    } as const;
    foundObject
      .given(registered)
      .when((s) => decideIdentifyOwner(s, identify))
      .then([ownerIdentified]);
    foundObject
      .given(registered, ownerIdentified)
      .when((s) => decideIdentifyOwner(s, identify))
      .thenThrows({ type: FoundObjectConflict, code: 'owner_already_identified', status: 409 });
  });

  it('matches a loss declaration, each one once', () => {
    const match = {
      type: 'MatchLossDeclaration',
      data: { lossReportId: LOSS_REPORT_ID, declarantRef: 'party-9034' },
      metadata: at('2025-05-05T07:30:00Z'),
    } as const;
    const matched = {
      type: 'FoundObjectMatchedToLossDeclaration',
      data: {
        foundObjectId: ID,
        lossReportId: LOSS_REPORT_ID,
        declarantRef: 'party-9034',
        matchedBy: 'staff-4242',
        matchedAt: '2025-05-05T07:30:00.000Z',
      },
    } as const;
    foundObject
      .given(registered)
      .when((s) => decideMatchLossDeclaration(s, match))
      .then([matched]);
    foundObject
      .given(registered, matched)
      .when((s) => decideMatchLossDeclaration(s, match))
      .thenThrows({ code: 'loss_declaration_already_matched', status: 409 });
    expect(foundObject.given(registered, matched).state).toMatchObject({ lossReportIds: [LOSS_REPORT_ID] });
  });
});

describe('returning to the owner', () => {
  it('records the identity check and the proof of ownership', () => {
    foundObject
      .given(registered, ownerIdentified)
      .when((s) => decideReturnFoundObjectToOwner(s, returnToOwner()))
      .then([returned]);
  });

  it('is possible without prior identification, for whoever proves it is theirs', () => {
    foundObject
      .given(registered)
      .when((s) => decideReturnFoundObjectToOwner(s, returnToOwner()))
      .then([returned]);
  });

  it('refuses someone other than the identified owner', () => {
    foundObject
      .given(registered, ownerIdentified)
      .when((s) => decideReturnFoundObjectToOwner(s, returnToOwner('party-1111')))
      .thenThrows({ type: FoundObjectConflict, code: 'not_the_identified_owner', status: 409 });
  });

  it('refuses a return without a confirmed identity (422)', () => {
    foundObject
      .given(registered)
      .when((s) => decideReturnFoundObjectToOwner(s, returnToOwner('party-9034', false)))
      .thenThrows({ type: InvalidFoundObjectCommand, code: 'identity_not_confirmed', status: 422, field: 'identityCheck.holderIsOwner' });
  });
});

describe('after the holding period', () => {
  it('refuses a hand-over to an organisation before the period ends, and names the end', () => {
    foundObject
      .given(registered)
      .when((s) => decideHandFoundObjectToOrganisation(s, handOver('2025-11-03T06:59:59Z')))
      .thenThrows({
        type: FoundObjectConflict,
        code: 'holding_period_not_over',
        status: 409,
        message: `Found object ${ID} (wallet) is held until ${HOLDING_ENDS} (183 days); it cannot be handed to an organisation before then`,
      });
  });

  it('hands over to an organisation once the period has ended', () => {
    foundObject
      .given(registered)
      .when((s) => decideHandFoundObjectToOrganisation(s, handOver('2025-11-03T07:00:00Z')))
      .then([
        {
          type: 'FoundObjectHandedToOrganisation',
          data: {
            foundObjectId: ID,
            organisation: { id: 'natuurpunt-gent', name: 'Natuurpunt Gent' },
            receiptRef: 'NP-2025-118',
            holdingPeriodDays: 183,
            holdingPeriodEndedAt: HOLDING_ENDS,
            handedOverBy: 'staff-4242',
            handedOverAt: '2025-11-03T07:00:00.000Z',
          },
        },
      ]);
  });

  it('takes the period per category from the configuration it is given', () => {
    const shortForWallets = { ...DEFAULT_HOLDING_PERIODS, wallet: 30 };
    expect(holdingPeriodEndsAt({ category: 'wallet', registeredAt: '2025-05-04T07:00:00.000Z' }, shortForWallets).toISOString()).toBe(
      '2025-06-03T07:00:00.000Z',
    );
    foundObject
      .given(registered)
      .when((s) => decideHandFoundObjectToOrganisation(s, handOver('2025-06-03T06:00:00Z', shortForWallets)))
      .thenThrows({ code: 'holding_period_not_over', status: 409 });
    foundObject
      .given(registered)
      .when((s) => decideHandFoundObjectToOrganisation(s, handOver('2025-06-03T08:00:00Z', shortForWallets)))
      .then([
        {
          type: 'FoundObjectHandedToOrganisation',
          data: {
            foundObjectId: ID,
            organisation: { id: 'natuurpunt-gent', name: 'Natuurpunt Gent' },
            receiptRef: 'NP-2025-118',
            holdingPeriodDays: 30,
            holdingPeriodEndedAt: '2025-06-03T07:00:00.000Z',
            handedOverBy: 'staff-4242',
            handedOverAt: '2025-06-03T08:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a hand-over when the category has no period configured (422)', () => {
    const missing = { ...DEFAULT_HOLDING_PERIODS, wallet: undefined as unknown as number };
    foundObject
      .given(registered)
      .when((s) => decideHandFoundObjectToOrganisation(s, handOver('2026-01-01T00:00:00Z', missing)))
      .thenThrows({ code: 'holding_period_not_configured', status: 422 });
  });

  it('destroys only after the period, with reason and witnesses', () => {
    const destroy = (now: string) =>
      ({
        type: 'DestroyFoundObject',
        data: { reason: 'Beschadigd, geen waarde', witnesses: ['staff-4243'], holdingPeriods: DEFAULT_HOLDING_PERIODS },
        metadata: at(now),
      }) as const;
    foundObject
      .given(registered)
      .when((s) => decideDestroyFoundObject(s, destroy('2025-08-01T00:00:00Z')))
      .thenThrows({ code: 'holding_period_not_over', status: 409, message: /cannot be destroyed before then/ });
    foundObject
      .given(registered)
      .when((s) => decideDestroyFoundObject(s, destroy('2025-11-10T09:00:00Z')))
      .then([
        {
          type: 'FoundObjectDestroyed',
          data: {
            foundObjectId: ID,
            reason: 'Beschadigd, geen waarde',
            witnesses: ['staff-4243'],
            holdingPeriodDays: 183,
            holdingPeriodEndedAt: HOLDING_ENDS,
            destroyedBy: 'staff-4242',
            destroyedAt: '2025-11-10T09:00:00.000Z',
          },
        },
      ]);
  });
});

describe('a closed found object', () => {
  const later = at('2025-12-01T08:00:00Z');
  const commands: { [T in FoundObjectCommand['type']]: Extract<FoundObjectCommand, { type: T }> } = {
    RegisterFoundObject: register(),
    StartOwnerSearch: { type: 'StartOwnerSearch', data: { method: 'x' }, metadata: later },
    IdentifyOwner: { type: 'IdentifyOwner', data: { ownerRef: 'party-1', basis: 'x' }, metadata: later },
    MatchLossDeclaration: {
      type: 'MatchLossDeclaration',
      data: { lossReportId: LOSS_REPORT_ID, declarantRef: 'party-1' },
      metadata: later,
    },
    ReturnFoundObjectToOwner: returnToOwner(),
    HandFoundObjectToOrganisation: handOver('2025-12-01T08:00:00Z'),
    DestroyFoundObject: {
      type: 'DestroyFoundObject',
      data: { reason: 'x', witnesses: [], holdingPeriods: DEFAULT_HOLDING_PERIODS },
      metadata: later,
    },
  };

  it.each(Object.entries(commands).filter(([type]) => type !== 'RegisterFoundObject'))(
    'refuses %s once the object went back to its owner',
    (_type, command) => {
      foundObject
        .given(registered, ownerIdentified, returned)
        .when((s) => decideFoundObject(s, command))
        .thenThrows({
          type: FoundObjectClosed,
          code: 'found_object_closed',
          status: 409,
          message: `Found object ${ID} was returned to its owner at 2025-05-06T10:00:00.000Z; nothing more can happen to it`,
        });
    },
  );

  it('refuses a second registration as such', () => {
    foundObject
      .given(registered, returned)
      .when((s) => decideFoundObject(s, commands.RegisterFoundObject))
      .thenThrows({ code: 'found_object_already_registered', status: 409 });
  });

  it('folds to the outcome', () => {
    expect(foundObject.given(registered, ownerIdentified, returned).state).toStrictEqual({
      status: 'returned_to_owner',
      foundObjectId: ID,
      category: 'wallet',
      description: 'Bruine lederen portefeuille, initialen K.V. ingebrand',
      foundOn: '2025-05-03',
      registeredAt: '2025-05-04T07:00:00.000Z',
      ownerSearch: null,
      owner: { ownerRef: 'party-9034', identifiedAt: '2025-05-05T08:00:00.000Z' },
      lossReportIds: [],
      closedAt: '2025-05-06T10:00:00.000Z',
    });
  });
});
