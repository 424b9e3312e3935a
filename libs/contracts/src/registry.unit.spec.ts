import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  CONTRACTS,
  ContractType,
  custodyTransferredV1Fixture,
  findContract,
  foundObjectDeclaredV1Fixture,
  isContractType,
  itemRegisteredV1Fixture,
  ItemRegisteredV1,
  reportReferredForInvestigationV1Fixture,
  validateContract,
} from './index';

const TYPE_PATTERN = /^([a-z][a-z-]*)\.([A-Z][A-Za-z0-9]*)\.v([1-9][0-9]*)$/;
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Every contract file on disk: `<producer>/<kebab-event>.v<N>.ts`, and the contract classes it exports. */
function contractFiles(): { folder: string; file: string; classes: { name: string; type: string }[] }[] {
  const dirs = readdirSync(__dirname).filter((d) => statSync(path.join(__dirname, d)).isDirectory());
  return dirs.flatMap((folder) =>
    readdirSync(path.join(__dirname, folder))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => {
        const exported = require(path.join(__dirname, folder, file)) as Record<string, unknown>;
        const classes = Object.entries(exported)
          .filter(([, v]) => typeof v === 'function' && typeof (v as { type?: unknown }).type === 'string')
          .map(([name, v]) => ({ name, type: (v as { type: string }).type }));
        return { folder, file, classes };
      }),
  );
}

describe('contract registry', () => {
  it('holds every contract file, one contract per file, named after its folder, event and version', () => {
    const files = contractFiles();
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const { folder, file, classes } of files) {
      expect({ file, count: classes.length }).toEqual({ file, count: 1 });
      const [{ name, type }] = classes;
      const m = TYPE_PATTERN.exec(type);
      expect({ file, type, matches: Boolean(m) }).toEqual({ file, type, matches: true });
      const [, context, event, version] = m!;
      expect({ context, file, name }).toEqual({ context: folder, file: `${kebab(event)}.v${version}.ts`, name: `${event}V${version}` });
    }
    const onDisk = files.flatMap((f) => f.classes.map((c) => c.type)).sort();
    expect(CONTRACTS.map((c) => c.type)).toEqual(onDisk);
  });

  it('has unique type strings', () => {
    const types = CONTRACTS.map((c) => c.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it.each(CONTRACTS.map((c) => [c.type, c] as const))('accepts the fixture of %s as an instance of its class', async (type, entry) => {
    const result = await validateContract(type, entry.fixture);
    expect(result).toEqual({ ok: true, value: entry.fixture });
    expect(result.ok && result.value).toBeInstanceOf(entry.contract);
  });

  it.each(CONTRACTS.map((c) => [c.type, c] as const))('refuses a property %s does not declare', async (type, entry) => {
    expect(await validateContract(type, { ...entry.fixture, nationalNumber: '85.07.30-033.28' })).toEqual({
      ok: false,
      errors: [{ field: 'nationalNumber', detail: 'property nationalNumber should not exist' }],
    });
  });

  it('names every field in error, without echoing values', async () => {
    const { labelNumber: _dropped, ...withoutLabel } = itemRegisteredV1Fixture;
    expect(
      await validateContract('evidence.ItemRegistered.v1', { ...withoutLabel, category: 'spaceship', seizedAt: '2025-03-16' }),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'labelNumber', detail: 'labelNumber must be longer than or equal to 1 characters' },
        { field: 'labelNumber', detail: 'labelNumber must be a string' },
        {
          field: 'category',
          detail:
            'category must be one of the following values: weapon, drugs, cash, vehicle, data_carrier, document, jewellery, electronics, trace, other',
        },
        { field: 'seizedAt', detail: 'seizedAt must be RFC 3339 date' },
      ],
    });
  });

  it('validates nested objects and arrays of them, with the path of the field', async () => {
    const f = reportReferredForInvestigationV1Fixture;
    const payload = {
      ...f,
      place: { ...f.place, postalCode: 9000 },
      parties: [
        { ...f.parties[0], phone: '0470 00 00 00' },
        { ...f.parties[1], role: 'boss' },
      ],
    };
    expect(await validateContract('reports.ReportReferredForInvestigation.v1', payload)).toEqual({
      ok: false,
      errors: [
        { field: 'place.postalCode', detail: 'postalCode must be longer than or equal to 4 and shorter than or equal to 4 characters' },
        { field: 'place.postalCode', detail: 'postalCode must be a string' },
        { field: 'parties.0.phone', detail: 'property phone should not exist' },
        {
          field: 'parties.1.role',
          detail: 'role must be one of the following values: aangever, slachtoffer, benadeelde, verdachte, getuige, andere',
        },
      ],
    });
    expect(await validateContract('reports.ReportReferredForInvestigation.v1', { ...f, place: 'Gent', parties: ['A. Peeters'] })).toEqual({
      ok: false,
      errors: [
        { field: 'place', detail: 'nested property place must be either object or array' },
        { field: 'parties.0', detail: 'each value in nested property parties must be either object or array' },
      ],
    });
  });

  it('checks calendar dates and hashes by their format', async () => {
    expect(await validateContract('reports.FoundObjectDeclared.v1', { ...foundObjectDeclaredV1Fixture, foundOn: '2025-02-30' })).toEqual({
      ok: false,
      errors: [{ field: 'foundOn', detail: 'foundOn must be a valid ISO 8601 date string' }],
    });
    expect(
      await validateContract('reports.FoundObjectDeclared.v1', { ...foundObjectDeclaredV1Fixture, foundOn: '2025-02-03T10:00:00Z' }),
    ).toEqual({
      ok: false,
      errors: [{ field: 'foundOn', detail: 'foundOn must be a calendar date (YYYY-MM-DD)' }],
    });
    expect(await validateContract('evidence.CustodyTransferred.v1', { ...custodyTransferredV1Fixture, chainHash: 'ABC' })).toEqual({
      ok: false,
      errors: [{ field: 'chainHash', detail: 'chainHash must be a hex SHA-256 (64 lowercase hex digits)' }],
    });
  });

  it('refuses an unknown type and a payload that is not an object', async () => {
    expect(await validateContract('evidence.ItemRegistered.v9', itemRegisteredV1Fixture)).toEqual({
      ok: false,
      errors: [{ field: 'type', detail: 'unknown contract type "evidence.ItemRegistered.v9"' }],
    });
    for (const payload of [null, undefined, 'x', 42, [itemRegisteredV1Fixture]]) {
      expect(await validateContract('evidence.ItemRegistered.v1', payload)).toEqual({
        ok: false,
        errors: [{ field: '$', detail: 'payload must be a JSON object' }],
      });
    }
  });

  it('looks contracts up by type', () => {
    const type: ContractType = 'evidence.ItemRegistered.v1';
    expect(findContract(type)).toEqual({ type, name: 'ItemRegisteredV1', contract: ItemRegisteredV1, fixture: itemRegisteredV1Fixture });
    expect(findContract('evidence.ItemSeized.v1')).toBeUndefined();
    expect([isContractType(type), isContractType('evidence.ItemSeized.v1')]).toEqual([true, false]);
  });
});
