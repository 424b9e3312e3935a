import { ident } from '@police/event-store';
import type { ParkReason } from '@police/messaging';
import type { Metrics } from '@police/metrics';
import type { ServiceEventSourcing } from './event-sourcing';

/** Lags are counted up to this many events: beyond it, the figure says "at least". */
export const LAG_COUNT_LIMIT = 100_000;

const PARK_CODES: ParkReason['code'][] = ['invalid_envelope', 'unknown_type', 'invalid_payload', 'refused'];

/** The event store's append observer of a service: the duration of each append, by outcome. */
export function appendObserver(metrics: Metrics, service: string) {
  return (seconds: number, outcome: 'ok' | 'conflict' | 'error') => metrics.appendDuration.observe({ service, outcome }, seconds);
}

/**
 * Registers the scrape-time measurements of a service's event sourcing, read from its database and
 * its bus, so that every replica reports the same figures: each projection's and the relay's lag behind
 * the log (events after their checkpoint, and the age of the first of them), the messages parked per
 * reason, and the consumer group's lag per topic partition; and, of this replica alone, which units of
 * background work it holds the lease of. Returns the function that removes them.
 */
export function measureEventSourcing(metrics: Metrics, es: ServiceEventSourcing): () => void {
  const { service, schema, pool, bus } = es.runtime;
  const s = ident(schema);
  const { projections, relay, consumer } = es.measured();
  const removers: (() => void)[] = [];

  removers.push(
    metrics.addCollector(`${service}:lag`, async () => {
      const { rows } = await pool.query<{ kind: 'projection' | 'relay'; name: string; events: string; seconds: number | null }>(
        `WITH checkpoints AS (
           SELECT 'projection' AS kind, n.name, coalesce(c.commit_position, -1) AS commit_position, coalesce(c.prepare_position, -1) AS prepare_position
             FROM unnest($1::text[]) AS n(name) LEFT JOIN ${s}.projection_checkpoints c ON c.name = n.name
           UNION ALL
           SELECT 'relay', n.name, coalesce(c.commit_position, -1), coalesce(c.prepare_position, -1)
             FROM unnest($2::text[]) AS n(name) LEFT JOIN ${s}.relay_checkpoints c ON c.name = n.name
         )
         SELECT c.kind, c.name,
                (SELECT count(*) FROM (SELECT 1 FROM ${s}.events e
                   WHERE (e.transaction_id, e.position) > (greatest(c.commit_position, 0)::text::xid8, c.prepare_position) LIMIT ${LAG_COUNT_LIMIT}) AS behind) AS events,
                (SELECT extract(epoch FROM now() - e.recorded_at)::float8 FROM ${s}.events e
                   WHERE (e.transaction_id, e.position) > (greatest(c.commit_position, 0)::text::xid8, c.prepare_position)
                   ORDER BY e.transaction_id, e.position LIMIT 1) AS seconds
           FROM checkpoints c`,
        [projections, relay ? [relay] : []],
      );
      for (const r of rows) {
        const seconds = Math.max(0, r.seconds ?? 0);
        if (r.kind === 'projection') {
          metrics.projectionLagEvents.set({ service, projection: r.name }, Number(r.events));
          metrics.projectionLagSeconds.set({ service, projection: r.name }, seconds);
        } else {
          metrics.relayLagEvents.set({ service, relay: r.name }, Number(r.events));
          metrics.relayLagSeconds.set({ service, relay: r.name }, seconds);
        }
      }
    }),
  );

  removers.push(
    metrics.addCollector(`${service}:parked`, async () => {
      const { rows } = await pool.query<{ code: string; n: string }>(`SELECT reason->>'code' AS code, count(*) AS n FROM ${s}.parked_messages GROUP BY 1`);
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
        for (const p of await lag(consumer.groupId, consumer.topics)) metrics.consumerLag.set({ service, topic: p.topic, partition: String(p.partition) }, p.lag);
      }),
    );
  }
  return () => removers.forEach((remove) => remove());
}
