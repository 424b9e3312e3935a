import { FieldError, validateContract } from '@police/contracts';
import { backoffDelay, describeError, EventStore, GlobalPosition, LoopFailure, RecordedEvent, START, Subscription } from '@police/event-store';
import type { CheckpointStore } from './checkpoints';
import type { OutgoingMessage, PublicMessage } from './message';
import type { MessageBus } from './message-bus';
import { publishTraced } from './tracing';

/** One relay: a store's log to one topic, through one producer's mapping. */
export interface RelayOptions {
  store: EventStore;
  checkpoints: CheckpointStore;
  /** The checkpoint's name; one per relay (e.g. `evidence.public.v1`). */
  name: string;
  /** The service's public topic (e.g. `evidence.public.v1`). */
  topic: string;
  /** The producer's private → public mapping; null keeps the event private. */
  map: (event: RecordedEvent) => PublicMessage | null;
  bus: MessageBus;
  /** Events read per batch; each batch is one publish. Default 100. */
  batchSize?: number;
  /** Back-off after a failure, doubling from `initialDelayMs` (default 500) to `maxDelayMs` (default 30 000), with jitter. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Told of every failure before the relay backs off and tries again. Default: console.error. */
  onError?: (error: unknown) => void;
  /** Runs after the bus acknowledged a batch and before the checkpoint advances (a seam for crash tests). */
  afterPublish?: (messages: OutgoingMessage[]) => void | Promise<void>;
}

/** A running relay. */
export interface Relay {
  /** Stops after the batch in hand and waits for it. */
  stop(): Promise<void>;
  /** Whether it runs without a failure, and the failure it retries (Kafka or the database away). */
  status(): { running: boolean; failure?: LoopFailure };
}

/** A mapped message that is not a valid public contract: the relay refuses to publish it. */
export class ContractViolationError extends Error {
  constructor(
    readonly eventId: string,
    readonly type: string,
    readonly errors: FieldError[],
  ) {
    super(`Event ${eventId} maps to an invalid ${type}: ${errors.map((e) => `${e.field}: ${e.detail}`).join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

/**
 * The store → bus relay: the event store is the outbox (docs/architecture.md, rule 5).
 *
 * Reads the store's global log after the stored checkpoint, maps each event with `map`, publishes the
 * public ones of a batch to `topic`, and only once the bus has acknowledged them stores the position of
 * the batch's last event (private events included) as the new checkpoint.
 *
 * Guarantees: every public event is published at least once, in log order; a crash between publish and
 * checkpoint publishes the batch again (consumers dedupe on the message id = event id). A mapped payload
 * that is not a valid contract is never published ({@link ContractViolationError}). On any failure the
 * relay reports it to `onError`, backs off, and resumes from the stored checkpoint; it never gives up.
 * Resolves once the first checkpoint was read, so a relay that cannot reach its checkpoints fails to start.
 */
export async function startRelay(o: RelayOptions): Promise<Relay> {
  const policy = { initialMs: o.retry?.initialDelayMs ?? 500, maxMs: o.retry?.maxDelayMs ?? 30_000 };
  const onError = o.onError ?? ((e: unknown) => console.error(`[relay ${o.name}]`, e));
  let stopped = false;
  let subscription: Subscription | undefined;
  let wakeUp: (() => void) | undefined;
  let restartFailure: LoopFailure | undefined;

  const handle = async (events: RecordedEvent[]): Promise<void> => {
    const messages: OutgoingMessage[] = [];
    for (const event of events) {
      const mapped = o.map(event);
      if (!mapped) continue;
      const checked = await validateContract(mapped.type, mapped.payload);
      if (!checked.ok) throw new ContractViolationError(event.id, mapped.type, checked.errors);
      messages.push({ ...mapped, topic: o.topic });
    }
    if (messages.length > 0) await publishTraced(o.bus, messages);
    await o.afterPublish?.(messages);
    await o.checkpoints.save(o.name, events[events.length - 1].position);
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  let from: GlobalPosition | undefined = (await o.checkpoints.load(o.name)) ?? START;
  // A failed batch is retried by the subscription itself, from the position after the last published batch
  // (= the stored checkpoint); this loop only starts a subscription again when one ends on an error.
  const running = (async () => {
    while (!stopped) {
      try {
        from ??= (await o.checkpoints.load(o.name)) ?? START;
        if (stopped) break;
        restartFailure = undefined;
        subscription = o.store.subscribeToAll(from, { handle, batchSize: o.batchSize ?? 100, backoff: policy, onError: (e) => onError(e) });
        await subscription.done;
      } catch (e) {
        if (stopped) break;
        restartFailure = { error: describeError(e), since: restartFailure?.since ?? new Date(), attempts: (restartFailure?.attempts ?? 0) + 1 };
        onError(e);
        await pause(backoffDelay(restartFailure.attempts, policy));
      }
      from = undefined;
    }
  })();

  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      await subscription?.stop();
      await running;
    },
    status() {
      const failure = restartFailure ?? subscription?.failure;
      return { running: !stopped && !!subscription && !failure, ...(failure ? { failure } : {}) };
    },
  };
}
