import { ident } from '@police/event-store';
import type { ParkReason } from '@police/messaging';
import type { Metrics } from '@police/metrics';
import type { ServiceEventSourcing } from './event-sourcing';
import { checkpointLags } from './checkpoint-lag';

const PARK_CODES: ParkReason['code'][] = ['invalid_envelope', 'unknown_type', 'invalid_payload', 'refused'];

/** The event store's append observer of a service: the duration of each append, by outcome. */
export function appendObserver(metrics: Metrics, service: string) {
  return (seconds: number, outcome: 'ok' | 'conflict' | 'error') => metrics.appendDuration.observe({ service, outcome }, seconds);
}

/**
 * Registers the scrape-time measurements of a service's event sourcing, read from its database and
 * its bus, so that every replica reports the same figures: each projection's and the relay's lag behind
 * the log (events after their checkpoint, and the age of the first of them), the messages waiting in
 * the parked table per reason (not those replayed or discarded since), and the consumer group's lag per
 * topic partition; and, of this replica alone, which units of background work it holds the lease of.
 * Returns the function that removes them.
 */
export function measureEventSourcing(metrics: Metrics, es: ServiceEventSourcing): () => void {
  const { service, schema, pool, bus } = es.runtime;
  const s = ident(schema);
  const { projections, relay, consumer } = es.measured();
  const removers: (() => void)[] = [];

  removers.push(
    metrics.addCollector(`${service}:lag`, async () => {
      const rows = await checkpointLags(pool, schema, { projections, relays: relay ? [relay] : [] });
      for (const r of rows) {
        if (r.kind === 'projection') {
          metrics.projectionLagEvents.set({ service, projection: r.name }, r.events);
          metrics.projectionLagSeconds.set({ service, projection: r.name }, r.seconds);
        } else {
          metrics.relayLagEvents.set({ service, relay: r.name }, r.events);
          metrics.relayLagSeconds.set({ service, relay: r.name }, r.seconds);
        }
      }
    }),
  );

  removers.push(
    metrics.addCollector(`${service}:parked`, async () => {
      const { rows } = await pool.query<{ code: string; n: string }>(
        `SELECT reason->>'code' AS code, count(*) AS n FROM ${s}.parked_messages WHERE status = 'parked' GROUP BY 1`,
      );
      const counts = new Map<string, number>(PARK_CODES.map((c) => [c, 0]));
      for (const r of rows) counts.set(r.code ?? 'unknown', Number(r.n));
      for (const [reason, n] of counts) metrics.parkedMessages.set({ service, reason }, n);
    }),
  );

  removers.push(
    metrics.addCollector(`${service}:leases`, async () => {
      for (const { work, held } of es.leased()) metrics.leaseHeld.set({ service, work }, held ? 1 : 0);
    }),
  );

  if (consumer && bus.lag) {
    const lag = bus.lag.bind(bus);
    removers.push(
      metrics.addCollector(`${service}:consumer`, async () => {
        for (const p of await lag(consumer.groupId, consumer.topics))
          metrics.consumerLag.set({ service, topic: p.topic, partition: String(p.partition) }, p.lag);
      }),
    );
  }
  return () => removers.forEach((remove) => remove());
}
