import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { EvidenceModule } from '@police/evidence';
import { InProcessMessageBus } from '@police/messaging';
import { configureHttpApp, ServiceRuntime } from '@police/platform';
import { SecurityModule } from '@police/security';
import { benchDatabase, BenchRow, percentile, round } from './bench-kit';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_EVIDENCE_CLIENTS ?? 8);

/**
 * Two-party handovers over HTTP with authentication, as the evidence desk would drive them: the
 * custodian offers (with If-Match), the recipient accepts; every request goes through the token check,
 * the access decision, the command handler and the event store, with the read models and relay running.
 */
export async function runEvidenceBench(baseUrl: string): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const db = await benchDatabase(baseUrl, 'bench_ev');
  let app: INestApplication | undefined;
  const bus = new InProcessMessageBus();
  try {
    const pool = db.pool(12);
    const runtime: ServiceRuntime = { service: 'evidence', mode: 'production', schema: 'evidence', pool, sharedPool: true, notifications: true, bus };
    @Module({
      imports: [
        SecurityModule.forRoot({ mode: 'embedded', pool, notifications: true, auditPath: 'audit', authentication: { kind: 'dev' }, logLevel: 'silent', rateLimits: { auth: { limit: 10_000, windowMs: 60_000 } } }),
        EvidenceModule.register(runtime),
        RouterModule.register([{ path: 'evidence', module: EvidenceModule }]),
      ],
    })
    class BenchHost {}
    app = await NestFactory.create(BenchHost, { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    const url = `${await app.getUrl()}/api`;
    const token = async (username: string) =>
      ((await (await fetch(`${url}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) })).json()) as { access_token: string }).access_token;
    const detective = await token('pieter.janssens');
    const desk = await token('marc.goossens');
    const post = async (tok: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const json = (await res.json()) as { id?: string; handoverId?: string; version?: number };
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const register = (n: number) =>
      post(detective, '/evidence/items', {
        pvNumber: `GE.55.L5.${String(n).padStart(6, '0')}/2026`, description: 'Bench item', category: 'other', quantity: { amount: 1, unit: 'piece' }, sealNumber: `B-${n}`,
        packaging: 'zak', condition: 'goed', seizedBy: '5415-0201', seizedAt: '2026-11-20T09:00:00Z', seizedPlace: 'Gent', legalBasis: 'art. 35 Sv.',
      });

    const pairs: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const item = await register(n++);
          const t0 = performance.now();
          const offered = await post(detective, `/evidence/items/${item.id}/handovers`, { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true }, { 'If-Match': '"0"' });
          await post(desk, `/evidence/items/${item.id}/handovers/${offered.handoverId}/accept`, { sealNumberFound: `B-${n}`, sealIntact: true, condition: 'goed', place: 'APG' });
          pairs.push(performance.now() - t0);
        }
      }),
    );
    pairs.sort((a, b) => a - b);
    // Registrations run in the same loop, so pairs per second is measured on the handover time only.
    const handoverSeconds = pairs.reduce((a, b) => a + b, 0) / 1000 / CONCURRENCY;
    const raw = { concurrency: CONCURRENCY, pairs: pairs.length, pairsPerSecond: pairs.length / handoverSeconds, p50: percentile(pairs, 50), p99: percentile(pairs, 99) };
    return {
      raw,
      rows: [
        { metric: `handover offer+accept over HTTP, ${CONCURRENCY} clients`, value: round(raw.pairsPerSecond, 0), unit: 'pairs/s', note: `${pairs.length} pairs, each 2 authenticated requests` },
        { metric: 'handover offer+accept latency p50', value: round(raw.p50), unit: 'ms' },
        { metric: 'handover offer+accept latency p99', value: round(raw.p99), unit: 'ms' },
      ],
    };
  } finally {
    await app?.close();
    await bus.close();
    await db.drop();
  }
}
