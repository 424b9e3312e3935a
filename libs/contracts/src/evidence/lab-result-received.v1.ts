import { IsIn, IsOptional, IsRFC3339, IsString, IsUUID, Length } from 'class-validator';

const ANALYSES = ['dna', 'fingerprints', 'drugs', 'ballistics', 'digital_forensics', 'other'] as const;
const CONCLUSIONS = ['hit', 'no_hit', 'inconclusive', 'not_analysable'] as const;

/**
 * A laboratory (e.g. the FPL of the LTWP) returned a result for an item or trace (domain §1.3.3,
 * `TraceResultReceived`, [INF]). Only the conclusion and the lab's reference cross the boundary; the
 * report itself, which may identify people, stays with evidence.
 */
export class LabResultReceivedV1 {
  static readonly type = 'evidence.LabResultReceived.v1';

  @IsUUID()
  itemId: string;

  @IsOptional()
  @IsUUID()
  investigationId?: string;

  @IsString()
  @Length(1, 100)
  laboratory: string;

  /** The lab's own reference of the report. */
  @IsString()
  @Length(1, 64)
  labReference: string;

  @IsIn(ANALYSES)
  analysis: (typeof ANALYSES)[number];

  @IsIn(CONCLUSIONS)
  conclusion: (typeof CONCLUSIONS)[number];

  @IsRFC3339()
  receivedAt: string;
}

export const labResultReceivedV1Fixture: LabResultReceivedV1 = {
  itemId: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b',
  investigationId: 'c3a1f0e2-4b5d-4e6f-9a7b-8c9d0e1f2a3b',
  laboratory: 'FPL/LTWP',
  labReference: 'LTWP-25-11873',
  analysis: 'fingerprints',
  conclusion: 'hit',
  receivedAt: '2025-04-10T13:45:00+02:00',
};
