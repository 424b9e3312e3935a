// The chaos suite's workload and its invariants. Commands go through the services' real HTTP APIs to any
// live replica, each with an Idempotency-Key, and are sent again (same key) while the answer is a network
// failure, a 503 or a 409, as a client told "Retry-After" would; a command is acknowledged when an answer
// is 2xx. The effects of the acknowledged ones are then counted by id in the read models and the logs.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@police/event-store';
import { ServiceName } from '../production-services.testing';
import { Cluster, isUp, label } from './cluster.testing';

interface Staff {
  staffId: string;
  roles: string[];
  teams: string[];
  unit: string;
}
const DESK: Staff = { staffId: '5415-0101', roles: ['front_desk'], teams: ['Onthaal'], unit: 'Interventie' };
const DIEFSTAL: Staff = { staffId: '5415-0201', roles: ['detective'], teams: ['Diefstallen'], unit: 'LRD' };
const OFFICER_CONCERNED = '5415-0204';

/** One acknowledged piece of work and the effects it must have: referral → investigation, evidence → timeline, complaint → integrity, found object → POPP. */
export type UnitKind = 'referral' | 'evidence' | 'complaint' | 'found';
export interface Unit {
  kind: UnitKind;
  /** The report's id (referral, complaint, found object) or the item's (evidence). */
  id: string;
  investigationId?: string;
  description?: string;
  round: string;
  ackAt: number;
}

/** What a round's load saw: acknowledged units, refusals and server errors (a 5xx other than 503 is a defect). */
export interface LoadStats {
  acknowledged: Unit[];
  /** Reports created whose referral was not acknowledged: they must exist, with no effect required downstream. */
  created: string[];
  unacknowledged: number;
  serverErrors: string[];
  refusals: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Workload {
  /** Investigations evidence already knows (its case directory), for the evidence → timeline flow. */
  readonly investigations: string[] = [];
  readonly units: Unit[] = [];
  private sequence = 0;
  private next = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly sql: Pool,
  ) {}

