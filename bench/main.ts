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

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
