import type { DataSource } from 'typeorm';
import { ConsultationRow } from './consultation.read-model';

/** Filters of a consultation-log query; every one optional, combined with AND. */
export interface ConsultationFilter {
  /** Consultations of this record id (one record, or a list that showed it). */
  subject?: string;
  /** Consultations by this staff id. */
  actor?: string;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  breakGlass?: boolean;
  outcome?: 'granted' | 'refused';
  /** Page size, 1–200. */
  limit: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string;
  /**
   * Only consultations made through routes under this path (`/api/reports/`): one service's part of a
   * log that several services share (the embedded host's). Unset: the whole log.
   */
  routePrefix?: string;
  /**
   * Who asks. Consultations of records that concern them are left out, and so are those of sealed
   * records outside `compartments` (unless `allCompartments`): the log of a file must not reveal it.
   */
  reader: { staffId: string; compartments: string[]; allCompartments: boolean };
}

/** A consultation as oversight sees it. */
export interface ConsultationView {
  id: string;
  at: string;
  actor: { staffId: string; username: string; roles: string[]; teams: string[]; unit: string };
  subject: { type: string; ids: string[]; caseRef: string | null; compartments: string[]; concernedStaffIds: string[] };
  kind: string;
  outcome: string;
  basis: string | null;
  refusal: string | null;
  reason: string;
  breakGlass: boolean;
  justification: { text: string; caseRef: string | null } | null;
  endpoint: { method: string; route: string };
  correlationId: string;
  chain: { stream: string; version: number };
}

/** One page of consultations, newest first. */
export interface ConsultationPage {
  items: ConsultationView[];
  /** Give it back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Thrown for a cursor that is not one of ours. */
export class InvalidCursorError extends Error {}

function encodeCursor(row: ConsultationRow): string {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.eventId])).toString('base64url');
}

function decodeCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad');
    return [date, id];
  } catch {
    throw new InvalidCursorError('cursor');
  }
}

function view(r: ConsultationRow): ConsultationView {
  return {
    id: r.eventId,
    at: r.at.toISOString(),
    actor: { staffId: r.actorStaffId, username: r.actorUsername, roles: r.actorRoles, teams: r.actorTeams, unit: r.actorUnit },
    subject: {
      type: r.subjectType,
      ids: r.subjectIds,
      caseRef: r.caseRef,
      compartments: r.subjectCompartments,
      concernedStaffIds: r.concernedStaffIds,
    },
    kind: r.kind,
    outcome: r.outcome,
    basis: r.basis,
    refusal: r.refusal,
    reason: r.reason,
    breakGlass: r.breakGlass,
    justification: r.justification === null ? null : { text: r.justification, caseRef: r.justificationCaseRef },
    endpoint: { method: r.method, route: r.route },
    correlationId: r.correlationId,
    chain: { stream: r.streamId, version: r.streamVersion },
  };
}

/** Newest first, keyset-paged on (at, id). */
export async function queryConsultations(dataSource: DataSource, f: ConsultationFilter): Promise<ConsultationPage> {
  const q = dataSource.getRepository(ConsultationRow).createQueryBuilder('c');
  q.where('NOT (:reader = ANY(c.concerned_staff_ids))', { reader: f.reader.staffId });
  if (!f.reader.allCompartments)
    q.andWhere('c.subject_compartments <@ CAST(:compartments AS text[])', { compartments: f.reader.compartments });
  if (f.routePrefix !== undefined) q.andWhere('starts_with(c.route, :routePrefix)', { routePrefix: f.routePrefix });
  if (f.subject !== undefined) q.andWhere(':subject = ANY(c.subject_ids)', { subject: f.subject });
  if (f.actor !== undefined) q.andWhere('c.actor_staff_id = :actor', { actor: f.actor });
  if (f.from !== undefined) q.andWhere('c.at >= :from', { from: f.from });
  if (f.to !== undefined) q.andWhere('c.at < :to', { to: f.to });
  if (f.breakGlass !== undefined) q.andWhere('c.break_glass = :breakGlass', { breakGlass: f.breakGlass });
  if (f.outcome !== undefined) q.andWhere('c.outcome = :outcome', { outcome: f.outcome });
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor(f.cursor);
    q.andWhere('(c.at, c.event_id) < (:cursorAt, :cursorId)', { cursorAt: at, cursorId: id });
  }
  const rows = await q
    .orderBy('c.at', 'DESC')
    .addOrderBy('c.event_id', 'DESC')
    .take(f.limit + 1)
    .getMany();
  const page = rows.slice(0, f.limit);
  return { items: page.map(view), nextCursor: rows.length > f.limit ? encodeCursor(page[page.length - 1]) : null };
}
