// The services find a data subject's name in SQL (normalizedNameSql) and confirm it in TypeScript (normalizeName):
// both must agree on every name, whatever the database's locale. Real PostgreSQL.
import { createTestDatabase, TestDatabase } from '@police/testing';
import type { Pool } from 'pg';
import { normalizedNameSql, normalizeName } from './data-subjects';

const NAMES = [
  'Hélène Dupré',
  '  HÉLÈNE   DUPRÉ ',
  'Noël Daële',
  'Çelik Øzdemir',
  'ÇELIK ØZDEMIR',
  'Łukasz Wąsowski',
  'Zoë Vandersteen',
  'François Lefèvre',
  'Ana Muñoz Peña',
  'Søren Ærø',
  'Straße',
  'Jean-Pierre O’Neill',
  "Jan D'Hondt",
  'Ğül Şahin',
  'Đorđe Ćirić',
  'ÅSA NÄSLUND',
  'Koen\tClaes',
];

describe('name normalisation in PostgreSQL and in TypeScript (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('dsr_names');
    pool = db.pool(1);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('gives the same form for every name', async () => {
    const { rows } = await pool.query<{ name: string; normalized: string }>(
      `SELECT name, ${normalizedNameSql('name')} AS normalized FROM unnest($1::text[]) AS name`,
      [NAMES],
    );
    expect(rows.map((r) => r.normalized)).toEqual(NAMES.map(normalizeName));
  });

  it('finds a name recorded with accents by the name asked without them, as the services query it', async () => {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT name FROM unnest($1::text[]) AS name WHERE ${normalizedNameSql('name')} = $2`,
      [NAMES, normalizeName('Helene Dupre')],
    );
    expect(rows.map((r) => r.name)).toEqual(['Hélène Dupré', '  HÉLÈNE   DUPRÉ ']);
  });
});
