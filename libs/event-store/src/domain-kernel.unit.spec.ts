import { DomainError } from './errors';
import {
  addDays,
  daysBetween,
  evolution,
  foldEvents,
  inputRules,
  invalidCommand,
  isBlank,
  isCalendarDate,
  isInstant,
  isUuid,
  refusal,
  zoneDayOf,
} from './domain-kernel';

class ParcelNotFound extends refusal<'parcel_not_found'>('ParcelNotFound', 404) {}
class InvalidParcelCommand extends invalidCommand<
  'required' | 'invalid_value' | 'invalid_id' | 'invalid_time' | 'invalid_date' | 'date_in_future' | 'time_in_future'
>('InvalidParcelCommand') {}
const rules = inputRules(InvalidParcelCommand);

function thrown(fn: () => void): { type: string; code: string; status: number; field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InvalidParcelCommand)) throw e;
    return { type: e.name, code: e.code, status: e.status, field: e.field, message: e.message };
  }
  throw new Error('nothing was thrown');
}

describe('the domain kernel', () => {
  it('makes error classes of one shape: a domain error of the aggregate, with its status and name', () => {
    const notFound = new ParcelNotFound('parcel_not_found', 'No parcel under this id');
    expect(notFound).toBeInstanceOf(DomainError);
    expect({
      name: notFound.name,
      code: notFound.code,
      status: notFound.status,
      message: notFound.message,
      field: notFound.field,
    }).toStrictEqual({
      name: 'ParcelNotFound',
      code: 'parcel_not_found',
      status: 404,
      message: 'No parcel under this id',
      field: undefined,
    });
    const invalid = new InvalidParcelCommand('required', 'weight is required', 'weight');
    expect({ name: invalid.name, status: invalid.status, field: invalid.field }).toStrictEqual({
      name: 'InvalidParcelCommand',
      status: 422,
      field: 'weight',
    });
  });

  it('throws the aggregate’s own 422 naming the field, whatever rule says no', () => {
    const now = { now: new Date('2026-03-01T23:30:00Z') };
    expect(thrown(() => rules.requireText({ sender: ' ' }, ['sender'], 'parcel.'))).toStrictEqual({
      type: 'InvalidParcelCommand',
      code: 'required',
      status: 422,
      field: 'parcel.sender',
      message: 'sender is required',
    });
    expect(thrown(() => rules.requireNonBlank(42, 'note'))).toMatchObject({ code: 'required', field: 'note' });
    expect(thrown(() => rules.requireOneOf('x' as 'a' | 'b', ['a', 'b'], 'kind'))).toMatchObject({
      code: 'invalid_value',
      message: 'kind must be one of a, b',
    });
    expect(thrown(() => rules.requireOneOf(undefined, ['a'], 'kind'))).toMatchObject({ code: 'invalid_value', field: 'kind' });
    expect(thrown(() => rules.requireBoolean('yes' as unknown as boolean, 'sealed'))).toMatchObject({
      code: 'invalid_value',
      message: 'sealed must be true or false',
    });
    expect(thrown(() => rules.requireUuid('42', 'parcelId'))).toMatchObject({ code: 'invalid_id', message: 'parcelId must be a UUID' });
    expect(thrown(() => rules.requireInstant('2026-03-01 10:00', 'sentAt'))).toMatchObject({ code: 'invalid_time', field: 'sentAt' });
    expect(thrown(() => rules.requireDate('2026-02-30', 'sentOn'))).toMatchObject({
      code: 'invalid_date',
      message: 'sentOn must be a calendar date (YYYY-MM-DD)',
    });
    // 23:30 UTC on 1 March is already 2 March in Brussels: "today" is the zone's day.
    expect(() => rules.requirePastDate('2026-03-02', 'sentOn', now)).not.toThrow();
    expect(thrown(() => rules.requirePastDate('2026-03-03', 'sentOn', now))).toMatchObject({
      code: 'date_in_future',
      message: 'sentOn cannot be after today',
    });
    expect(thrown(() => rules.requireNotBefore('2026-01-01', '2026-02-01', 'sentOn'))).toMatchObject({
      code: 'invalid_date',
      message: 'sentOn cannot be before 2026-02-01',
    });
    expect(thrown(() => rules.requireNotAfterNow('2026-03-02T00:00:00Z', now, 'sentAt'))).toMatchObject({
      code: 'time_in_future',
      field: 'sentAt',
    });
  });

  it('lets good values through', () => {
    const now = { now: new Date('2026-03-01T10:00:00Z') };
    expect(() => {
      rules.requireText({ sender: 'Jan' }, ['sender']);
      rules.requireOneOf('a', ['a', 'b'], 'kind');
      rules.requireBoolean(false, 'sealed');
      rules.requireUuid('0b7f9c1e-6a4d-4f3e-9a2b-1c2d3e4f5a6b', 'parcelId');
      rules.requireInstant('2026-03-01T10:00:00+01:00', 'sentAt');
      rules.requireDate('2024-02-29', 'sentOn');
      rules.requireNotAfterNow('2026-03-01T10:00:00Z', now, 'sentAt');
    }).not.toThrow();
  });

  it('reads values without throwing, whatever their type', () => {
    expect([isBlank(undefined), isBlank(''), isBlank(' x '), isBlank(7 as unknown as string)]).toStrictEqual([true, true, false, true]);
    expect([isInstant('2026-03-01T10:00Z'), isInstant('2026-03-01T10:00'), isInstant(undefined as unknown as string)]).toStrictEqual([
      true,
      false,
      false,
    ]);
    expect([isCalendarDate('2025-02-29'), isCalendarDate('2024-02-29')]).toStrictEqual([false, true]);
    expect([isUuid('0B7F9C1E-6A4D-4F3E-9A2B-1C2D3E4F5A6B'), isUuid('0b7f9c1e')]).toStrictEqual([true, false]);
    expect([addDays('2026-02-27', 2), daysBetween('2026-02-27', '2026-03-01'), zoneDayOf(new Date('2026-06-30T22:30:00Z'))]).toStrictEqual([
      '2026-03-01',
      2,
      '2026-07-01',
    ]);
  });
});

