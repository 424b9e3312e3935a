// A name searched by a part of it, on real PostgreSQL: the trigram index is installed once (again at every
// start without error) and the planner serves `ILIKE '%…%'` from it instead of scanning the table.
import { createTestDatabase, TestDatabase } from '@police/testing';
import { Column, DataSource, Entity, Index, PrimaryColumn } from 'typeorm';
import { dataSourceOnPool } from './runtime';
import { installTrigramIndexes, TrigramIndex } from './trigram-index';

@Entity({ name: 'people', schema: 'trgm' })
class PersonRow {
  @PrimaryColumn('text') id: string;
  @Index() @TrigramIndex() @Column('text') displayName: string;
}

describe('trigram indexes', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('trgm');
    const pool = db.pool(2);
    await pool.query('CREATE SCHEMA trgm');
    ds = dataSourceOnPool(pool, [PersonRow], { synchronize: true });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('installs the index idempotently and a substring search of a name uses it', async () => {
    await installTrigramIndexes(ds);
    await installTrigramIndexes(ds);
    const indexes = (await ds.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'trgm' AND indexname = 'people_displayName_trgm'`,
    )) as {
      indexdef: string;
    }[];
    expect(indexes).toHaveLength(1);
    expect(indexes[0].indexdef).toMatch(/USING gin \("displayName" (public\.)?gin_trgm_ops\)/);

    await ds.query(
      `INSERT INTO trgm.people (id, "displayName") SELECT 'p' || g, 'Persoon ' || md5(g::text) FROM generate_series(1, 20000) AS g`,
    );
    await ds.query(`INSERT INTO trgm.people (id, "displayName") VALUES ('dubbel', 'J. Dubbelaere')`);
    await ds.query('ANALYZE trgm.people');
    const found = await ds.getRepository(PersonRow).createQueryBuilder('p').where('p.displayName ILIKE :n', { n: '%dubbel%' }).getMany();
    expect(found.map((p) => p.id)).toEqual(['dubbel']);
    // The routes bind the pattern as a parameter; PostgreSQL plans an unnamed statement with its value, as here.
    const plan = ((await ds.query(`EXPLAIN SELECT id FROM trgm.people WHERE "displayName" ILIKE '%dubbel%'`)) as { 'QUERY PLAN': string }[])
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toContain('Bitmap Index Scan on "people_displayName_trgm"');
    expect(plan).not.toContain('Seq Scan');
  });
});
