import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { Controller, Get, Inject, INestApplication, Logger, Module, Param, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Request } from 'express';
import type { Pool } from 'pg';
import { configureHttpApp, ProblemException } from '@police/platform';
import {
  AccessControl,
  Allow,
  Consults,
  CurrentPrincipal,
  Principal,
  ConsultationData,
  ConsultationLog,
  ProtectedResource,
  resourceNotFound,
  SecurityModule,
} from '@police/security';
import { benchDatabase, BenchRow, percentile, round } from './bench-kit';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = [1, 8, 32];
/** Added p99 a consultation record may cost a read (issue 19, item 3): 2 ms up to 8 clients, 3 ms at 32. */
const TARGET_MS: Record<number, number> = { 1: 2, 8: 2, 32: 3 };
const ITEMS = 1000;
const POOL = Symbol('BENCH_POOL');

interface ItemRow {
  id: string;
  label: string;
  team: string;
  custodian: string;
}

function resource(row: ItemRow): ProtectedResource {
  return { type: 'evidence_item', id: row.id, caseRef: `GE.55.L1.${row.id}`, teams: [row.team], assignees: [row.custodian] };
}

/**
 * The same protected read twice: a small row from PostgreSQL, through the global guard (token check)
 * and the access decision. `logged` writes the consultation record (`authorizeRead`); `unlogged` only
 * decides, so the difference is what consultation logging costs a read.
 */
@Controller('bench/items')
class BenchItemsController {
  constructor(
    @Inject(POOL) private readonly pool: Pool,
    private readonly access: AccessControl,
  ) {}

  private async load(id: string): Promise<ItemRow> {
    const { rows } = await this.pool.query<ItemRow>('SELECT id, label, team, custodian FROM bench.items WHERE id = $1', [id]);
    if (!rows[0]) throw resourceNotFound('evidence_item');
    return rows[0];
  }

  @Get('logged/:id')
  @Allow('detective')
  @Consults('evidence_item')
  async logged(@Param('id') id: string, @Req() req: Request): Promise<ItemRow> {
    const row = await this.load(id);
    await this.access.authorizeRead(req, resource(row));
    return row;
  }

  @Get('unlogged/:id')
  @Allow('detective')
  async unlogged(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ItemRow> {
    const row = await this.load(id);
    if (!this.access.decide(principal, resource(row), 'read').granted)
      throw new ProblemException({ type: 'about:blank', title: 'Forbidden', status: 403 });
    return row;
  }
}

async function load(url: string, token: string, route: 'logged' | 'unlogged', clients: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      let n = w;
      while (performance.now() < deadline) {
        const id = `item-${(n++ * 7919) % ITEMS}`;
        const t0 = performance.now();
        const res = await fetch(`${url}/api/bench/items/${route}/${id}`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        const dt = performance.now() - t0;
        if (res.status !== 200) throw new Error(`${route} ${id}: HTTP ${res.status}`);
        latencies.push(dt);
      }
    }),
  );
  return latencies;
}

