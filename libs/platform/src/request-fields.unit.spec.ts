import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { classSchemas } from './json-schema';
import { toFieldErrors } from './problem-details';
import {
  IsAmount,
  IsCalendarDate,
  isCalendarDate,
  IsCount,
  IsDateOrInstant,
  IsInstant,
  isInstant,
  Nested,
  Optional,
  PageLimit,
  PageOffset,
  PAGING,
  RequiredWhen,
} from './request-fields';

class Place {
  @IsString() municipality: string;
}

class Body {
  @Nested(() => Place) place: Place;
  @Optional() @Nested(() => Place) otherPlace?: Place;
  @Optional() @IsString() note?: string;
  @Optional() @Nested(() => Place, { each: true }) places?: Place[];
}

class Dates {
  @Optional() @IsCalendarDate() day?: string;
  @Optional() @IsInstant() at?: string;
  @Optional() @IsDateOrInstant() from?: string;
}

class Numbers {
  @Optional() @IsCount() hits?: number;
  @Optional() @IsAmount({ max: 1_000_000_000, places: 3 }) amount?: number;
}

class Verdict {
  @IsString() outcome: string;
  @RequiredWhen('outcome', 'rejected') @IsString() reason?: string;
}

class Page {
  @PageLimit() limit?: number;
  @PageOffset() offset?: number;
}

function errors<T extends object>(type: new () => T, plain: object): { field: string; detail: string }[] {
  return toFieldErrors(validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true }));
}

