import { PvStatus } from './pv.state';

/**
 * What a PV waits for, once its author submitted it: GAK's quality check, the author's correction
 * after a rejection, GAK's finalisation under a number, then transmission (parket or city) and the ANG
 * feed, in either order (domain §1.1.4: their order is not given). `completed` when nothing is left.
 */
export type PvQueueStage = 'quality_check' | 'correction' | 'finalisation' | 'transmission' | 'ang_feed' | 'completed';

export const PV_QUEUE_STAGES: readonly PvQueueStage[] = [
  'quality_check',
  'correction',
  'finalisation',
  'transmission',
  'ang_feed',
  'completed',
];

/** The stages a PV is in now (a finalised PV may wait for transmission and the ANG feed at once); none for a draft. */
export function pvQueueStages(pv: { status: PvStatus; transmittedAt: string | null; fedToAngAt: string | null }): PvQueueStage[] {
  switch (pv.status) {
    case 'draft':
      return [];
    case 'submitted':
      return ['quality_check'];
    case 'rejected':
      return ['correction'];
    case 'approved':
      return ['finalisation'];
    case 'finalised': {
      const left: PvQueueStage[] = [
        ...(pv.transmittedAt === null ? (['transmission'] as const) : []),
        ...(pv.fedToAngAt === null ? (['ang_feed'] as const) : []),
      ];
      return left.length > 0 ? left : ['completed'];
    }
  }
}
