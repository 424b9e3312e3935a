import { pvQueueStages } from './pv-queue.query';

describe('what a PV waits for in GAK’s queue', () => {
  const at = '2025-03-17T10:00:00.000Z';
  it.each([
    ['a draft (not in the queue)', { status: 'draft', transmittedAt: null, fedToAngAt: null }, []],
    ['a submitted PV: the quality check', { status: 'submitted', transmittedAt: null, fedToAngAt: null }, ['quality_check']],
    ['a rejected PV: its author’s correction', { status: 'rejected', transmittedAt: null, fedToAngAt: null }, ['correction']],
    ['an approved PV: its number', { status: 'approved', transmittedAt: null, fedToAngAt: null }, ['finalisation']],
    [
      'a finalised PV: transmission and the ANG feed, in either order',
      { status: 'finalised', transmittedAt: null, fedToAngAt: null },
      ['transmission', 'ang_feed'],
    ],
    ['a finalised PV fed to the ANG: transmission', { status: 'finalised', transmittedAt: null, fedToAngAt: at }, ['transmission']],
    ['a transmitted PV: the ANG feed', { status: 'finalised', transmittedAt: at, fedToAngAt: null }, ['ang_feed']],
    ['a transmitted PV fed to the ANG: nothing left', { status: 'finalised', transmittedAt: at, fedToAngAt: at }, ['completed']],
  ] as const)('%s', (_name, pv, stages) => {
    expect(pvQueueStages(pv)).toEqual(stages);
  });
});
