import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { problem } from './http-context';
import { describeValidator } from './json-schema';
import { isCalendarDate, isInstant, Optional } from './request-fields';

/**
 * Keyset paging of the lists (ADR 0061): a page is the rows after a position in the list's order
 * (its sort key, then the record's id, both descending), read through an index in that order, so a deep
 * page costs what the first one costs. The position travels as an opaque cursor: the `next` of one
 * page is the `after` of the following one.
 */

/** What a cursor's parts hold: an instant (a timestamp key), a calendar day (`YYYY-MM-DD` as text), a text key, or a record's id. */
export type CursorPart = 'instant' | 'day' | 'text' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The longest cursor taken (a key and an id, base64url). */
const MAX_CURSOR_LENGTH = 512;

function partOk(kind: CursorPart, v: unknown): boolean {
  if (typeof v !== 'string') return false;
  if (kind === 'instant') return isInstant(v);
  if (kind === 'day') return isCalendarDate(v);
  if (kind === 'uuid') return UUID.test(v);
  return v.length <= 200;
}

/** The cursor of a position: its key parts, opaque to clients. */
export function encodeListCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** A cursor's form (what the API document states of `after`): base64url, 1 to {@link MAX_CURSOR_LENGTH} characters. */
const CURSOR_FORM = '^[A-Za-z0-9_-]+$';
const CURSOR_FORM_RE = new RegExp(CURSOR_FORM);

function hasCursorForm(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CURSOR_LENGTH && CURSOR_FORM_RE.test(value);
}

/** The key parts of a cursor of this shape, or null when it is not one (malformed, tampered, of another list). */
export function decodeListCursor(cursor: unknown, shape: readonly CursorPart[]): string[] | null {
  if (!hasCursorForm(cursor)) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== shape.length || !shape.every((kind, i) => partOk(kind, parts[i]))) return null;
  return parts as string[];
}

describeValidator('isListCursor', () => ({ type: 'string', maxLength: MAX_CURSOR_LENGTH, pattern: CURSOR_FORM }));

/**
 * `?after=`: the `next` cursor of the previous page (absent: the first page). The edge checks its form, as the
 * document states it (400 naming `after`); its meaning — a position of this list, not with `offset` — is the
 * list's to judge ({@link afterPosition}, with the shape of its {@link ListOrder}: 422 naming `after`), as for any
 * well-formed value a route refuses.
 */
export function ListCursor(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'string',
      description: "Where the page starts: the previous page's `next` (an opaque cursor). Leave out for the first page; not with `offset`.",
    }),
    Optional(),
    ValidateBy({
      name: 'isListCursor',
      constraints: [MAX_CURSOR_LENGTH],
      validator: {
        validate: (value) => hasCursorForm(value),
        defaultMessage: (args) => `${args?.property ?? 'after'} must be a cursor: 1 to ${MAX_CURSOR_LENGTH} letters, digits, - or _`,
      },
    }),
  );
}

/**
 * The position a page starts after: the key parts of `after` (null without one). A well-formed cursor that is no
 * position of this list (tampered, of another list), or one given with an offset, is refused: 422 naming `after`.
 */
export function afterPosition(page: { offset?: number; after?: string }, shape: readonly CursorPart[]): string[] | null {
  if (page.after === undefined) return null;
  if (page.offset) throw problem(422, 'invalid_cursor', 'after cannot be combined with offset: page with one of them', 'after');
  const parts = decodeListCursor(page.after, shape);
  if (parts === null) throw problem(422, 'invalid_cursor', 'after must be the next cursor of a previous page of this list', 'after');
  return parts;
}

/** A list's order: its sort key, then the id, both descending (one B-tree on both serves it), and how to read both from a row. */
export interface ListOrder<Row> {
  /** SQL of the sort key, e.g. `r."receivedAt"`; never null. */
  key: string;
  /** Its type, as the cursor carries it: `day` is a calendar day stored as text (`YYYY-MM-DD`). */
  keyType: 'timestamptz' | 'day' | 'text';
  /** SQL of the tie-breaker, the row's uuid (e.g. `r.id`), descending too. */
  id: string;
  /** The row's key and tie-breaker, as a cursor carries them (an instant in ISO form). */
  position(row: Row): [string, string];
}

/** The cursor shape of an order. */
export function cursorShape(order: Pick<ListOrder<unknown>, 'keyType'>): CursorPart[] {
  return [order.keyType === 'timestamptz' ? 'instant' : order.keyType, 'uuid'];
}