  /**
   * Sends one command to the next live replica of `service` until an answer is final (2xx or a 4xx other
   * than 409), at most `deadlineMs`; the same Idempotency-Key every time.
   */
  async send(
    stats: LoadStats,
    service: ServiceName,
    as: Staff,
    method: string,
    path: string,
    body: unknown,
    deadlineMs = 25_000,
  ): Promise<{ status: number; body: { id?: string } } | undefined> {
    const key = randomUUID();
    const until = Date.now() + deadlineMs;
    for (let attempt = 1; Date.now() < until; attempt++) {
      const live = this.cluster.replicas.filter((r) => r.service === service && isUp(r));
      const target = live[this.next++ % Math.max(live.length, 1)];
      if (target) {
        try {
          const res = await fetch(`${target.process.url}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${await this.cluster.token(as.staffId, as.roles, { teams: as.teams, unit: as.unit })}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          const text = await res.text();
          if (res.status >= 200 && res.status < 300) return { status: res.status, body: text ? JSON.parse(text) : {} };
          if (res.status >= 500 && res.status !== 503)
            stats.serverErrors.push(`${label(target)} ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
          else if (res.status < 500 && res.status !== 409) {
            stats.refusals.push(`${label(target)} ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
            return undefined;
          }
        } catch {
          // The replica died under the request, or does not answer: another one, or the same once restarted.
        }
      }
      await sleep(Math.min(1000, 100 * attempt));
    }
    return undefined;
  }

  private report(n: number, round: string) {
    return {
      kind: 'aangifte',
      channel: { kind: 'front_desk', officeId: 'apg' },
      appointmentRef: `APT-2026-${String(n).padStart(4, '0')}`,
      incidentType: 'woninginbraak',
      timeWindow: { from: '2026-11-19T21:00:00+01:00', to: '2026-11-20T07:30:00+01:00' },
      place: { municipality: 'Gent', postalCode: '9000', address: `Voorbeeldstraat ${n}` },
      narrative: `Achterdeur geforceerd (${round} ${n}).`,
      parties: [{ name: `A. Peeters ${n}`, roles: ['reporter', 'victim'] }],
    };
  }

  /** One unit of `kind`; pushed to the acknowledged ones when its last command was acknowledged. */
  async unit(kind: UnitKind, round: string, stats: LoadStats, investigationId?: string): Promise<void> {
    const n = ++this.sequence;
    const ack = (u: Omit<Unit, 'round' | 'ackAt'>) => {
      const unit = { ...u, round, ackAt: Date.now() };
      stats.acknowledged.push(unit);
      this.units.push(unit);
    };
    if (kind === 'referral') {
      const created = await this.send(stats, 'reports', DESK, 'POST', '/api/reports', this.report(n, round));
      if (!created?.body.id) return void stats.unacknowledged++;
      const referred = await this.send(stats, 'reports', DESK, 'POST', `/api/reports/${created.body.id}/investigation-request`, {
        reason: `Reeks inbraken ${n}`,
      });
      if (!referred) {
        stats.created.push(created.body.id);
        return void stats.unacknowledged++;
      }
      return ack({ kind, id: created.body.id });
    }
    if (kind === 'evidence') {
      const target = investigationId ?? this.investigations[n % this.investigations.length];
      const item = await this.send(stats, 'evidence', DIEFSTAL, 'POST', '/api/evidence/items', {
        investigationId: target,
        description: `Schroevendraaier ${round} ${n}`,
        category: 'trace',
        quantity: { amount: 1, unit: 'piece' },
        sealNumber: `S-${700000 + n}`,
        packaging: 'verzegelde bewijszak',
        condition: 'sporen van roest',
        seizedBy: DIEFSTAL.staffId,
        seizedAt: '2026-11-20T09:30:00Z',
        seizedPlace: 'Voorbeeldstraat 12, 9000 Gent',
        legalBasis: 'art. 35 Sv.',
      });
      if (!item?.body.id) return void stats.unacknowledged++;
      return ack({ kind, id: item.body.id, investigationId: target });
    }
    if (kind === 'complaint') {
      const created = await this.send(stats, 'reports', DESK, 'POST', '/api/reports', {
        kind: 'klacht',
        channel: { kind: 'front_desk', officeId: 'apg' },
        urgent: true,
        incidentType: 'onheus optreden',
        timeWindow: { from: '2026-11-18T14:00:00+01:00', to: '2026-11-18T14:30:00+01:00' },
        place: { municipality: 'Gent', address: 'Kouter' },
        narrative: `De agent aan de balie duwde mij naar buiten (${round} ${n}).`,
        parties: [{ name: `J. Janssens ${n}`, roles: ['reporter', 'victim'] }],
        concernsPoliceConduct: true,
        staffMembersConcerned: [OFFICER_CONCERNED],
      });
      if (!created?.body.id) return void stats.unacknowledged++;
      return ack({ kind, id: created.body.id });
    }
    const description = `Bruine portefeuille ${round} ${n} ${randomUUID().slice(0, 8)}`;
    const created = await this.send(stats, 'reports', DESK, 'POST', '/api/reports', {
      kind: 'found_object_declaration',
      channel: { kind: 'front_desk', officeId: 'apg' },
      urgent: true,
      place: { municipality: 'Gent', postalCode: '9000', address: 'Korenmarkt' },
      narrative: 'Afgegeven aan de balie door een voorbijganger',
      parties: [{ name: `E. Wouters ${n}`, roles: ['reporter'] }],
      object: { description, category: 'wallet' },
    });
    if (!created?.body.id) return void stats.unacknowledged++;
    return ack({ kind, id: created.body.id, description });
  }

  /** Referrals until evidence knows `count` investigations (its case directory took them from Kafka). */
  async seedInvestigations(count: number): Promise<void> {
    const stats = emptyStats();
    for (let i = 0; i < count; i++) await this.unit('referral', 'seed', stats);
    const referred = stats.acknowledged.map((u) => u.id);
    const deadline = Date.now() + 90_000;
    const refusals: string[] = [];
    while (this.investigations.length < count && Date.now() < deadline) {
      const { rows } = await this.sql.query<{ id: string }>(
        `SELECT id::text AS id FROM investigations.investigations WHERE "reportIds"::text[] && $1::text[]`,
        [referred],
      );
      for (const { id } of rows) {
        if (this.investigations.includes(id)) continue;
        const probe = emptyStats();
        await this.unit('evidence', 'seed', probe, id);
        if (probe.acknowledged.length === 1) this.investigations.push(id);
        else refusals.push(...probe.refusals, ...probe.serverErrors);
      }
      if (this.investigations.length < count) await sleep(500);
    }
    if (this.investigations.length < count) {
      throw new Error(
        `evidence knows ${this.investigations.length} of ${count} investigations after 90 s (${referred.length} referrals acknowledged; ${refusals.slice(-3).join('; ')})`,
      );
    }
  }

  /**
   * Evidence goes to the open Diefstallen cases evidence knows (its case directory), the 40 newest, so that
   * no case file grows without end over the rounds; the first seeded case stays first (the burst's case).
   */
  async refreshInvestigations(): Promise<void> {
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT c."investigationId"::text AS id FROM evidence.case_directory c JOIN investigations.investigations i ON i.id = c."investigationId"
        WHERE c.team = 'Diefstallen' AND c.status = 'open' ORDER BY i."openedAt" DESC NULLS LAST LIMIT 40`,
    );
    const first = this.investigations[0];
    const known = rows.map((r) => r.id).filter((id) => id !== first);
    this.investigations.splice(0, this.investigations.length, ...(first ? [first] : []), ...known);
  }

  /**
   * `workers` clients sending units (a mix of the four flows) until `stop()`, each at most `perSecond` units a
   * second (a steady load of a stated rate; 0: as fast as answers come, a burst); `kinds` narrows the mix, and
   * `investigationId` sends every evidence unit to one case (a burst on one key).
   */
  run(
    round: string,
    workers: number,
    options: { kinds?: UnitKind[]; investigationId?: string; perSecond?: number } = {},
  ): { stats: LoadStats; stop(): Promise<LoadStats> } {
    const stats = emptyStats();
    const kinds: UnitKind[] = options.kinds ?? ['referral', 'referral', 'evidence', 'evidence', 'complaint', 'found'];
    let stopped = false;
    let i = 0;
    const loops = Array.from({ length: workers }, async () => {
      while (!stopped) {
        const started = Date.now();
        await this.unit(kinds[i++ % kinds.length], round, stats, options.investigationId);
        if (options.perSecond) await sleep(Math.max(0, 1000 / options.perSecond - (Date.now() - started)));
      }
    });
    return {
      stats,
      stop: async () => {
        stopped = true;
        await Promise.all(loops);
        return stats;
      },
    };
  }
}

export const emptyStats = (): LoadStats => ({ acknowledged: [], created: [], unacknowledged: 0, serverErrors: [], refusals: [] });

/** What the invariants found after a round. */
export interface Check {
  lost: string[];
  duplicated: string[];
  parked: string[];
  /** Read-model rows whose version is not their stream's last (or a stream without its row). */
  offLog: string[];
  brokenChains: string[];
}

const READ_MODELS: { table: string; schema: string; prefix: string }[] = [
  { table: 'reports.reports', schema: 'reports', prefix: 'report-' },
  { table: 'investigations.investigations', schema: 'investigations', prefix: 'investigation-' },
  { table: 'evidence.items', schema: 'evidence', prefix: 'evidence-item-' },
  { table: 'evidence.found_objects', schema: 'evidence', prefix: 'evidence-found-object-' },
  { table: 'integrity.complaints', schema: 'integrity', prefix: 'integrity-complaint-' },
];

/** Every acknowledged unit has its effect in every service it reaches (else: lost), and nothing anywhere has two (else: duplicated). */
export async function effects(sql: Pool, units: Unit[], created: string[]): Promise<Pick<Check, 'lost' | 'duplicated'>> {
  const ids = (kind: UnitKind) => units.filter((u) => u.kind === kind).map((u) => u.id);
  const missing = async (what: string, query: string, values: unknown[]) =>
    (await sql.query<{ id: string }>(query, values)).rows.map((r) => `${what} ${r.id}`);
  const lost = [
    ...(await missing(
      'report without its row',
      `SELECT id FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM reports.reports r WHERE r.id::text = a.id)`,
      [[...ids('referral'), ...ids('complaint'), ...ids('found'), ...created]],
    )),
    ...(await missing(
      'referral without its investigation',
      `SELECT id FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM investigations.investigations i WHERE a.id = ANY(i."reportIds"::text[]))`,
      [ids('referral')],
    )),
    ...(await missing(
      'item without its row',
      `SELECT id FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM evidence.items r WHERE r.id::text = a.id)`,
      [ids('evidence')],
    )),
    ...(await missing(
      'item not in its case timeline',
      `SELECT a.id FROM unnest($1::text[], $2::text[]) AS a(id, investigation)
        WHERE (SELECT count(*) FROM investigations.events e WHERE e.stream_id = 'investigation-' || a.investigation AND e.type = 'EvidenceLinked' AND e.data->>'itemId' = a.id) = 0`,
      [ids('evidence'), units.filter((u) => u.kind === 'evidence').map((u) => u.investigationId)],
    )),
    ...(await missing(
      'complaint not in integrity',
      `SELECT id FROM unnest($1::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM integrity.complaints c WHERE c."reportId"::text = a.id)`,
      [ids('complaint')],
    )),
    ...(await missing(
      'found object not at POPP',
      `SELECT a.id FROM unnest($1::text[], $2::text[]) AS a(id, d) WHERE NOT EXISTS (SELECT 1 FROM evidence.found_objects f WHERE f.description = a.d)`,
      [ids('found'), units.filter((u) => u.kind === 'found').map((u) => u.description)],
    )),
  ];
  const twice = async (what: string, query: string) =>
    (await sql.query<{ k: string; n: number }>(query)).rows.map((r) => `${what} ${r.k} ×${r.n}`);
  const duplicated = [
    ...(await twice(
      'investigations for report',
      `SELECT r::text AS k, count(*)::int AS n FROM investigations.investigations, unnest("reportIds") AS r GROUP BY r HAVING count(*) > 1`,
    )),
    ...(await twice(
      'timeline entries for item',
      `SELECT data->>'itemId' AS k, count(*)::int AS n FROM investigations.events WHERE type = 'EvidenceLinked' GROUP BY 1 HAVING count(*) > 1`,
    )),
    ...(await twice(
      'complaints for report',
      `SELECT "reportId"::text AS k, count(*)::int AS n FROM integrity.complaints WHERE "reportId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1`,
    )),
    ...(await twice(
      'found objects described',
      `SELECT description AS k, count(*)::int AS n FROM evidence.found_objects GROUP BY 1 HAVING count(*) > 1`,
    )),
  ];
  return { lost, duplicated };
}

/** Messages a service refused and parked (none should be: every message the workload causes is valid). */
export async function parked(sql: Pool): Promise<string[]> {
  const out: string[] = [];
  for (const schema of ['reports', 'investigations', 'evidence', 'integrity']) {
    const { rows } = await sql
      .query<{ type: string; reason: unknown }>(`SELECT type, reason FROM ${schema}.parked_messages`)
      .catch(() => ({ rows: [] }));
    out.push(...rows.map((r) => `${schema}: ${r.type} ${JSON.stringify(r.reason).slice(0, 200)}`));
  }
  return out;
}

/** Each read-model row at its stream's last version, and a row for every stream. */
export async function offLog(sql: Pool): Promise<string[]> {
  const out: string[] = [];
  for (const { table, schema, prefix } of READ_MODELS) {
    const { rows } = await sql.query<{ stream_id: string | null; version: number | null; projected: number | null; id: string | null }>(
      `SELECT s.stream_id, s.version, t.version AS projected, t.id::text AS id
         FROM (SELECT stream_id, max(stream_version) AS version FROM ${schema}.events WHERE stream_id LIKE $1 || '%' GROUP BY stream_id) s
         FULL JOIN ${table} t ON s.stream_id = $1 || t.id::text
        WHERE s.version IS DISTINCT FROM t.version`,
      [prefix],
    );
    out.push(
      ...rows.map((r) => `${table}: ${r.stream_id ?? `${prefix}${r.id}`} log v${r.version ?? '-'} read model v${r.projected ?? '-'}`),
    );
  }
  return out;
}

/** Every stream's hash chain verifies (the store's verifyStream), in the four logs. */
export async function brokenChains(sql: Pool): Promise<string[]> {
  const out: string[] = [];
  for (const schema of ['reports', 'investigations', 'evidence', 'integrity']) {
    const store = new PostgresEventStore({ pool: sql, schema, listen: false });
    const { rows } = await sql.query<{ stream_id: string }>(`SELECT DISTINCT stream_id FROM ${schema}.events`);
    for (const { stream_id } of rows) {
      const v = await store.verifyStream(stream_id);
      if (!v.ok) out.push(`${schema}.${stream_id}: ${JSON.stringify(v)}`);
    }
    await store.close();
  }
  return out;
}
