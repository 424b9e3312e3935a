// visibilityPredicate is canSee in SQL: for every demo user and a few made-up readers, the rows real
// PostgreSQL returns are exactly those canSee grants, over every combination of access attributes.
import { accessLexemesSql, anyLexemeQuery, SEARCH_ACCESS_COLUMNS } from '@police/platform';
import { createTestDatabase, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import { decideAccess } from './access-decision';
import { DEFAULT_COMPARTMENTS, DEFAULT_RESOURCE_POLICIES, ResourceType } from './access-policy';
import { DEV_USERS } from './dev-users';
import { Principal } from './principal';
import { AccessRow, resourceOfRow, visibilityLexemes, visibilityPredicate } from './visibility';

const RULES = { policies: DEFAULT_RESOURCE_POLICIES, compartments: DEFAULT_COMPARTMENTS };
const TYPES: ResourceType[] = ['report', 'investigation', 'evidence_item', 'found_object', 'integrity_complaint', 'disciplinary_case'];
// The search index's columns (aliased `e`), as RecordSearch filters them.
const COLUMNS = SEARCH_ACCESS_COLUMNS;

const PIETER = '5415-0201';
const SOFIE = '5415-0202';
const HILDE = '5415-0402';

function* rows(): Generator<AccessRow> {
  let n = 0;
  for (const type of TYPES)
    for (const teams of [[], ['Diefstallen'], ['Drugs'], ['Zeden'], ['Geweld'], ['Diefstallen', 'Drugs']])
      for (const assignees of [[], [PIETER], [SOFIE, HILDE]])
        for (const designated of [[], [HILDE]])
          for (const assignedTeams of [[], ['GAK']])
            for (const restricted of [false, true])
              for (const compartment of [
                null,
                'integrity:intake',
                'integrity:BIT',
                'integrity:Tucht',
                'integrity:DPO',
                'dpo:restricted-processing',
                'integrity:unknown',
              ])
                for (const concerned of [[], [PIETER], [HILDE, '5415-0001']])
                  yield {
                    type,
                    id: `r${n++}`,
                    caseRef: null,
                    teams,
                    assignees,
                    designated,
                    assignedTeams,
                    restricted,
                    compartment,
                    concerned,
                  };
}

const readers: Principal[] = [
  ...DEV_USERS.map((u) => ({
    staffId: u.staffId,
    username: u.username,
    displayName: u.displayName,
    roles: [...u.roles],
    teams: [...u.teams],
    unit: u.unit,
  })),
  { staffId: HILDE, username: 'no.roles', displayName: 'No Roles', roles: [], teams: ['Diefstallen'], unit: '' },
  {
    staffId: '9999-0002',
    username: 'many',
    displayName: 'Many',
    roles: ['detective', 'front_desk', 'evidence_officer', 'dpo'],
    teams: ['Drugs', 'Zeden', 'GAK'],
    unit: '',
  },
  {
    staffId: PIETER,
    username: 'pieter.other',
    displayName: 'Pieter as chief',
    roles: ['chief', 'integrity_investigator'],
    teams: [],
    unit: '',
  },
];

describe('visibilityPredicate: canSee, in SQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  const all = [...rows()];

  beforeAll(async () => {
    db = await createTestDatabase('visibility');
    pool = db.pool(2);
    await pool.query(`CREATE TABLE access (id text PRIMARY KEY, "accessType" text NOT NULL, "accessTeams" text[] NOT NULL, "accessAssignees" text[] NOT NULL,
      "accessDesignated" text[] NOT NULL, "accessAssignedTeams" text[] NOT NULL, "accessRestricted" boolean NOT NULL, "accessCompartment" text,
      "accessConcerned" text[] NOT NULL, lexemes tsvector)`);
    await pool.query(
      `INSERT INTO access SELECT *, NULL FROM jsonb_to_recordset($1::jsonb) AS x(id text, "accessType" text, "accessTeams" text[], "accessAssignees" text[], "accessDesignated" text[],
         "accessAssignedTeams" text[], "accessRestricted" boolean, "accessCompartment" text, "accessConcerned" text[])`,
      [
        JSON.stringify(
          all.map((r) => ({
            id: r.id,
            accessType: r.type,
            accessTeams: r.teams,
            accessAssignees: r.assignees,
            accessDesignated: r.designated,
            accessAssignedTeams: r.assignedTeams,
            accessRestricted: r.restricted,
            accessCompartment: r.compartment,
            accessConcerned: r.concerned,
          })),
        ),
      ],
    );
    // The access lexemes as the search index's trigger writes them.
    await pool.query(`UPDATE access AS e SET lexemes = array_to_tsvector(${accessLexemesSql('e')})`);
  });

  afterAll(async () => {
    await db.drop();
  });

  it(`covers ${all.length} combinations of attributes`, () => {
    expect(all.length).toBe(6 * 6 * 3 * 2 * 2 * 2 * 7 * 3);
  });

  it.each(readers.map((r) => [`${r.username} (${r.roles.join(', ') || 'no role'}; ${r.teams.join(', ') || 'no team'})`, r] as const))(
    '%s sees in SQL exactly what canSee grants',
    async (_name, reader) => {
      const params: unknown[] = [];
      const where = visibilityPredicate(reader, TYPES, RULES, COLUMNS, (v) => {
        params.push(v);
        return `$${params.length}`;
      });
      const { rows: found } = await pool.query<{ id: string }>(`SELECT e.id FROM access e WHERE ${where}`, params);
      const expected = all
        .filter((r) => decideAccess(reader, resourceOfRow(r, reader), 'read', undefined, RULES.policies, RULES.compartments).granted)
        .map((r) => r.id)
        .sort();
      expect(found.map((r) => r.id).sort()).toEqual(expected);
      // Not vacuous: every reader sees something but the ops role's (IT: metrics, no record of any case),
      // which sees nothing; and nobody sees everything.
      if (reader.roles.join() === 'ops') expect(expected).toEqual([]);
      else expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      // The access lexemes narrow to the same records (the staff a record concerns apart, whom the predicate excludes).
      const narrowed = await pool.query<{ id: string }>(
        `SELECT e.id FROM access e WHERE e.lexemes @@ $1::tsquery AND e."accessType" = ANY($2::text[]) AND NOT e."accessConcerned" @> $3::text[]`,
        [anyLexemeQuery(visibilityLexemes(reader, TYPES, RULES)), TYPES, [reader.staffId]],
      );
      expect(narrowed.rows.map((r) => r.id).sort()).toEqual(expected);
    },
  );

  it('answers nothing of a type it was not asked about', async () => {
    const reader = readers.find((r) => r.username === 'pieter.janssens')!;
    const params: unknown[] = [];
    const where = visibilityPredicate(reader, ['investigation'], RULES, COLUMNS, (v) => {
      params.push(v);
      return `$${params.length}`;
    });
    const { rows: found } = await pool.query<{ type: string }>(
      `SELECT DISTINCT e."accessType" AS type FROM access e WHERE ${where}`,
      params,
    );
    expect(found.map((r) => r.type)).toEqual(['investigation']);
  });
});
