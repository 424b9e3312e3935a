import { ACTION_EVENT_KIND, InvestigationEvent } from './investigation.events';
import { opened, PARKET } from './investigation.fixtures.spec';
import { evolveInvestigation, initialInvestigationState, InvestigationState } from './investigation.state';

/** A small seeded generator, so that a failing sequence is found again by its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const ACTIONS = Object.keys(ACTION_EVENT_KIND) as (keyof typeof ACTION_EVENT_KIND)[];

/**
 * A random stream of an investigation: every kind of event the state folds, on few ids (so tasks are completed
 * twice or never created, parties unlinked before they are linked), sometimes events before the opening, closing
 * and reopening in between. The events carry the fields the fold reads, not every field their type declares.
 */
function randomStream(seed: number, length: number): InvestigationEvent[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const id = () => String(Math.floor(rnd() * 6));
  let minute = 0;
  const event = (type: string, data: object): InvestigationEvent =>
    ({
      type,
      data: {
        investigationId: opened.data.investigationId,
        recordedBy: 'staff-2290',
        recordedAt: `2025-03-16T10:${String(minute++ % 60).padStart(2, '0')}:00.000Z`,
        ...data,
      },
    }) as unknown as InvestigationEvent;
  const makers: (() => InvestigationEvent)[] = [
    () =>
      event('DirectingAuthorityRecorded', { directingAuthority: PARKET, kind: pick(['opsporingsonderzoek', 'gerechtelijk_onderzoek']) }),
    () => event('InvestigationAssignedToTeam', { team: pick(['Team Diefstallen', 'Team Zeden']), routedBy: 'manual' }),
    () => event('LeadInvestigatorAssigned', { leadInvestigator: `staff-${id()}` }),
    () => event('TeamMemberAdded', { staffId: `staff-${id()}` }),
    () => event('TeamMemberRemoved', { staffId: `staff-${id()}` }),
    () =>
      event('PartyLinked', {
        partyLinkId: `pl-${id()}`,
        personId: `p-${id()}`,
        displayName: 'X',
        role: 'witness',
        identified: false,
        traced: false,
      }),
    () => event('PartyUnlinked', { partyLinkId: `pl-${id()}` }),
    () => event('PersonIdentified', { partyLinkId: `pl-${id()}`, personId: `p-${id()}` }),
    () => event('PersonTraced', { partyLinkId: `pl-${id()}` }),
    () => event(pick(ACTIONS), { actionId: `a-${id()}` }),
    () => event('TaskCreated', { taskId: `t-${id()}`, title: 'Buurtonderzoek', assignee: 'staff-2290', dueDate: '2025-03-20' }),
    () => event('TaskCompleted', { taskId: `t-${id()}` }),
    () => event('ParketTaskReceived', { parketTaskId: `k-${id()}`, from: PARKET, description: 'Verhoor', deadline: '2025-04-01' }),
    () => event('ParketTaskDistributed', { parketTaskId: `k-${id()}`, assignee: `staff-${id()}` }),
    () => event('ParketTaskCompleted', { parketTaskId: `k-${id()}` }),
    () => event('ReportJoined', { reportId: `r-${id()}` }),
    () => event('EvidenceLinked', { itemId: `i-${id()}` }),
    () => event('LabResultLinked', { itemId: `i-${id()}`, labReference: `L-${id()}` }),
    () => event('SeriesLinkAdded', { otherInvestigationId: `o-${id()}` }),
    () => event('SeriesLinkRemoved', { otherInvestigationId: `o-${id()}` }),
    () => event('InvestigationReportedToMagistrate', { to: PARKET, reportPvNumber: `PV-${id()}` }),
    () => event('InvestigationClosed', { outcome: 'no_further_action' }),
    () => event('InvestigationReopened', {}),
    () => opened,
  ];
  const events: InvestigationEvent[] = [];
  if (rnd() < 0.8) events.push(opened);
  while (events.length < length) events.push(pick(makers)());
  return events;
}

describe('folding an investigation', () => {
  it('gives what one evolve after another gives, on random streams, and writes none of the states or events it is given', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const events = deepFreeze(randomStream(seed, 1 + (seed % 90)));
      const start = deepFreeze(initialInvestigationState());
      let stepped: InvestigationState = start;
      for (const e of events) stepped = evolveInvestigation(deepFreeze(stepped), e);
      const folded = evolveInvestigation.fold(start, events);
      expect(folded).toStrictEqual(stepped);
      expect(JSON.stringify(folded)).toBe(JSON.stringify(stepped));

      // A fold that starts half-way (a snapshot's state, a command's loaded state) leaves that state as it was.
      const half = Math.floor(events.length / 2);
      const middle = deepFreeze(evolveInvestigation.fold(start, events.slice(0, half)));
      const kept = structuredClone(middle);
      expect(evolveInvestigation.fold(middle, events.slice(half))).toStrictEqual(stepped);
      expect(middle).toStrictEqual(kept);
    }
  });

  it('folds the tasks of a long case once: completing one task leaves the state it was given untouched', () => {
    const events: InvestigationEvent[] = [opened];
    for (let k = 0; k < 300; k++) {
      const data = { ...opened.data, taskId: `task-${k}`, title: `Ronde ${k}`, assignee: 'staff-2290', dueDate: '2025-04-01' };
      events.push(
        { type: 'TaskCreated', data } as InvestigationEvent,
        { type: 'TaskCompleted', data: { ...data, late: false } } as InvestigationEvent,
      );
    }
    const folded = evolveInvestigation.fold(initialInvestigationState(), events);
    if (folded.status !== 'open') throw new Error('expected an open investigation');
    expect(Object.values(folded.tasks).map((t) => t.status)).toEqual(Array(300).fill('done'));
    const before = structuredClone(folded);
    const more = evolveInvestigation(folded, {
      type: 'TaskCreated',
      data: { ...events[1].data, taskId: 'task-new' },
    } as InvestigationEvent);
    expect(folded).toStrictEqual(before);
    expect(more.status === 'open' && Object.keys(more.tasks)).toHaveLength(301);
  });
});