function consultation(i: number): ConsultationData {
  return {
    at: new Date().toISOString(),
    actor: { staffId: '5415-0201', username: 'pieter.janssens', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' },
    subject: { type: 'evidence_item', ids: [`item-${i % ITEMS}`] },
    kind: 'record',
    outcome: 'granted',
    reason: 'assigned',
    breakGlass: false,
    endpoint: { method: 'GET', route: '/api/bench/items/logged/:id' },
    correlationId: `bench-${i}`,
  };
}

/**
 * The consultation log alone, without HTTP: `writers` loops each recording one consultation after another;
 * each record's wait (its queue, its transaction, its commit) is what a logged read adds.
 */
async function recordLoad(log: ConsultationLog, writers: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await log.record(consultation(n++));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

/** p50/p99 of a protected read over HTTP, with and without its consultation record, on real PostgreSQL. */
export async function runSecurityBench(baseUrl: string): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const db = await benchDatabase(baseUrl, 'bench_sec');
  const rows: BenchRow[] = [];
  const raw: Record<string, unknown> = {};
  let app: INestApplication | undefined;
  try {
    const pool = db.pool(10);
    await pool.query(
      'CREATE SCHEMA bench; CREATE TABLE bench.items (id text PRIMARY KEY, label text NOT NULL, team text NOT NULL, custodian text NOT NULL)',
    );
    await pool.query(
      // Half the reader's by assignment (custodian), half by team.
      `INSERT INTO bench.items SELECT 'item-' || g, 'PACOS-' || lpad(g::text, 6, '0'), 'Diefstallen', CASE WHEN g % 2 = 0 THEN '5415-0201' ELSE '5415-0301' END FROM generate_series(0, $1 - 1) g`,
      [ITEMS],
    );

    @Module({
      imports: [
        SecurityModule.forRoot({
          mode: 'embedded',
          pool,
          auditPath: 'audit',
          authentication: { kind: 'dev' },
          logLevel: 'silent',
          rateLimits: { auth: { limit: 1000, windowMs: 60_000 } },
        }),
      ],
      controllers: [BenchItemsController],
      providers: [{ provide: POOL, useValue: pool }],
    })
    class BenchModule {}

    app = await NestFactory.create(BenchModule, { logger: false });
    Logger.overrideLogger(false);
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const tokenRes = await fetch(`${url}/api/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'pieter.janssens' }),
    });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;

    for (const clients of CLIENTS) {
      await load(url, token, 'unlogged', clients, 1);
      await load(url, token, 'logged', clients, 1);
      // Interleaved halves, so that drift (autovacuum, the projector catching up) hits both sides alike.
      const off: number[] = [];
      const on: number[] = [];
      for (let i = 0; i < 2; i++) {
        off.push(...(await load(url, token, 'unlogged', clients, SECONDS / 4)));
        on.push(...(await load(url, token, 'logged', clients, SECONDS / 4)));
      }
      off.sort((a, b) => a - b);
      on.sort((a, b) => a - b);
      const stat = (xs: number[]) => ({
        n: xs.length,
        p50: round(percentile(xs, 50)),
        p99: round(percentile(xs, 99)),
        rps: round(xs.length / (SECONDS / 2), 0),
      });
      const a = stat(off);
      const b = stat(on);
      const added = round(b.p99 - a.p99);
      raw[`clients${clients}`] = { withoutLog: a, withLog: b, addedP99: added, addedP50: round(b.p50 - a.p50) };
      rows.push({
        metric: `protected read, no consultation log, ${clients} client(s)`,
        value: a.p99,
        unit: 'ms p99',
        note: `p50 ${a.p50} ms, ${a.rps} reads/s`,
      });
      rows.push({
        metric: `protected read, consultation logged, ${clients} client(s)`,
        value: b.p99,
        unit: 'ms p99',
        note: `p50 ${b.p50} ms, ${b.rps} reads/s`,
      });
      rows.push({
        metric: `consultation log cost, ${clients} client(s)`,
        value: added,
        unit: 'ms p99',
        target: `< ${TARGET_MS[clients]} ms added at p99`,
        pass: added < TARGET_MS[clients],
        note: `p50 +${round(b.p50 - a.p50)} ms`,
      });
    }
    // The log's own wait per record, on a pool of its own (what a logged read waits for, without HTTP and the item
    // read): one lane (the single day chain before ADR 0057) against the default lanes, in alternating slices of
    // the same run so that the machine's load hits both alike. (On a build without lanes the option is ignored:
    // both sides are the same log, and their difference is the noise.)
    const oneLane = { pool: db.pool(10), lanes: 1 };
    const logs = { one: new ConsultationLog(oneLane), lanes: new ConsultationLog({ pool: db.pool(10) }) };
    await logs.one.start();
    await logs.lanes.start();
    try {
      for (const writers of CLIENTS) {
        await recordLoad(logs.one, writers, 1);
        await recordLoad(logs.lanes, writers, 1);
        const one: number[] = [];
        const lanes: number[] = [];
        const slices = 10;
        for (let i = 0; i < slices; i++) {
          one.push(...(await recordLoad(logs.one, writers, SECONDS / 2 / slices)));
          lanes.push(...(await recordLoad(logs.lanes, writers, SECONDS / 2 / slices)));
        }
        const stat = (xs: number[]) => {
          xs.sort((x, y) => x - y);
          return { n: xs.length, p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)), rps: round(xs.length / (SECONDS / 2), 0) };
        };
        const a = stat(one);
        const b = stat(lanes);
        raw[`record${writers}`] = { oneLane: a, lanes: b };
        rows.push({
          metric: `consultation record alone, one lane, ${writers} writer(s)`,
          value: a.p99,
          unit: 'ms p99',
          note: `p50 ${a.p50} ms, ${a.rps} records/s`,
        });
        rows.push({
          metric: `consultation record alone, lanes, ${writers} writer(s)`,
          value: b.p99,
          unit: 'ms p99',
          note: `p50 ${b.p50} ms, ${b.rps} records/s; ${round(b.p99 - a.p99)} ms p99 against one lane`,
        });
      }
    } finally {
      await logs.one.stop();
      await logs.lanes.stop();
    }
    const { rows: counted } = await pool.query<{ stream_id: string; n: string }>(
      'SELECT stream_id, count(*) AS n FROM audit.events GROUP BY stream_id ORDER BY stream_id',
    );
    raw.auditRecords = counted.reduce((n, r) => n + Number(r.n), 0);
    // How the records spread over the day's chains (one before ADR 0057, lanes after).
    raw.auditStreams = Object.fromEntries(counted.map((r) => [r.stream_id, Number(r.n)]));
  } finally {
    await app?.close();
    await db.drop();
  }
  return { rows, raw };
}
