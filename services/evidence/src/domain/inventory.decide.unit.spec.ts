import { Actor } from './evidence.decide';
import { decideRecordInventoryCount, decideResolveInventoryDiscrepancy, RecordInventoryCount } from './inventory.decide';
import { InvalidInventoryCommand, InventoryConflict, InventoryNotFound } from './inventory.errors';
import { InventoryCounted, InventoryDiscrepancyRaised } from './inventory.events';
import { evolveInventory, initialInventoryState } from './inventory.state';
import { specFor } from '@police/event-store/given-when-then';

const inventory = specFor({ initialState: initialInventoryState, evolve: evolveInventory });
const DESK: Actor = { staffId: 'staff-2718', evidenceDesk: true };
const ROOM = { room: 'APG 0.14' };
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'aaaaaaaa-0000-4000-8000-000000000002';
const C = 'aaaaaaaa-0000-4000-8000-000000000003';
const D = 'aaaaaaaa-0000-4000-8000-000000000004';

const count = (expectedItemIds: string[], foundItemIds: string[]): RecordInventoryCount => ({
  type: 'RecordInventoryCount',
  data: { inventoryId: 'inv-2025-q1-apg014', location: ROOM, expectedItemIds, foundItemIds },
  metadata: { actor: DESK, now: new Date('2025-03-31T15:00:00+02:00') },
});

const counted = (found: string[], missing: string[], unexpected: string[]): InventoryCounted => ({
  type: 'InventoryCounted',
  data: {
    inventoryId: 'inv-2025-q1-apg014',
    location: ROOM,
    expectedItemIds: [A, B, C],
    foundItemIds: found,
    missingItemIds: missing,
    unexpectedItemIds: unexpected,
    countedBy: 'staff-2718',
    countedAt: '2025-03-31T13:00:00.000Z',
  },
});

const raised = (itemId: string, kind: 'missing' | 'unexpected'): InventoryDiscrepancyRaised => ({
  type: 'InventoryDiscrepancyRaised',
  data: { inventoryId: 'inv-2025-q1-apg014', itemId, kind, location: ROOM, raisedBy: 'staff-2718', raisedAt: '2025-03-31T13:00:00.000Z' },
});

const resolve = (itemId: string, resolution = 'Teruggevonden in kluis 5, verkeerd ingecheckt') =>
  ({
    type: 'ResolveInventoryDiscrepancy',
    data: { itemId, resolution },
    metadata: { actor: DESK, now: new Date('2025-04-01T09:00:00Z') },
  }) as const;

describe('an inventory count', () => {
  it('records a clean count and raises nothing', () => {
    inventory
      .given()
      .when((s) => decideRecordInventoryCount(s, count([A, B, C], [C, A, B])))
      .then([counted([C, A, B], [], [])]);
  });

  it('raises a discrepancy for each expected item not found, and for each item found that was not expected', () => {
    inventory
      .given()
      .when((s) => decideRecordInventoryCount(s, count([A, B, C], [A, D])))
      .then([
        {
          type: 'InventoryCounted',
          data: {
            inventoryId: 'inv-2025-q1-apg014',
            location: { room: 'APG 0.14' },
            expectedItemIds: [A, B, C],
            foundItemIds: [A, D],
            missingItemIds: [B, C],
            unexpectedItemIds: [D],
            countedBy: 'staff-2718',
            countedAt: '2025-03-31T13:00:00.000Z',
          },
        },
        {
          type: 'InventoryDiscrepancyRaised',
          data: {
            inventoryId: 'inv-2025-q1-apg014',
            itemId: B,
            kind: 'missing',
            location: { room: 'APG 0.14' },
            raisedBy: 'staff-2718',
            raisedAt: '2025-03-31T13:00:00.000Z',
          },
        },
        {
          type: 'InventoryDiscrepancyRaised',
          data: {
            inventoryId: 'inv-2025-q1-apg014',
            itemId: C,
            kind: 'missing',
            location: { room: 'APG 0.14' },
            raisedBy: 'staff-2718',
            raisedAt: '2025-03-31T13:00:00.000Z',
          },
        },
        {
          type: 'InventoryDiscrepancyRaised',
          data: {
            inventoryId: 'inv-2025-q1-apg014',
            itemId: D,
            kind: 'unexpected',
            location: { room: 'APG 0.14' },
            raisedBy: 'staff-2718',
            raisedAt: '2025-03-31T13:00:00.000Z',
          },
        },
      ]);
  });

  it('is counted once', () => {
    inventory
      .given(counted([A, B, C], [], []))
      .when((s) => decideRecordInventoryCount(s, count([A, B, C], [A, B, C])))
      .thenThrows({ type: InventoryConflict, code: 'inventory_already_counted', status: 409 });
  });

  it('refuses an item listed twice, and a count without room (422)', () => {
    inventory
      .given()
      .when((s) => decideRecordInventoryCount(s, count([A, A], [A])))
      .thenThrows({ type: InvalidInventoryCommand, code: 'duplicate_item_ids', status: 422, field: 'expectedItemIds' });
    inventory
      .given()
      .when((s) => decideRecordInventoryCount(s, { ...count([A], [A]), data: { ...count([A], [A]).data, location: { room: '' } } }))
      .thenThrows({ type: InvalidInventoryCommand, code: 'required', status: 422, field: 'location.room' });
  });
});

