import { FieldError, validateContract } from '@police/contracts';
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  describeError,
  EventStore,
  GlobalPosition,
  LeaseHolding,
  LeaseLostError,
  leaseName,
  Leases,
  LOCAL_LEASES,
  LoopFailure,
  RecordedEvent,
  START,
  Subscription,
} from '@police/event-store';
import type { CheckpointStore } from './checkpoints';
import type { OutgoingMessage, PublicMessage } from './message';
import type { MessageBus } from './message-bus';
import { publishTraced } from './tracing';

/** Events a relay reads per batch, unless told otherwise; each batch is one publish. */
export const DEFAULT_RELAY_BATCH_SIZE = 100;

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
  /** Events read per batch; each batch is one publish. Default {@link DEFAULT_RELAY_BATCH_SIZE}. */
  batchSize?: number;
  /** Back-off after a failure, doubling from `initialDelayMs` (default 500) to `maxDelayMs` (default 5000, {@link DEFAULT_BACKOFF}), with jitter. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Told of every failure before the relay backs off and tries again. Default: console.error. */
  onError?: (error: unknown) => void;
  /** Runs after the bus acknowledged a batch and before the checkpoint advances (a seam for crash tests). */
  afterPublish?: (messages: OutgoingMessage[]) => void | Promise<void>;
  /** Who runs the relay when several replicas share the store (lease `relay:<name>`). Default: this process. */
  leases?: Leases;
}

/** A running relay. */
export interface Relay {
  /** Stops after the batch in hand and waits for it. */
  stop(): Promise<void>;
  /**
   * Whether it runs without a failure (publishing, or waiting for the lease another replica holds),
   * whether this replica holds its lease, and the failure it retries (Kafka or the database away).
   */
  status(): { running: boolean; leased: boolean; failure?: LoopFailure };
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
 *
 * With `leases`, it publishes only while this replica holds the relay's lease, starting from the stored
 * checkpoint each time it gains it; a batch is published only while the lease is held, and its
 * checkpoint is stored only if the lease's fencing token is still current (in the same transaction).
 * A replica that lost the lease between the two has published a batch again, which the inboxes absorb.
 */
export async function startRelay(o: RelayOptions): Promise<Relay> {
  const policy = { initialMs: o.retry?.initialDelayMs ?? 500, maxMs: o.retry?.maxDelayMs ?? DEFAULT_BACKOFF.maxMs };
  const onError = o.onError ?? ((e: unknown) => console.error(`[relay ${o.name}]`, e));
  let stopped = false;
  let subscription: Subscription | undefined;
  let wakeUp: (() => void) | undefined;
  let restartFailure: LoopFailure | undefined;
  let holding: LeaseHolding | undefined;
  const leases = o.leases ?? LOCAL_LEASES;

  const handle = async (events: RecordedEvent[]): Promise<void> => {
    const lease = holding;
    if (!lease?.active) throw new LeaseLostError(lease?.name ?? leaseName('relay', o.name), lease?.token ?? '');
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
    await o.checkpoints.save(o.name, events[events.length - 1].position, (query) => leases.fence(query, lease));
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // Fails start-up when the checkpoints cannot be read; under a lease, read again once the lease is held.
  let from: GlobalPosition | undefined = (await o.checkpoints.load(o.name)) ?? START;
  if (o.leases) from = undefined;
  // A failed batch is retried by the subscription itself, from the position after the last published batch
  // (= the stored checkpoint); this loop starts a subscription again when one ends on an error, and
  // after the lease was lost and gained again.
  const running = (async () => {
    while (!stopped) {
      try {
        if (!holding?.active) {
          holding = undefined;
          const acquired = await Promise.race([
            leases.acquire(leaseName('relay', o.name)),
            new Promise<null>((resolve) => (wakeUp = () => resolve(null))),
          ]);
          if (!acquired || stopped) break;
          holding = acquired;
        }
        const held = holding;
        from ??= (await o.checkpoints.load(o.name)) ?? START;
        if (stopped) break;
        restartFailure = undefined;
        subscription = o.store.subscribeToAll(from, {
          handle,
          batchSize: o.batchSize ?? DEFAULT_RELAY_BATCH_SIZE,
          backoff: policy,
          onError: (e) => onError(e),
        });
        const lost = await Promise.race([subscription.done.then(() => false), held.ended.then(() => true)]);
        if (lost) {
          await subscription.stop();
          subscription = undefined;
        }
      } catch (e) {
        if (stopped) break;
        restartFailure = {
          error: describeError(e),
          since: restartFailure?.since ?? new Date(),
          attempts: (restartFailure?.attempts ?? 0) + 1,
        };
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
      const leased = !!subscription && !!holding?.active;
      return { running: !stopped && (!!subscription || !holding) && !failure, leased, ...(failure ? { failure } : {}) };
    },
  };
}
