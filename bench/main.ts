import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchRow, printTable } from './bench-kit';
import { runCrossServiceBench } from './cross-service.bench';
import { runEventStoreBench } from './event-store.bench';
import { runEvidenceBench } from './evidence.bench';
import { runFoldBench } from './fold.bench';
import { runScaleBench } from './scale.bench';
import { runSearchBench } from './search.bench';
import { runSecurityBench } from './security.bench';

/** `npm run bench`: every benchmark of the platform, printed as tables and saved as JSON. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (scripts/bench.mjs sets it)');
  const started = new Date();
  const results: Record<string, { rows: BenchRow[]; raw: Record<string, unknown> }> = {};
  const only = process.env.BENCH_ONLY?.split(',');
  const suites: [string, () => Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }>][] = [
    ['event-store', () => runEventStoreBench(url)],
    ['security', () => runSecurityBench(url)],
    ['evidence', () => runEvidenceBench(url)],
    ['search', () => runSearchBench(url)],
    ['cross-service', () => runCrossServiceBench(url)],
    ['scale', () => runScaleBench(url)],
    ['fold', () => runFoldBench()],
  ];
  for (const [name, run] of suites) {
    if (only && !only.includes(name)) continue;
    console.log(`\nrunning ${name}…`);
    results[name] = await run();
    printTable(name, results[name].rows);
  }
  httpCommandsAgainstPgbench(results);
  const out = {
    startedAt: started.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    results,
  };
  const dir = path.join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(out, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
  writeFileSync(path.join(dir, 'latest.json'), json);
  writeFileSync(path.join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`), json);
  console.log(`\nsaved bench/results/latest.json`);
}

/**
 * Issue 19: HTTP commands per second (the evidence handover, two commands a pair, metrics off) beside the pgbench
 * limit of the same run (16 clients), when both suites ran: a row of the evidence suite's table.
 */
function httpCommandsAgainstPgbench(results: Record<string, { rows: BenchRow[] }>): void {
  const pgbench = results['event-store']?.rows.find((r) => r.metric === 'pgbench INSERT tx/s, 16 client(s)');
  const pairs = results.evidence?.rows.find((r) => /^handover offer\+accept over HTTP, \d+ clients, metrics off$/.test(r.metric));
  if (!pgbench || !pairs) return;
  const commands = pairs.value * 2;
  const ratio = Math.round((commands / pgbench.value) * 1000) / 1000;
  results.evidence.rows.push({
    metric: 'HTTP commands/s against pgbench INSERT (16 clients)',
    value: commands,
    unit: 'commands/s',
    ratio,
    target: '≥ 0.1 of pgbench',
    pass: ratio >= 0.1,
    note: `${pairs.metric.replace('handover offer+accept over HTTP, ', '')}: ${pairs.value} pairs/s; pgbench ${pgbench.value} tx/s in the same run`,
  });
  printTable('evidence: HTTP commands against the pgbench limit', results.evidence.rows.slice(-1));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
