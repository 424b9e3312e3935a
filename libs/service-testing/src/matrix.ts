import type { INestApplication } from '@nestjs/common';
import { servedRoutes } from '@police/security';
import type { Answer, ServiceName } from './service-app';

/** A matrix cell: the status of a success, or the refusal it must be, told apart by the problem type. */
export type Cell = number | string;
/** No bearer token. */
export const U = '401 unauthenticated';
/** The route's `@Allow` names none of the persona's roles. */
export const R = '403 forbidden (role)';
/** AccessControl refuses this record (writes never break the glass). */
export const X = '403 forbidden (record)';
/** A read outside the persona's team or assignment, without `X-Justification`. */
export const J = '403 justification-required';
/** As for a record that does not exist. */
export const H = '404 not-found';

export const PROBLEM = 'https://police-case-platform.example/problems/';

/** The cell an answer fills: its status for a success, else the refusal its problem type names. */
export function outcome(a: Pick<Answer, 'status' | 'json'>): Cell {
  if (a.status < 400) return a.status;
  const type = typeof a.json?.type === 'string' ? (a.json.type as string).replace(PROBLEM, '') : '?';
  if (a.status === 403 && type === 'forbidden') return /this endpoint/.test(a.json?.detail ?? '') ? R : X;
  return `${a.status} ${type}`;
}

/**
 * How a service's matrix and the routes it serves (but health and the documents, which the embedded app's
 * global matrix covers) differ: served routes without a row, rows of routes not served, rows twice.
 */
export function matrixCoverage(
  app: INestApplication,
  service: ServiceName,
  rows: { method: string; route: string }[],
): { missing: string[]; stale: string[]; twice: string[] } {
  const base = `/api/${service}`;
  const served = servedRoutes(app)
    .filter((r) => (r.path === base || r.path.startsWith(`${base}/`)) && !new RegExp(`^${base}/(health|docs|asyncapi\\.json)`).test(r.path))
    .map((r) => `${r.method} ${r.path}`);
  const listed = rows.map((r) => `${r.method} ${r.route}`);
  return {
    missing: served.filter((s) => !listed.includes(s)),
    stale: listed.filter((r) => !served.includes(r)),
    twice: listed.filter((r, i) => listed.indexOf(r) !== i),
  };
}

/** What a persona sends in a matrix cell; default: the row's route as is, no body. */
export interface MatrixCall {
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One route of a matrix: the cell every persona must fill, and how each one calls it. */
export interface MatrixRow<P extends string, K, C extends MatrixCall = MatrixCall> {
  method: string;
  /** The route as served (Express path template). */
  route: string;
  /** Expected cell per persona, in the matrix's column order. */
  expected: Cell[];
  request?: (persona: P, kit: K) => C | Promise<C>;
  /** What a successful answer must contain. */
  ok: (answer: Answer, persona: P, call: C, kit: K) => void;
}

/**
 * Calls a row's route as each persona and returns what each got and should have got (compare them
 * whole, so a failure shows the row). An answer that is as expected is checked further: a success by
 * the row's `ok`, a refusal as problem+json for this request (with the `code` of a domain refusal,
 * when `domainCodes` names one for the cell).
 */
export async function runMatrixRow<P extends string, K, C extends MatrixCall>(
  row: MatrixRow<P, K, C>,
  o: {
    columns: readonly P[];
    personas?: readonly P[];
    api: (persona: P, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;
    kit: K;
    domainCodes?: Record<string, string>;
  },
): Promise<{ got: Record<string, Cell>; want: Record<string, Cell> }> {
  const got: Record<string, Cell> = {};
  const want: Record<string, Cell> = {};
  for (const persona of o.personas ?? o.columns) {
    const expected = row.expected[o.columns.indexOf(persona)];
    const call = (await row.request?.(persona, o.kit)) ?? ({} as C);
    const answer = await o.api(persona, row.method, call.path ?? row.route, call.body, call.headers);
    const cell = outcome(answer);
    got[persona] = cell;
    want[persona] = expected;
    if (cell !== expected) continue;
    if (typeof expected === 'number') {
      row.ok(answer, persona, call, o.kit);
    } else {
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.json).toMatchObject({
        status: answer.status,
        title: expect.any(String),
        instance: (call.path ?? row.route).split('?')[0],
      });
      const code = o.domainCodes?.[expected];
      if (code) expect(answer.json.code).toBe(code);
    }
  }
  return { got, want };
}
