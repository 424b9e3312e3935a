// A list whose visibility is judged outside the database (keptPage, ADR 0061), on real PostgreSQL: read a chunk at
// a time in the list's order, it gives the same pages as the filter applied to the whole list, by offset and by
// cursor, across chunk boundaries and ties on the sort key, and reads no further than the page needs.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@police/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { keptPage, ListOrder } from './list-page';
import { dataSourceOnPool } from './runtime';

@Entity({ name: 'things', schema: 'kept' })
class ThingRow {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz') at: Date;
  @Column('int') n: number;
}

const ORDER: ListOrder<ThingRow> = {
  key: 't.at',
  keyType: 'timestamptz',
  id: 't.id',
  position: (r) => [new Date(r.at).toISOString(), r.id],
};

describe('keptPage', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let all: ThingRow[];

  beforeAll(async () => {
    db = await createTestDatabase('kept');
    const pool = db.pool(2);
    await pool.query('CREATE SCHEMA kept');
    ds = dataSourceOnPool(pool, [ThingRow], { synchronize: true });
    await ds.initialize();
    // 97 rows, three to an instant (ties broken by id).
    const rows = Array.from({ length: 97 }, (_, n) => ({
      id: randomUUID(),
      at: new Date(Date.UTC(2026, 11, 1, 0, 0, Math.floor(n / 3))),
      n,
    }));
    await ds.getRepository(ThingRow).insert(rows);
    all = await ds.getRepository(ThingRow).createQueryBuilder('t').orderBy('t.at', 'DESC').addOrderBy('t.id', 'DESC').getMany();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const visible = (r: ThingRow) => r.n % 3 !== 1;
  const judged: number[] = [];
  const keep = async (rows: ThingRow[]) => {
    judged.push(rows.length);
    return rows.filter(visible).map((row) => ({ row }));
  };
  const page = (p: { limit: number; offset?: number; after?: string }) =>
    keptPage(ds.getRepository(ThingRow).createQueryBuilder('t'), ORDER, p, keep, (k) => k.row, 7);

  it('walks the whole list by cursor: the visible rows, in order, each once', async () => {
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const { kept, next } = await page({ limit: 5, ...(after ? { after } : {}) });
      seen.push(...kept.map((k) => k.row.n));
      if (!next) break;
      after = next;
    }
    expect(seen).toEqual(all.filter(visible).map((r) => r.n));
  });

  it('gives by offset the slice of the visible rows, and says whether more follow', async () => {
    const expected = all.filter(visible).map((r) => r.n);
    for (const offset of [0, 4, 30, 60, 64, 65, 70]) {
      const { kept, next } = await page({ limit: 5, offset });
      expect(kept.map((k) => k.row.n)).toEqual(expected.slice(offset, offset + 5));
      expect(next !== undefined).toBe(offset + 5 < expected.length);
    }
  });

  it('reads only as far as the page needs', async () => {
    judged.length = 0;
    await page({ limit: 5 });
    // Six visible rows (the page and one to know that more follow) lie in the first nine rows: two chunks of seven.
    expect(judged).toEqual([7, 7]);
  });
});
