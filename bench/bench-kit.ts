import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

let clockTicks: number | undefined;
/** Clock ticks per second of /proc's CPU times. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime, stime, cutime, cstime of a process, in ms (cutime/cstime: its children that ended and were reaped). */
function procTimes(pid: number | 'self'): [number, number, number, number] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = 1000 / ticksPerSecond();
    return [Number(f[11]) * ms, Number(f[12]) * ms, Number(f[13]) * ms, Number(f[14]) * ms];
  } catch {
    return undefined;
  }
}

/** CPU time (ms) of the children this process started and waited for (pgbench): to difference around a run. */
export function childrenCpuMs(): number {
  const t = procTimes('self');
  return t ? t[2] + t[3] : NaN;
}

/**
 * CPU time (ms) the PostgreSQL server behind `pool` has used so far, all its processes together (the postmaster,
 * its live backends and the ones that ended), to difference around a phase. Undefined when the server does not run
 * on this machine or its files cannot be read.
 */
export async function postgresCpu(pool: Pool): Promise<(() => number) | undefined> {
  try {
    const { rows } = await pool.query<{ d: string }>('SELECT current_setting($1) AS d', ['data_directory']);
    const postmaster = Number(readFileSync(path.join(rows[0].d, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!procTimes(postmaster)) return undefined;
    return () => {
      const [u, s, cu, cs] = procTimes(postmaster) ?? [NaN, NaN, NaN, NaN];
      let total = u + s + cu + cs;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== postmaster) continue;
          const t = procTimes(Number(entry));
          if (t) total += t[0] + t[1];
        } catch {
          // The process ended meanwhile: its time is in the postmaster's cutime once reaped.
        }
      }
      return total;
    };
  } catch {
    return undefined;
  }
}
