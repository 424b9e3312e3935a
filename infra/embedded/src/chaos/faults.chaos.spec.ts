// The fault-injection suite (`npm run chaos`; scripts/chaos.mjs gives it PostgreSQL and Kafka of its own and
// stops them): the four production mains, two replicas each, under a workload with cross-service effects,
// through rounds of faults. After each round: every acknowledged command has its effect in every service it
// reaches and nothing has two, nothing is parked, every hash chain verifies, every read model is at its log,
// all within 30 s of the fault's end; no replica exits unless the suite killed it, and every one it killed
// is ready again. `CHAOS_FORM=long` (`npm run chaos -- --long`) runs every round with more load.
import type { Pool } from 'pg';
import { Pool as PgPool } from 'pg';
import { eventually } from '@police/testing';
import { compile, ServiceName, SERVICES } from '../production-services.testing';
import { Cluster, infra, label, Replica, serversFromEnv } from './cluster.testing';
import { brokenChains, effects, LoadStats, offLog, parked, UnitKind, Workload } from './workload.testing';

const LONG = process.env.CHAOS_FORM === 'long';
/** The steady load: clients, each at most PER_SECOND units (a unit is one to two commands) a second. */
const WORKERS = LONG ? 3 : 2;
const PER_SECOND = 3;
/** Recovery bound: every effect of every acknowledged command within this of the fault's end. */
const RECOVERY_MS = 30_000;
const OPS = { staffId: '5415-0901', roles: ['ops'], teams: ['ICT'], unit: 'ICT' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Progress as it happens (Jest prints a test file's results only at its end). */
const progress = (m: string) => process.stderr.write(`[chaos] ${new Date().toISOString().slice(11, 19)} ${m}\n`);

interface Row {
  round: string;
  acknowledged: number;
  lost: number;
  duplicated: number;
  parked: number;
  firstWriteMs?: number;
  allEffectsMs?: number;
  ok: boolean;
}

interface Round {
  name: string;
  long?: boolean;
  /** `burst`: the clients send as fast as they are answered, not at the steady rate. */
  load?: { kinds?: UnitKind[]; sameCase?: boolean; workers?: number; burst?: boolean };
  /** Injects the fault and ends it; resolves when it has ended (what recovery is measured from). */
  fault(): Promise<void>;
}

describe(`chaos: the four production mains, two replicas each, through faults (${LONG ? 'long' : 'short'} form)`, () => {
  const servers = serversFromEnv();
  const cluster = new Cluster(servers);
  let sql: Pool;
  let workload: Workload;
  const rows: Row[] = [];
  const anyLease = async (service: ServiceName): Promise<Replica> => {
    const { rows: leases } = await sql.query<{ name: string }>(
      `SELECT name FROM ${service}.leases WHERE expires_at > now() ORDER BY name LIMIT 1`,
    );
    return cluster.leaseHolder(sql, service, leases[0]?.name ?? 'none');
  };

  const rounds: Round[] = [
    {
      name: 'kill -9 of the lease holder of every service',
      fault: async () => {
        const holders = await Promise.all(SERVICES.map((s) => anyLease(s)));
        await Promise.all(holders.map((r) => cluster.kill(r)));
      },
    },
    {
      name: 'kill -9 of every replica in turn',
      long: true,
      fault: async () => {
        for (const r of cluster.replicas) {
          await cluster.kill(r);
          await cluster.allReady(60_000);
        }
      },
    },
    {
      name: 'PostgreSQL restart (immediate), a replica started while it is down',
      fault: async () => {
        await infra('down', '--only=pg', '--mode=immediate');
        await cluster.kill(cluster.replica('reports', 2));
        await sleep(6000);
        await infra('up', '--only=pg');
      },
    },
    {
      name: 'PostgreSQL restart (fast)',
      long: true,
      fault: async () => {
        await infra('down', '--only=pg', '--mode=fast');
        await sleep(4000);
        await infra('up', '--only=pg');
      },
    },
    {
      name: 'Kafka killed (kill -9) and restarted',
      fault: async () => {
        await infra('down', '--only=kafka', '--mode=immediate');
        await sleep(4000);
        await infra('up', '--only=kafka');
      },
    },
    {
      name: `network cut between ${Cluster.CUT.service}#${Cluster.CUT.index} and Kafka`,
      fault: async () => {
        await cluster.kafkaProxy.cut();
        await sleep(LONG ? 20_000 : 12_000);
        await cluster.kafkaProxy.restore();
      },
    },
    {
      name: 'kill -9 of the lease holders during a burst of writes to one case',
      long: true,
      load: { kinds: ['evidence'], sameCase: true, workers: LONG ? 6 : 4, burst: true },
      fault: async () => {
        await sleep(1500);
        await Promise.all([anyLease('investigations'), anyLease('evidence')].map(async (r) => cluster.kill(await r)));
        await sleep(3000);
      },
    },
    {
      name: 'slow database (every packet to and from PostgreSQL held 150 ms)',
      long: true,
      fault: async () => {
        cluster.pgProxy.delay(150);
        await sleep(12_000);
        cluster.pgProxy.delay(0);
      },
    },
  ];

  beforeAll(async () => {
    sql = new PgPool({ connectionString: servers.databaseUrl, max: 3 });
    sql.on('error', () => undefined);
    compile();
    const t0 = Date.now();
    await cluster.start();
    progress(`8 replicas ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    workload = new Workload(cluster, sql);
    await workload.seedInvestigations(3);
    progress('3 investigations known to evidence; rounds start');
  }, 420_000);

  afterAll(async () => {
    await cluster.stop();
    await sql?.end().catch(() => undefined);
    const cell = (ms?: number) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
    const header = ['round', 'ack', 'lost', 'dup', 'parked', 'first write s', 'all effects s', 'result'];
    const body = rows.map((r) =>
      [r.round, r.acknowledged, r.lost, r.duplicated, r.parked, cell(r.firstWriteMs), cell(r.allEffectsMs), r.ok ? 'ok' : 'FAILED'].map(
        String,
      ),
    );
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
    process.stdout.write(
      `\nchaos (${LONG ? 'long' : 'short'} form)\n${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n')}\n\n`,
    );
  }, 60_000);

  for (const round of rounds.filter((r) => LONG || !r.long)) {
    it(
      round.name,
      async () => {
        await workload.refreshInvestigations();
        const exitsBefore = new Map(cluster.replicas.map((r) => [r, r.exits.length]));
        const stopAt = (stats: LoadStats, faultEnd: number) => stats.acknowledged.some((u) => u.ackAt >= faultEnd);
        const load = workload.run(round.name, round.load?.workers ?? WORKERS, {
          kinds: round.load?.kinds,
          investigationId: round.load?.sameCase ? workload.investigations[0] : undefined,
          perSecond: round.load?.burst ? 0 : PER_SECOND,
        });
        await sleep(3000);
        progress(`${round.name}: fault`);
        await round.fault();
        const faultEnd = Date.now();
        progress(`${round.name}: fault ended`);
        // The load goes on until a write is acknowledged after the fault (at most the recovery bound), then 2 s more.
        while (!stopAt(load.stats, faultEnd) && Date.now() - faultEnd < RECOVERY_MS) await sleep(100);
        await sleep(2000);
        const stats = await load.stop();
        const firstWrite = stats.acknowledged.filter((u) => u.ackAt >= faultEnd).map((u) => u.ackAt - faultEnd);

        // Every replica the suite killed is ready again, and every one is ready.
        await cluster.allReady(90_000);
        // Recovery: every effect of every acknowledged command, and every read model at its log.
        let allEffectsMs: number | undefined;
        let reported = 0;
        let last = { lost: [] as string[], duplicated: [] as string[], offLog: [] as string[] };
        for (;;) {
          const e = await effects(sql, workload.units, stats.created);
          last = { ...e, offLog: await offLog(sql) };
          if (last.lost.length === 0 && last.offLog.length === 0) {
            allEffectsMs = Date.now() - faultEnd;
            break;
          }
          if (Date.now() - faultEnd > RECOVERY_MS + 30_000) break;
          const waited = Date.now() - faultEnd;
          if (waited > reported + 10_000) {
            reported = waited;
            const kinds = [...last.lost, ...last.offLog].map((l) => l.split(/ [0-9a-f-]{36}|:/)[0]);
            progress(
              `${round.name}: after ${(waited / 1000).toFixed(0)} s still missing ${[...new Set(kinds)].map((k) => `${kinds.filter((x) => x === k).length} × ${k}`).join(', ')}`,
            );
          }
          await sleep(250);
        }
        const parkedNow = await parked(sql);
        const chains = await brokenChains(sql);
        const unexpectedExits = cluster.replicas.flatMap((r) =>
          r.exits
            .slice(exitsBefore.get(r))
            .filter((x) => !x.expected)
            .map((x) => `${label(r)} exited by itself (${x.code ?? x.signal})`),
        );
        const defects = await cluster.defects();
        const row: Row = {
          round: round.name,
          acknowledged: stats.acknowledged.length,
          lost: last.lost.length,
          duplicated: last.duplicated.length,
          parked: parkedNow.length,
          firstWriteMs: firstWrite.length > 0 ? Math.min(...firstWrite) : undefined,
          allEffectsMs,
          ok: false,
        };
        const verdict = {
          acknowledgedSome: stats.acknowledged.length > 0,
          lost: last.lost.slice(0, 10),
          duplicated: last.duplicated.slice(0, 10),
          offLog: last.offLog.slice(0, 10),
          parked: parkedNow.slice(0, 10),
          brokenChains: chains.slice(0, 10),
          unexpectedExits,
          defects,
          serverErrors: stats.serverErrors.slice(0, 10),
          refusals: stats.refusals.slice(0, 10),
          writeAfterFault: row.firstWriteMs !== undefined,
          recoveredWithinBound: allEffectsMs !== undefined && allEffectsMs <= RECOVERY_MS,
        };
        const expected = {
          ...verdict,
          acknowledgedSome: true,
          lost: [],
          duplicated: [],
          offLog: [],
          parked: [],
          brokenChains: [],
          unexpectedExits: [],
          defects: {},
          serverErrors: [],
          refusals: [],
          writeAfterFault: true,
          recoveredWithinBound: true,
        };
        row.ok = JSON.stringify(verdict) === JSON.stringify(expected);
        rows.push(row);
        progress(
          `${round.name}: ${row.ok ? 'ok' : 'FAILED'} (${row.acknowledged} acknowledged, all effects ${allEffectsMs ?? '-'} ms after the fault)`,
        );
        if (!row.ok) process.stdout.write(`\nround "${round.name}" failed; the replicas' last words:\n${cluster.logs()}\n`);
        expect(verdict).toEqual(expected);
      },
      300_000,
    );
  }

  it('every main read model equals a rebuild from its log (the operations API rebuilds it on the replica holding it)', async () => {
    const token = await cluster.token(OPS.staffId, OPS.roles, { teams: OPS.teams, unit: OPS.unit });
    const tables: { service: ServiceName; projection: string; table: string }[] = [
      { service: 'reports', projection: 'reports-reports', table: 'reports.reports' },
      { service: 'investigations', projection: 'investigations-investigations', table: 'investigations.investigations' },
      { service: 'evidence', projection: 'evidence-items', table: 'evidence.items' },
      { service: 'evidence', projection: 'evidence-found-objects', table: 'evidence.found_objects' },
      { service: 'integrity', projection: 'integrity-complaints', table: 'integrity.complaints' },
    ];
    const snapshot = async (table: string) =>
      (await sql.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY t.id`)).rows.map((r) => JSON.stringify(r.row));
    const differences: string[] = [];
    for (const { service, projection, table } of tables) {
      const before = await snapshot(table);
      const holder = await cluster.leaseHolder(sql, service, `projection:${projection}`);
      const headers = { authorization: `Bearer ${token}` };
      const started = await fetch(`${holder.process.url}/api/${service}/ops/projections/${projection}/rebuild`, {
        method: 'POST',
        headers,
      });
      expect({ projection, status: started.status }).toEqual({ projection, status: 202 });
      // The rebuild runs in the background: poll its state until it is no longer running (at most 60 s).
      const state = await eventually(
        async () => {
          const status = (await (await fetch(`${holder.process.url}/api/${service}/ops/status`, { headers })).json()) as {
            projections: { name: string; rebuild?: { state: string } }[];
          };
          const now = status.projections.find((p) => p.name === projection)?.rebuild?.state ?? 'missing';
          if (now === 'running') throw new Error(`${projection}: rebuild still running`);
          return now;
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      expect({ projection, state }).toEqual({ projection, state: 'done' });
      const after = await snapshot(table);
      const gone = before.filter((r) => !after.includes(r));
      const added = after.filter((r) => !before.includes(r));
      if (gone.length + added.length > 0)
        differences.push(
          `${table}: ${gone.length} rows differ from the rebuild, e.g. ${gone[0]?.slice(0, 300)} → ${added[0]?.slice(0, 300)}`,
        );
      expect(before.length).toBeGreaterThan(0);
    }
    expect(differences).toEqual([]);
  }, 300_000);
});