describe('resolving a discrepancy', () => {
  const withGaps = [counted([A, D], [B, C], [D]), raised(B, 'missing'), raised(C, 'missing'), raised(D, 'unexpected')];

  it('records how it was resolved', () => {
    inventory
      .given(...withGaps)
      .when((s) => decideResolveInventoryDiscrepancy(s, resolve(B)))
      .then([
        {
          type: 'InventoryDiscrepancyResolved',
          data: {
            inventoryId: 'inv-2025-q1-apg014',
            itemId: B,
            kind: 'missing',
            resolution: 'Teruggevonden in kluis 5, verkeerd ingecheckt',
            resolvedBy: 'staff-2718',
            resolvedAt: '2025-04-01T09:00:00.000Z',
          },
        },
      ]);
  });

  it('keeps open and resolved discrepancies apart', () => {
    const resolved = {
      type: 'InventoryDiscrepancyResolved',
      data: {
        inventoryId: 'inv-2025-q1-apg014',
        itemId: B,
        kind: 'missing',
        resolution: 'x',
        resolvedBy: 'staff-2718',
        resolvedAt: '2025-04-01T09:00:00.000Z',
      },
    } as const;
    const { state } = inventory.given(...withGaps, resolved);
    expect(state).toStrictEqual({
      status: 'counted',
      inventoryId: 'inv-2025-q1-apg014',
      location: ROOM,
      countedAt: '2025-03-31T13:00:00.000Z',
      openDiscrepancies: { [C]: 'missing', [D]: 'unexpected' },
      resolvedDiscrepancies: { [B]: 'missing' },
    });
    inventory
      .given(...withGaps, resolved)
      .when((s) => decideResolveInventoryDiscrepancy(s, resolve(B)))
      .thenThrows({ type: InventoryConflict, code: 'discrepancy_already_resolved', status: 409 });
  });

  it('answers 404 for an item without discrepancy and for an inventory never counted; 422 without resolution', () => {
    inventory
      .given(...withGaps)
      .when((s) => decideResolveInventoryDiscrepancy(s, resolve(A)))
      .thenThrows({ type: InventoryNotFound, code: 'discrepancy_not_found', status: 404 });
    inventory
      .given()
      .when((s) => decideResolveInventoryDiscrepancy(s, resolve(B)))
      .thenThrows({ type: InventoryNotFound, code: 'inventory_not_found', status: 404 });
    inventory
      .given(...withGaps)
      .when((s) => decideResolveInventoryDiscrepancy(s, resolve(B, '')))
      .thenThrows({ type: InvalidInventoryCommand, code: 'required', status: 422, field: 'resolution' });
  });
});