describe('the field decorators of request DTOs', () => {
  describe('Optional and Nested', () => {
    it('requires a nested object unless optional, and names it when missing', () => {
      expect(errors(Body, {})).toEqual([{ field: 'place', detail: 'place must be an object' }]);
      expect(errors(Body, { place: 'Gent' })).toEqual([{ field: 'place', detail: 'place must be an object' }]);
      expect(errors(Body, { place: { municipality: 'Gent' } })).toEqual([]);
    });

    it('validates null like any value: an optional field given as null is refused, not skipped', () => {
      expect(errors(Body, { place: { municipality: 'Gent' }, otherPlace: null, note: null })).toEqual([
        { field: 'otherPlace', detail: 'otherPlace must be an object' },
        { field: 'note', detail: 'note must be a string' },
      ]);
      expect(errors(Body, { place: null })).toEqual([{ field: 'place', detail: 'place must be an object' }]);
    });

    it('validates every element of a nested array by its class', () => {
      expect(errors(Body, { place: { municipality: 'Gent' }, places: [{ municipality: 'Gent' }, { municipality: 7 }] })).toEqual([
        { field: 'places.1.municipality', detail: 'municipality must be a string' },
      ]);
    });
  });

  describe('dates', () => {
    it('take calendar dates that exist, written YYYY-MM-DD', () => {
      for (const ok of ['2026-03-02', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])
        expect({ ok, valid: isCalendarDate(ok) }).toEqual({ ok, valid: true });
      for (const bad of [
        '2026-02-29',
        '1900-02-29',
        '2026-02-30',
        '2026-13-01',
        '2026-00-10',
        '2026-04-31',
        '0000-01-01',
        '2026-W10-1',
        '2026-069',
        '20260302',
        '2026-3-2',
        '2026-03-02T00:00:00Z',
        ' 2026-03-02',
        20260302,
        null,
      ]) {
        expect({ bad, valid: isCalendarDate(bad) }).toEqual({ bad, valid: false });
      }
    });

    it('take instants with an offset, on days and at times that exist', () => {
      for (const ok of [
        '2026-11-20T09:30:00Z',
        '2026-11-20T09:30Z',
        '2026-11-20T10:30:00+01:00',
        '2026-11-20T09:30:00.123456Z',
        '2024-02-29T23:59:59-05:30',
      ]) {
        expect({ ok, valid: isInstant(ok) }).toEqual({ ok, valid: true });
      }
      for (const bad of [
        '2026-11-20',
        '2026-11-20T09:30:00',
        '2026-11-15T10',
        '2026-11-15T10:00,5Z',
        '2026-W10-1',
        '2026-W10-1T10:00Z',
        '2026-069T10:00Z',
        '20261120T093000Z',
        '2026-02-30T10:00:00Z',
        '2026-11-20T24:00:00Z',
        '2026-11-20T09:60:00Z',
        '2026-11-20T09:30:60Z',
        '2026-11-20T09:30:00+24:00',
        '2026-11-20t09:30:00z',
        'yesterday',
      ]) {
        expect({ bad, valid: isInstant(bad) }).toEqual({ bad, valid: false });
      }
    });

    it('name the field in one error each', () => {
      expect(errors(Dates, { day: '2026-W10-1', at: '2026-W10-1', from: '2026-069' })).toEqual([
        { field: 'day', detail: 'day must be a calendar date (YYYY-MM-DD) that exists' },
        { field: 'at', detail: 'at must be a date-time with an offset, e.g. 2026-11-20T09:30:00Z or 2026-11-20T10:30:00+01:00' },
        { field: 'from', detail: 'from must be a calendar date (YYYY-MM-DD) or a date-time with an offset (2026-11-20T09:30:00Z)' },
      ]);
      expect(errors(Dates, { day: '2026-03-02', at: '2026-03-02T10:00:00Z', from: '2026-03-02' })).toEqual([]);
      expect(errors(Dates, { from: '2026-03-02T10:00:00+01:00' })).toEqual([]);
    });
  });

  describe('numbers', () => {
    it('take counts as whole numbers from 0 to what an integer column holds', () => {
      expect(errors(Numbers, { hits: 0 })).toEqual([]);
      expect(errors(Numbers, { hits: 2_147_483_647 })).toEqual([]);
      for (const bad of [-1, 1.5, 2_147_483_648, 1e20, '3'])
        expect({ bad, errors: errors(Numbers, { hits: bad }) }).toEqual({
          bad,
          errors: [{ field: 'hits', detail: 'hits must be a whole number from 0 to 2147483647' }],
        });
    });

    it('take amounts above 0 and up to their maximum, with at most the decimals allowed, however the number is written', () => {
      for (const ok of [1, 0.001, 2.5, 1e3, 1_000_000_000])
        expect({ ok, errors: errors(Numbers, { amount: ok }) }).toEqual({ ok, errors: [] });
      for (const bad of [0, -1, 0.0001, 1e-7, 1.5e-3 / 10, 1_000_000_001, 1e300]) {
        expect({ bad, errors: errors(Numbers, { amount: bad }) }).toEqual({
          bad,
          errors: [{ field: 'amount', detail: 'amount must be a number above 0 up to 1000000000, with at most 3 decimals' }],
        });
      }
    });

    it('state the decimals of an amount in its JSON Schema as a multiple of the smallest step', () => {
      expect((classSchemas([Numbers], '#/').Numbers.properties as Record<string, unknown>).amount).toEqual({
        type: 'number',
        exclusiveMinimum: 0,
        maximum: 1_000_000_000,
        multipleOf: 0.001,
        description: 'At most 3 decimals.',
      });
    });
  });

  describe('RequiredWhen', () => {
    it('requires the field when the other has the value, and validates it whenever given', () => {
      expect(errors(Verdict, { outcome: 'approved' })).toEqual([]);
      expect(errors(Verdict, { outcome: 'rejected', reason: 'Onvolledig' })).toEqual([]);
      expect(errors(Verdict, { outcome: 'rejected' })).toEqual([{ field: 'reason', detail: 'reason must be a string' }]);
      expect(errors(Verdict, { outcome: 'approved', reason: 3 })).toEqual([{ field: 'reason', detail: 'reason must be a string' }]);
    });

    it('states the condition in the JSON Schema with if/then', () => {
      expect(classSchemas([Verdict], '#/').Verdict).toMatchObject({
        required: ['outcome'],
        if: { properties: { outcome: { const: 'rejected' } }, required: ['outcome'] },
        then: { required: ['reason'] },
      });
    });
  });

  describe('paging', () => {
    it(`takes limit from 1 to ${PAGING.maxLimit} and offset from 0 to ${PAGING.maxOffset}, written in digits`, () => {
      const page = plainToInstance(Page, { limit: '25', offset: '100' });
      expect(page).toEqual({ limit: 25, offset: 100 });
      expect(errors(Page, { limit: '25', offset: '0' })).toEqual([]);
      expect(errors(Page, {})).toEqual([]);
      expect(errors(Page, { limit: String(PAGING.maxLimit), offset: String(PAGING.maxOffset) })).toEqual([]);
    });

    it('refuses anything else, exponents and hexadecimal included, naming the parameter', () => {
      for (const limit of ['0', '201', '1e2', '0x10', '1.5', ' 5', '-1', '', 'ten', '99999999999999999999']) {
        expect({ limit, errors: errors(Page, { limit }) }).toEqual({
          limit,
          errors: [{ field: 'limit', detail: `limit must be a whole number from 1 to ${PAGING.maxLimit}` }],
        });
      }
      for (const offset of ['-1', '1e20', String(PAGING.maxOffset + 1)]) {
        expect({ offset, errors: errors(Page, { offset }) }).toEqual({
          offset,
          errors: [{ field: 'offset', detail: `offset must be a whole number from 0 to ${PAGING.maxOffset}` }],
        });
      }
    });
  });
});