/** A state of two collections, evolved through `own` as an aggregate's evolve is. */
interface Shelf {
  books: Record<string, { title: string; lent: boolean }>;
  log: string[];
}
type ShelfEvent = { type: 'Added'; id: string; title: string } | { type: 'Lent'; id: string } | { type: 'Noted'; text: string };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('evolution: an evolve that folds in one pass', () => {
  const given: unknown[] = [];
  const evolveShelf = evolution<Shelf, ShelfEvent>((state, event, own) => {
    given.push(state.books);
    switch (event.type) {
      case 'Added': {
        const books = own(state.books);
        books[event.id] = { title: event.title, lent: false };
        return { ...state, books };
      }
      case 'Lent': {
        const book = state.books[event.id];
        if (!book) return state;
        const books = own(state.books);
        books[event.id] = { ...book, lent: true };
        return { ...state, books };
      }
      case 'Noted': {
        const log = own(state.log);
        log.push(event.text);
        return { ...state, log };
      }
    }
  });
  const events: ShelfEvent[] = [
    { type: 'Added', id: 'a', title: 'Strafwetboek' },
    { type: 'Noted', text: 'first' },
    { type: 'Added', id: 'b', title: 'Sv.' },
    { type: 'Lent', id: 'a' },
    { type: 'Lent', id: 'zzz' },
    { type: 'Noted', text: 'second' },
  ];
  const start = (): Shelf => ({ books: { old: { title: 'Wetboek', lent: true } }, log: ['opened'] });

  it('leaves the state it is given as it was, alone or folding (a frozen state is never written)', () => {
    const state = deepFreeze(start());
    const before = structuredClone(state);
    let stepped: Shelf = state;
    for (const e of events) stepped = evolveShelf(deepFreeze(stepped), e);
    const folded = evolveShelf.fold(state, events);
    expect(state).toStrictEqual(before);
    expect(folded).toStrictEqual(stepped);
    expect(folded.books).not.toBe(state.books);
    expect(folded.log).toStrictEqual(['opened', 'first', 'second']);
  });

  it('folds as one evolve after another would, in the same key order', () => {
    const state = start();
    const folded = evolveShelf.fold(state, events);
    const reduced = events.reduce(evolveShelf, start());
    expect(folded).toStrictEqual(reduced);
    expect(JSON.stringify(folded)).toBe(JSON.stringify(reduced));
    expect(Object.keys(folded.books)).toEqual(['old', 'a', 'b']);
  });

  it('copies a collection once per fold, and once per lone evolve', () => {
    given.length = 0;
    const folded = evolveShelf.fold(start(), events);
    // After the first Added, every step of the fold sees the copy the fold made, not a new one each time.
    const [first, ...rest] = given as Shelf['books'][];
    expect(rest.every((books) => books === folded.books)).toBe(true);
    expect(first).not.toBe(folded.books);
    const once = evolveShelf(folded, { type: 'Added', id: 'c', title: 'BW' });
    expect(once.books).not.toBe(folded.books);
    expect(Object.keys(folded.books)).toEqual(['old', 'a', 'b']);
    // A fold that starts from a folded state copies it again: the copies of a fold end with it.
    const again = evolveShelf.fold(folded, [{ type: 'Lent', id: 'b' }]);
    expect(folded.books.b.lent).toBe(false);
    expect(again.books.b.lent).toBe(true);
  });

  it('foldEvents uses the evolve’s fold when it has one, else evolves one event at a time', () => {
    expect(foldEvents(evolveShelf, start(), events)).toStrictEqual(evolveShelf.fold(start(), events));
    const plain = (n: number, e: number): number => n * 10 + e;
    expect(foldEvents(plain, 0, [1, 2, 3])).toBe(123);
  });
});
