import {
  clientErrorProblem,
  headerName,
  INPUT_LIMITS,
  jsonProblems,
  numberProblem,
  pathProblems,
  TEXT_PATTERN,
  textProblem,
} from './input-rules';

describe('the input rules every request meets', () => {
  describe('strings', () => {
    it('refuse a NUL character and lone UTF-16 surrogates, high or low', () => {
      expect(textProblem('a\u0000b')).toBe('must not contain a NUL character');
      expect(textProblem('a\ud800b')).toBe('must not contain a lone UTF-16 surrogate (it is not valid Unicode)');
      expect(textProblem('a\udc00')).toBe('must not contain a lone UTF-16 surrogate (it is not valid Unicode)');
      expect(textProblem('\ud800')).toBe('must not contain a lone UTF-16 surrogate (it is not valid Unicode)');
    });

    it('accept any other text: accents, emoji (a surrogate pair), tabs, newlines and other control characters', () => {
      for (const ok of ['', 'Voorbeeldstraat 12', 'één café', 'bodycam 📹 beelden', 'regel 1\nregel 2\tkolom', 'form\ffeed']) {
        expect({ ok, problem: textProblem(ok) }).toEqual({ ok, problem: undefined });
      }
    });
    it('are stated for the documents as a pattern that refuses what textProblem refuses, lone surrogates apart', () => {
      const pattern = new RegExp(TEXT_PATTERN, 'u');
      for (const text of ['', 'Gent', 'Zoë 😀', 'a\tb\nc\u0001', 'a\u0000b', '\u0000']) {
        expect({ text, matches: pattern.test(text) }).toEqual({ text, matches: textProblem(text) === undefined });
      }
    });
  });

  describe('numbers', () => {
    it('refuse what JSON can write but no field can hold: non-finite values and integers beyond 2^53', () => {
      expect(numberProblem(JSON.parse('1e400'))).toBe('must be a finite number');
      expect(numberProblem(JSON.parse('-1e400'))).toBe('must be a finite number');
      expect(numberProblem(NaN)).toBe('must be a finite number');
      expect(numberProblem(1e20)).toBe('must be between -9007199254740991 and 9007199254740991');
      expect(numberProblem(-(2 ** 53))).toBe('must be between -9007199254740991 and 9007199254740991');
    });

    it('accept finite numbers written any way JSON allows, exponents included', () => {
      for (const text of ['0', '-0', '1.5', '2e3', '1E-7', '1e-400', '9007199254740991'])
        expect({ text, problem: numberProblem(JSON.parse(text)) }).toEqual({ text, problem: undefined });
    });
  });

  describe('a JSON body', () => {
    it('names every field at fault by its dotted path, member names included', () => {
      const body = JSON.parse(
        '{"narrative":"a\\u0000b","parties":[{"name":"ok"},{"name":"x\\ud800"}],"quantity":{"amount":1e400},"k\\u0000y":1}',
      );
      expect(jsonProblems(body)).toEqual([
        { field: 'narrative', detail: 'must not contain a NUL character' },
        { field: 'parties.1.name', detail: 'must not contain a lone UTF-16 surrogate (it is not valid Unicode)' },
        { field: 'quantity.amount', detail: 'must be a finite number' },
        { field: 'k\ufffdy', detail: 'name must not contain a NUL character' },
      ]);
    });

    it(`refuses nesting deeper than ${INPUT_LIMITS.maxDepth} levels, even 100 000 deep, without recursion`, () => {
      const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
      expect(jsonProblems(deep)).toEqual([
        { field: Array(INPUT_LIMITS.maxDepth).fill('0').join('.'), detail: `nests deeper than ${INPUT_LIMITS.maxDepth} levels` },
      ]);
      const atLimit = JSON.parse('{"a":'.repeat(INPUT_LIMITS.maxDepth) + '1' + '}'.repeat(INPUT_LIMITS.maxDepth));
      expect(jsonProblems(atLimit)).toEqual([]);
      const overLimit = JSON.parse('{"a":'.repeat(INPUT_LIMITS.maxDepth + 1) + '1' + '}'.repeat(INPUT_LIMITS.maxDepth + 1));
      expect(jsonProblems(overLimit)).toHaveLength(1);
    });

    it(`lists at most ${INPUT_LIMITS.maxErrors} fields`, () => {
      expect(jsonProblems(Array(1000).fill('\u0000'))).toHaveLength(INPUT_LIMITS.maxErrors);
    });

    it('finds nothing wrong with an ordinary body, nulls and booleans included', () => {
      expect(
        jsonProblems({ kind: 'aangifte', urgent: false, place: null, parties: [{ name: 'A. Peeters', roles: ['victim'] }], amount: 0.125 }),
      ).toEqual([]);
    });
  });

  it('checks every decoded segment of the path', () => {
    expect(pathProblems('/api/reports/a%00b')).toEqual([{ field: 'path', detail: 'must not contain a NUL character' }]);
    expect(pathProblems('/api/reports/%ED%A0%80')).toEqual([{ field: 'path', detail: 'must be valid percent-encoded UTF-8' }]);
    expect(pathProblems('/api/reports/caf%C3%A9')).toEqual([]);
  });

  describe('a request Node refuses before the app sees it', () => {
    it('names the header with a control character', () => {
      const rawPacket = Buffer.from('GET /api/reports HTTP/1.1\r\nHost: x\r\nX-Justification: a\u0000b\r\n\r\n', 'latin1');
      const { status, body } = clientErrorProblem({ code: 'HPE_INVALID_HEADER_TOKEN', rawPacket });
      expect({ status, body: JSON.parse(body) }).toEqual({
        status: 400,
        body: {
          type: 'https://police-case-platform.example/problems/validation',
          title: 'The request is not valid',
          status: 400,
          detail: 'X-Justification: must not contain control characters',
          errors: [{ field: 'X-Justification', detail: 'must not contain control characters' }],
        },
      });
    });

    it('keeps the status Node gives too large headers, and answers a bare 400 problem otherwise', () => {
      expect(clientErrorProblem({ code: 'HPE_HEADER_OVERFLOW' }).status).toBe(431);
      expect(JSON.parse(clientErrorProblem({ code: 'HPE_INVALID_URL' }).body)).toMatchObject({ status: 400, title: 'Bad request' });
    });

    it('writes header names as the API documents them', () => {
      expect(headerName('x-justification-case')).toBe('X-Justification-Case');
      expect(headerName('if-match')).toBe('If-Match');
    });
  });
});
