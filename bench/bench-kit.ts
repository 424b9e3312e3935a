import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

/** A fresh database on the bench server; dropped by `drop()`. */
export async function benchDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; pool(max: number): Pool; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const pools: Pool[] = [];
  return {
    url: u.toString(),
    pool(max) {
      const p = new Pool({ connectionString: u.toString(), max });
      p.on('error', () => undefined);
      pools.push(p);
      return p;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ratio?: number;
  pass?: boolean;
  note?: string;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const cells = rows.map((r) => [
    r.metric,
    `${r.value} ${r.unit}`,
    r.ratio !== undefined ? String(r.ratio) : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
    r.note ?? '',
  ]);
  const head = ['metric', 'value', 'ratio', 'target', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
