import { describe, expect, it } from 'vitest';
import { AN, CHIEF, ELS as LEAD, WIM } from '@/testing/users';
import { pvActions } from './access';
import type { WrittenPv } from './api/pvs.api';

function pv(over: Partial<WrittenPv> = {}): WrittenPv {
  return {
    pvId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    reportId: '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    status: 'draft',
    author: AN.staffId,
    legalQualification: 'Diefstal (art. 461 Sw.)',
    offenceType: 'fietsdiefstal',
    destination: 'parket',
    documentSha256: 'a'.repeat(64),
    draftedAt: '2026-11-18T10:00:00.000Z',
    round: 0,
    submittedAt: null,
    rejectionReasons: [],
    approvedAt: null,
    pvNumber: null,
    finalisedAt: null,
    transmittedAt: null,
    fedToAngAt: null,
    ...over,
  };
}

describe('the steps a PV is ready for, and who may take them', () => {
  it('lets only the author submit a draft, and correct and resubmit a rejected PV', () => {
    expect(pvActions(pv(), AN)).toEqual([{ action: 'submit', allowed: true }]);
    expect(pvActions(pv(), WIM)).toEqual([{ action: 'submit', allowed: false, why: 'onlyAuthor' }]);
    expect(pvActions(pv({ status: 'rejected', round: 1 }), AN)).toEqual([{ action: 'resubmit', allowed: true }]);
    expect(pvActions(pv({ status: 'rejected', round: 1 }), WIM)).toEqual([{ action: 'resubmit', allowed: false, why: 'onlyAuthor' }]);
    // A team lead who wrote it may not submit: the service's submission route is the desk's and detectives'.
    expect(pvActions(pv({ author: LEAD.staffId }), { ...LEAD, roles: ['team_lead'] })).toEqual([
      { action: 'submit', allowed: false, why: 'role' },
    ]);
  });

  it('lets GAK, not the author, approve or reject a submitted PV', () => {
    const submitted = pv({ status: 'submitted', round: 1 });
    expect(pvActions(submitted, WIM)).toEqual([
      { action: 'approve', allowed: true },
      { action: 'reject', allowed: true },
    ]);
    expect(pvActions(submitted, AN)).toEqual([
      { action: 'approve', allowed: false, why: 'onlyGak' },
      { action: 'reject', allowed: false, why: 'onlyGak' },
    ]);
    expect(pvActions(pv({ status: 'submitted', round: 1, author: WIM.staffId }), WIM)).toEqual([
      { action: 'approve', allowed: false, why: 'ownPv' },
      { action: 'reject', allowed: false, why: 'ownPv' },
    ]);
  });

  it('lets GAK finalise an approved PV, even one it wrote', () => {
    expect(pvActions(pv({ status: 'approved', round: 1 }), WIM)).toEqual([{ action: 'finalise', allowed: true }]);
    expect(pvActions(pv({ status: 'approved', round: 1 }), LEAD)).toEqual([{ action: 'finalise', allowed: false, why: 'onlyGak' }]);
  });

  it('offers a finalised PV transmission (the roles GAK may have), the ANG feed (GAK) and a supplementary PV, until each is done', () => {
    const finalised = pv({ status: 'finalised', round: 1, pvNumber: 'GE.55.L5.000123/2026' });
    expect(pvActions(finalised, WIM)).toEqual([
      { action: 'transmit', allowed: true },
      { action: 'feedAng', allowed: true },
      { action: 'supplement', allowed: true },
    ]);
    expect(pvActions(finalised, AN)).toEqual([
      { action: 'transmit', allowed: true },
      { action: 'feedAng', allowed: false, why: 'onlyGak' },
      { action: 'supplement', allowed: true },
    ]);
    expect(pvActions({ ...finalised, transmittedAt: '2026-11-19T10:00:00.000Z', fedToAngAt: '2026-11-19T11:00:00.000Z' }, WIM)).toEqual([
      { action: 'supplement', allowed: true },
    ]);
    expect(pvActions(finalised, CHIEF)).toEqual([
      { action: 'transmit', allowed: false, why: 'role' },
      { action: 'feedAng', allowed: false, why: 'onlyGak' },
      { action: 'supplement', allowed: false, why: 'role' },
    ]);
  });
});
