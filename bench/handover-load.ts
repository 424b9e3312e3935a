import { performance } from 'node:perf_hooks';

/**
 * The evidence desk's load for the handover phases of `evidence.bench.ts`, in a process of its own (forked by the
 * phase): the HTTP clients' own work (fetch, JSON) would otherwise run on the service's event loop and be counted as
 * the service's cost, which no real deployment has — its clients are browsers on other machines.
 *
 * Each of `concurrency` clients registers an item, then times its offer (the custodian, with If-Match) and its
 * accept (the storage room) until the deadline; the pair durations go back to the parent over IPC.
 */
export interface HandoverLoad {
  url: string;
  detective: string;
  desk: string;
  seconds: number;
  concurrency: number;
}

export interface HandoverLoadResult {
  /** Offer + accept durations, in ms. */
  pairs: number[];
  /** Each command's own duration (offers and accepts alike), in ms: what a user waits for after a click. */
  commands: number[];
  /** This process's CPU, in ms: the clients' share, kept out of the service's. */
  clientCpuMs: number;
  error?: string;
}

async function run(load: HandoverLoad): Promise<HandoverLoadResult> {
  const post = async (token: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${load.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id?: string; handoverId?: string; version?: number };
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const register = (n: number) =>
    post(load.detective, '/evidence/items', {
      pvNumber: `GE.55.L5.${String(n).padStart(6, '0')}/2026`,
      description: 'Bench item',
      category: 'other',
      quantity: { amount: 1, unit: 'piece' },
      sealNumber: `B-${n}`,
      packaging: 'zak',
      condition: 'goed',
      seizedBy: '5415-0201',
      seizedAt: '2026-11-20T09:00:00Z',
      seizedPlace: 'Gent',
      legalBasis: 'art. 35 Sv.',
    });
  const pairs: number[] = [];
  const commands: number[] = [];
  const cpuBefore = process.cpuUsage();
  const deadline = performance.now() + load.seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: load.concurrency }, async () => {
      while (performance.now() < deadline) {
        const item = await register(n++);
        const t0 = performance.now();
        const offered = await post(
          load.detective,
          `/evidence/items/${item.id}/handovers`,
          { to: { kind: 'storage_room', id: 'bewaarplaats-apg' }, purpose: 'storage', method: 'hand_delivery', sealIntact: true },
          { 'If-Match': '"0"' },
        );
        const t1 = performance.now();
        await post(load.desk, `/evidence/items/${item.id}/handovers/${offered.handoverId}/accept`, {
          sealNumberFound: `B-${n}`,
          sealIntact: true,
          condition: 'goed',
          place: 'APG',
        });
        const t2 = performance.now();
        pairs.push(t2 - t0);
        commands.push(t1 - t0, t2 - t1);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { pairs, commands, clientCpuMs: (cpu.user + cpu.system) / 1000 };
}

if (require.main === module) {
  process.once('message', (load: HandoverLoad) => {
    run(load).then(
      (result) => process.send!(result, () => process.exit(0)),
      (e: Error) => process.send!({ pairs: [], commands: [], clientCpuMs: 0, error: e.message }, () => process.exit(1)),
    );
  });
}