/** A function registering a value as a named parameter of the query, returning its placeholder (for SQL built by other code). */
export function queryParam(qb: SelectQueryBuilder<ObjectLiteral>, prefix = 'p'): (value: unknown) => string {
  let n = 0;
  return (value) => {
    const name = `${prefix}_${++n}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };
}

/**
 * One page of a list: the query's rows in `order`, after the cursor's position (or skipping `offset`
 * rows), `limit` of them, with the cursor of the next page when there is one. The filters and the
 * visibility predicate are the query's own; one row more than the page is read to know whether
 * another page follows.
 */
export async function listPage<Row extends ObjectLiteral>(
  qb: SelectQueryBuilder<Row>,
  order: ListOrder<Row>,
  page: { limit: number; offset?: number; after?: string },
): Promise<{ rows: Row[]; next?: string }> {
  const after = afterPosition(page, cursorShape(order));
  const q = qb.clone();
  if (after)
    // A row comparison: the index in the list's order starts its scan at the position.
    q.andWhere(
      `(${order.key}, ${order.id}) < (CAST(:after_key AS ${order.keyType === 'timestamptz' ? 'timestamptz' : 'text'}), CAST(:after_id AS uuid))`,
      {
        after_key: after[0],
        after_id: after[1],
      },
    );
  q.orderBy(order.key, 'DESC').addOrderBy(order.id, 'DESC');
  q.offset(after ? 0 : (page.offset ?? 0)).limit(page.limit + 1);
  const rows = await q.getMany();
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  return { rows: shown, ...(more && shown.length > 0 ? { next: encodeListCursor(order.position(shown[shown.length - 1])) } : {}) };
}

/**
 * One page of a list whose need-to-know the database cannot decide alone (it depends on another read model, or on
 * what the reader may act for): the query's rows read in the list's order `chunk` at a time, each chunk judged by
 * `keep`, until the page is full. The same page, order and `next` as if `keep` had been a filter of the query; it
 * reads as far as the visible rows before the page reach, not the whole table.
 */
export async function keptPage<Row extends ObjectLiteral, Kept>(
  qb: SelectQueryBuilder<Row>,
  order: ListOrder<Row>,
  page: { limit: number; offset?: number; after?: string },
  keep: (rows: Row[]) => Promise<Kept[]>,
  rowOf: (kept: Kept) => Row,
  chunk = 500,
): Promise<{ kept: Kept[]; next?: string }> {
  afterPosition(page, cursorShape(order));
  const offset = page.after === undefined ? (page.offset ?? 0) : 0;
  const wanted = offset + page.limit;
  const kept: Kept[] = [];
  let after = page.after;
  for (;;) {
    const read = await listPage(qb, order, { limit: chunk, ...(after === undefined ? {} : { after }) });
    kept.push(...(await keep(read.rows)));
    // One visible row past the page tells that another page follows.
    if (kept.length > wanted || read.next === undefined) break;
    after = read.next;
  }
  const shown = kept.slice(offset, wanted);
  const more = kept.length > wanted && shown.length > 0;
  return { kept: shown, ...(more ? { next: encodeListCursor(order.position(rowOf(shown[shown.length - 1]))) } : {}) };
}

/** How far a list counts its rows: beyond it `total` is this bound and `totalExact` false. */
export const LIST_COUNT_BOUND = 1000;

/** The query's rows counted up to {@link LIST_COUNT_BOUND} (a list's `total` and `totalExact`). */
export async function boundedCount(qb: SelectQueryBuilder<ObjectLiteral>): Promise<{ total: number; totalExact: boolean }> {
  const [sql, params] = qb
    .clone()
    .select('1', 'one')
    .orderBy()
    .offset(undefined)
    .limit(LIST_COUNT_BOUND + 1)
    .getQueryAndParameters();
  const rows: { n: number }[] = await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql}) counted`, params);
  const n = Number(rows[0]?.n ?? 0);
  return { total: Math.min(n, LIST_COUNT_BOUND), totalExact: n <= LIST_COUNT_BOUND };
}

/**
 * The page of rows already read in the list's order (a filter the database cannot apply, such as a
 * time limit judged now): the same cursor, offset and `next` as {@link listPage}, over the rows given.
 * Text keys are compared by code unit here: use it with keys whose database order is the same (days).
 */
export function pageOfRows<Row>(
  rows: readonly Row[],
  order: Pick<ListOrder<Row>, 'keyType' | 'position'>,
  page: { limit: number; offset?: number; after?: string },
): { rows: Row[]; next?: string } {
  const after = afterPosition(page, cursorShape(order));
  // Both parts descending: a row comes after the position when its key is lower, or equal with a lower id.
  const isAfter = (row: Row): boolean => {
    if (!after) return true;
    const [key, id] = order.position(row);
    const k = order.keyType === 'timestamptz' ? Date.parse(key) - Date.parse(after[0]) : key < after[0] ? -1 : key > after[0] ? 1 : 0;
    return k < 0 || (k === 0 && id.toLowerCase() < after[1].toLowerCase());
  };
  const start = after ? rows.findIndex(isAfter) : Math.min(page.offset ?? 0, rows.length);
  const from = start < 0 ? rows.length : start;
  const shown = rows.slice(from, from + page.limit);
  const more = from + page.limit < rows.length;
  return { rows: shown, ...(more && shown.length > 0 ? { next: encodeListCursor(order.position(shown[shown.length - 1])) } : {}) };
}
