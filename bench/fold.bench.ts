import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { InMemoryEventStore, loadState } from '@police/event-store';
import { foldEvents } from '@police/event-store/domain';
import type { InvestigationEvent } from '../services/investigations/src/domain/investigation.events';
import {
  evolveInvestigation,
  initialInvestigationState,
  InvestigationState,
} from '../services/investigations/src/domain/investigation.state';
import { BenchRow, round } from './bench-kit';
import { bigCaseEvents } from './scale-seed';

const META = { actor: '5415-0201', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'fold-bench', causationId: 'fold-bench' };

/** Folds measured per row, after as many that warm it (`BENCH_FOLD_RUNS`). */
const RUNS = Number(process.env.BENCH_FOLD_RUNS ?? 30);
/** The CPU a read of the big case may spend folding it, of the 50 ms its p95 may take. */
const TARGET_FOLD_MS = 5;

/** CPU (user + system) and wall time per call of `work`, over {@link RUNS} calls after as many warm-ups. */
async function measure(work: () => unknown): Promise<{ cpuMs: number; wallMs: number }> {
  for (let i = 0; i < RUNS; i++) await work();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) await work();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / RUNS, wallMs: wall / RUNS };
}

/**
 * Folding a long investigation (the scale suite's big case: 1,000 events, 40 parties, 479 tasks created
 * and completed), without a database: CPU per fold the way a load folds a stream (`foldEvents`), a whole
 * `loadState` on an in-memory store (its copy of the events included), and one event at a time through
 * `evolveInvestigation` (what a projection or a decider's own steps do; each step copies what it writes).
 * `BENCH_ONLY=fold`.
 */
export async function runFoldBench(): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const events = bigCaseEvents() as InvestigationEvent[];
  const store = new InMemoryEventStore();
  const stream = 'investigation-fold-bench';
  for (let i = 0; i < events.length; i += 50)
    await store.appendToStream(
      stream,
      events.slice(i, i + 50).map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: META })),
    );
  const tasks = events.filter((e) => e.type === 'TaskCreated').length;
  const parties = events.filter((e) => e.type === 'PartyLinked').length;
  const folded = await measure(() => foldEvents(evolveInvestigation, initialInvestigationState(), events));
  const stepwise = await measure(() => events.reduce(evolveInvestigation, initialInvestigationState()));
  const loaded = await measure(() =>
    loadState<InvestigationState, InvestigationEvent>(store, stream, {
      evolve: evolveInvestigation,
      initialState: initialInvestigationState,
    }),
  );
  const note = `${events.length} events, ${tasks} tasks, ${parties} parties; ${RUNS} runs`;
  const rows: BenchRow[] = [
    {
      metric: 'fold of 1,000 events, as a load folds them (CPU)',
      value: round(folded.cpuMs),
      unit: 'ms',
      target: `< ${TARGET_FOLD_MS} ms`,
      pass: folded.cpuMs < TARGET_FOLD_MS,
      note: `${note}; wall ${round(folded.wallMs)} ms`,
    },
    {
      metric: 'load of 1,000 events from an in-memory store (CPU)',
      value: round(loaded.cpuMs),
      unit: 'ms',
      note: `the store's copy of the events and the fold; wall ${round(loaded.wallMs)} ms`,
    },
    {
      metric: 'fold of 1,000 events, one evolve at a time (CPU)',
      value: round(stepwise.cpuMs),
      unit: 'ms',
      note: `${note}; wall ${round(stepwise.wallMs)} ms`,
    },
  ];
  return { rows, raw: { events: events.length, tasks, parties, runs: RUNS, folded, loaded, stepwise } };
}
