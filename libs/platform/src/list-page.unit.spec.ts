import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { classSchemas } from './json-schema';
import { afterPosition, cursorShape, decodeListCursor, encodeListCursor, ListCursor, pageOfRows } from './list-page';
import { toFieldErrors } from './problem-details';
import { PageOffset } from './request-fields';

class ListQuery {
  @PageOffset() offset?: number;
  @ListCursor() after?: string;
}

const ID = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const fields = (query: Record<string, unknown>) => toFieldErrors(validateSync(plainToInstance(ListQuery, query)));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  it('round-trips a position, opaque to the client (base64url)', () => {
    const cursor = encodeListCursor(['2026-12-07T08:15:30.123Z', ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor, ['instant', 'uuid'])).toEqual(['2026-12-07T08:15:30.123Z', ID]);
    expect(decodeListCursor(encodeListCursor(['2026-12-07', ID]), ['text', 'uuid'])).toEqual(['2026-12-07', ID]);
    expect(cursorShape({ keyType: 'timestamptz' })).toEqual(['instant', 'uuid']);
    expect(cursorShape({ keyType: 'text' })).toEqual(['text', 'uuid']);
    expect(cursorShape({ keyType: 'day' })).toEqual(['day', 'uuid']);
  });

  it('takes a day key only as a calendar day that exists', () => {
    expect(decodeListCursor(encodeListCursor(['2026-12-07', ID]), ['day', 'uuid'])).toEqual(['2026-12-07', ID]);
    for (const key of ['2026-02-30', '2026-12-07T08:15:30Z', '7/12/2026', ''])
      expect(decodeListCursor(encodeListCursor([key, ID]), ['day', 'uuid'])).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('{[').toString('base64url')],
    ['not a list', b64({ key: '2026-12-07T08:15:30Z', id: ID })],
    ['too few parts', b64(['2026-12-07T08:15:30Z'])],
    ['too many parts', b64(['2026-12-07T08:15:30Z', ID, 'x'])],
    ['a key that is no instant', b64(['2026-13-07T08:15:30Z', ID])],
    ['an instant without its offset', b64(['2026-12-07T08:15:30', ID])],
    ['an id that is no uuid', b64(['2026-12-07T08:15:30Z', `${ID}'--`])],
    ['a number for a part', b64([1, ID])],
    ['too long', 'A'.repeat(513)],
  ])('refuses a malformed cursor (%s)', (_what, cursor) => {
    expect(decodeListCursor(cursor, ['instant', 'uuid'])).toBeNull();
  });

  it('checks the form of `after` at the edge, as the document states it: a field error naming after', () => {
    expect(fields({ after: encodeListCursor(['2026-12-07T08:15:30.123Z', ID]) })).toEqual([]);
    expect(fields({})).toEqual([]);
    // Well-formed: its meaning is the list's to judge (afterPosition), not the edge's.
    expect(fields({ after: b64(['yesterday', ID]) })).toEqual([]);
    for (const after of ['a b', 'A'.repeat(513), null])
      expect(fields({ after })).toEqual([{ field: 'after', detail: 'after must be a cursor: 1 to 512 letters, digits, - or _' }]);
  });

  it('refuses a well-formed cursor that is no position of the list, or one with an offset: 422 naming after', () => {
    const after = encodeListCursor(['2026-12-07T08:15:30.123Z', ID]);
    expect(afterPosition({ after }, ['instant', 'uuid'])).toEqual(['2026-12-07T08:15:30.123Z', ID]);
    expect(afterPosition({ after, offset: 0 }, ['instant', 'uuid'])).toEqual(['2026-12-07T08:15:30.123Z', ID]);
    expect(afterPosition({}, ['instant', 'uuid'])).toBeNull();
    const refusal = (page: { after?: string; offset?: number }) => {
      try {
        afterPosition(page, ['instant', 'uuid']);
      } catch (e) {
        return (e as { getResponse(): unknown }).getResponse();
      }
      return undefined;
    };
    expect(refusal({ after, offset: 50 })).toMatchObject({
      status: 422,
      code: 'invalid_cursor',
      errors: [{ field: 'after', detail: 'after cannot be combined with offset: page with one of them' }],
    });
    expect(refusal({ after: b64(['yesterday', ID]) })).toMatchObject({
      status: 422,
      code: 'invalid_cursor',
      errors: [{ field: 'after', detail: 'after must be the next cursor of a previous page of this list' }],
    });
  });

  it('documents after as an optional string of the cursor alphabet', () => {
    expect((classSchemas([ListQuery], '#/').ListQuery.properties as Record<string, unknown>).after).toMatchObject({
      type: 'string',
      maxLength: 512,
      pattern: '^[A-Za-z0-9_-]+$',
    });
  });
});

describe('pageOfRows: the cursor over rows read in the list order', () => {
  const rows = [
    { day: '2026-12-07', id: 'ffffffff-0000-4000-8000-000000000000' },
    { day: '2026-12-07', id: '11111111-0000-4000-8000-000000000000' },
    { day: '2026-12-06', id: 'eeeeeeee-0000-4000-8000-000000000000' },
    { day: '2026-12-05', id: 'aaaaaaaa-0000-4000-8000-000000000000' },
    { day: '2026-12-05', id: '22222222-0000-4000-8000-000000000000' },
  ];
  const order = { keyType: 'day' as const, position: (r: (typeof rows)[number]): [string, string] => [r.day, r.id] };

  it('walks every row once, page by page, and gives no next on the last page', () => {
    const seen: string[] = [];
    let page = pageOfRows(rows, order, { limit: 2 });
    for (;;) {
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      page = pageOfRows(rows, order, { limit: 2, after: page.next });
    }
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(pageOfRows(rows, order, { limit: 5 }).next).toBeUndefined();
  });

  it('starts after the position even when its row is gone (ties on the key settled by the id)', () => {
    const after = encodeListCursor(['2026-12-07', '55555555-0000-4000-8000-000000000000']);
    expect(pageOfRows(rows, order, { limit: 2, after }).rows.map((r) => r.id)).toEqual([rows[1].id, rows[2].id]);
    expect(pageOfRows(rows, order, { limit: 2, after: encodeListCursor(['2026-12-01', rows[0].id]) }).rows).toEqual([]);
  });

  it('skips offset rows without a cursor', () => {
    expect(pageOfRows(rows, order, { limit: 2, offset: 3 })).toEqual({ rows: rows.slice(3) });
  });
});
