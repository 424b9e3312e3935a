import { describe, expect, it } from 'vitest';
import { CHIEF, ELS as LEAD, MARC, NATHALIE, PIETER } from '@/testing/users';
import { itemActions } from './access';
import type { HeldItem, Reference } from './api/counter.api';

const REFERENCE: Reference = {
  storageRooms: [{ id: 'bewaarplaats-apg', name: 'Bewaarplaats' }],
  laboratories: [{ id: 'fpl-ltwp', name: 'FPL' }],
  witnessRules: [],
  holdingPeriods: [],
};
const ROOM = { kind: 'storage_room', id: 'bewaarplaats-apg' } as const;
const LAB = { kind: 'lab', id: 'fpl-ltwp' } as const;

function item(over: Partial<HeldItem> = {}): HeldItem {
  return {
    status: 'held',
    itemId: '0b7c6a2e-1f4d-4e8a-9c3b-5d6e7f8a9b0c',
    labelNumber: 'EV-2026-000001',
    pvNumber: 'GE.55.L5.001234/2026',
    category: 'drugs',
    description: 'Cannabis',
    sealNumber: 'S-1',
    custodian: { kind: 'officer', id: PIETER.staffId },
    custodyChain: [],
    whereabouts: { kind: 'with_custodian' },
    openOffer: null,
    closedHandovers: {},
    labSubmissions: {},
    decision: null,
    sealMismatches: [],
    ...over,
  };
}

const offer = (to: HeldItem['custodian']): HeldItem['openOffer'] => ({
  handoverId: 'h1',
  to,
  purpose: 'storage',
  method: 'hand_delivery',
  offeredBy: PIETER.staffId,
  offeredAt: '2026-12-01T10:00:00.000Z',
});

describe('what the counter offers on an item, as the evidence API decides it', () => {
  it('the custodian offers, sends to a lab and stores; a colleague who is not the custodian gets nothing but the case lead records decisions', () => {
    expect(itemActions(item(), PIETER, REFERENCE)).toEqual(['offer', 'labSubmission', 'checkIn']);
    expect(itemActions(item(), LEAD, REFERENCE)).toEqual(['decision']);
    expect(itemActions(item(), CHIEF, REFERENCE)).toEqual([]);
  });

  it('an open offer blocks everything but accept and decline (the recipient) and withdraw (the offerer)', () => {
    const offered = item({ openOffer: offer(ROOM) });
    expect(itemActions(offered, PIETER, REFERENCE)).toEqual(['withdraw']);
    expect(itemActions(offered, MARC, REFERENCE)).toEqual(['accept', 'decline']);
    expect(itemActions(item({ openOffer: offer(LAB) }), NATHALIE, REFERENCE)).toEqual(['accept', 'decline']);
    expect(itemActions(item({ openOffer: offer({ kind: 'officer', id: LEAD.staffId }) }), LEAD, REFERENCE)).toEqual(['accept', 'decline']);
  });

  it('the evidence desk acts for its storage room: checks out what is in storage, takes back what is out, records and carries out disposals', () => {
    const stored = item({
      custodian: ROOM,
      whereabouts: { kind: 'in_storage', location: { room: 'APG 0.14' }, since: '2026-12-01T10:00:00.000Z' },
    });
    expect(itemActions(stored, MARC, REFERENCE)).toEqual(['offer', 'labSubmission', 'checkOut', 'decision', 'disposal']);
    const out = item({
      custodian: ROOM,
      whereabouts: {
        kind: 'checked_out',
        from: { room: 'APG 0.14' },
        purpose: 'court',
        takenBy: PIETER.staffId,
        checkedOutAt: '2026-12-01T10:00:00.000Z',
        expectedReturnAt: '2026-12-02T10:00:00.000Z',
      },
    });
    expect(itemActions(out, MARC, REFERENCE)).toEqual(['return', 'decision']);
    // Whoever took it out may bring it back.
    expect(itemActions(out, PIETER, REFERENCE)).toEqual(['return']);
  });

  it('an item at a lab is neither stored nor disposed of; the lab liaison hands it back and records its result', () => {
    const atLab = item({
      custodian: LAB,
      labSubmissions: { s1: { submissionId: 's1', laboratory: LAB, analysis: 'dna', status: 'at_lab' } },
    });
    expect(itemActions(atLab, NATHALIE, REFERENCE)).toEqual(['offer', 'labSubmission', 'labResult']);
    expect(itemActions(atLab, MARC, REFERENCE)).toEqual(['labResult', 'decision']);
  });

  it('nothing happens to a disposed item', () => {
    const { whereabouts: _w, openOffer: _o, ...rest } = item();
    expect(
      itemActions(
        {
          ...rest,
          status: 'disposed',
          disposal: { disposition: 'destruction', decisionRef: 'PK-1', executedBy: MARC.staffId, executedAt: '2026-12-01T10:00:00.000Z' },
        },
        MARC,
        REFERENCE,
      ),
    ).toEqual([]);
  });
});
