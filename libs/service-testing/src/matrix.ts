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
 * How a service's matrix and the routes it serves (but health and docs, which the embedded app's
 * global matrix covers) differ: served routes without a row, rows of routes not served, rows twice.
 */
export function matrixCoverage(app: INestApplication, service: ServiceName, rows: { method: string; route: string }[]): { missing: string[]; stale: string[]; twice: string[] } {
  const base = `/api/${service}`;
  const served = servedRoutes(app)
    .filter((r) => (r.path === base || r.path.startsWith(`${base}/`)) && !new RegExp(`^${base}/(health|docs)`).test(r.path))
    .map((r) => `${r.method} ${r.path}`);
  const listed = rows.map((r) => `${r.method} ${r.route}`);
  return {
    missing: served.filter((s) => !listed.includes(s)),
    stale: listed.filter((r) => !served.includes(r)),
    twice: listed.filter((r, i) => listed.indexOf(r) !== i),
  };
}
