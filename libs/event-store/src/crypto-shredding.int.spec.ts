import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { EncryptionPolicy, erasedList, erasedText, EventEncryption, LocalKeyEncryptionKey } from './crypto-shredding';
import { NewEvent, RecordedEvent, START } from './event-store';
import { PostgresEventStore } from './postgres-event-store';
import { Projection, Projector } from './projector';

@Entity({ name: 'statements', schema: 'shred' })
class StatementRow {
  @PrimaryColumn('text') subjectId: string;
  @Column('text') text: string;
  @Column('jsonb') witnesses: string[];
  @Column('text', { nullable: true }) erased: string | null;
}

/** Statements per subject, as a projection that reads none of their sealed fields keeps them (ADR 0063). */
@Entity({ name: 'statement_counts', schema: 'shred' })
class StatementCountRow {
  @PrimaryColumn('text') subjectId: string;
  @Column('int') statements: number;
  /** The event's data as this projection is handed it. */
  @Column('jsonb') handed: unknown;
}

const statementCounts: Projection<StatementCountRow> = {
  name: 'statement-counts',
  entity: StatementCountRow,
  handles: ['StatementTaken'],
  readsSealedFields: false,
  keys: (e) => [(e.data as { subjectId: string }).subjectId],
  evolve: (row, e) => ({ subjectId: (e.data as { subjectId: string }).subjectId, statements: (row?.statements ?? 0) + 1, handed: e.data }),
};

const statements: Projection<StatementRow> = {
  name: 'statements',
  entity: StatementRow,
  handles: ['StatementTaken'],
  keys: (e) => [(e.data as { subjectId: string }).subjectId],
  evolve: (_row, e: RecordedEvent) => {
    const d = e.data as { subjectId: string; text: string; witnesses: string[] };
    return { subjectId: d.subjectId, text: d.text, witnesses: d.witnesses, erased: e.erased?.text ?? null };
  },
};

const policy: EncryptionPolicy = {
  sensitive: {
    StatementTaken: { keyOf: (d: { subjectId: string }) => `subject-${d.subjectId}`, fields: { text: erasedText, witnesses: erasedList } },
  },
  erasures: {
    SubjectErased: (d: { subjectId: string; by: string; at: string; decision: string }) => ({
      keyId: `subject-${d.subjectId}`,
      by: d.by,
      at: d.at,
      decision: d.decision,
    }),
  },
};

const TEXT = 'Getuige Jan Peeters zag de dader wegrijden in een grijze Opel.';
const meta = { actor: 'staff-1', occurredAt: '2026-12-01T10:00:00Z', correlationId: 'c', causationId: 'c' };
const statement = (subjectId: string): NewEvent => ({
  id: randomUUID(),
  type: 'StatementTaken',
  data: { subjectId, text: TEXT, witnesses: ['Jan Peeters'] },
  metadata: meta,
});
const erasure = (subjectId: string): NewEvent => ({
  id: randomUUID(),
  type: 'SubjectErased',
  data: { subjectId, by: 'staff-dpo', at: '2026-12-07T09:30:00.000Z', decision: 'DPO-2026-014' },
  metadata: meta,
});

describe('crypto-shredding on PostgreSQL (ADR 0053)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let ds: DataSource;
  let projector: Projector;
  const kek = LocalKeyEncryptionKey.generate();
  const A = randomUUID();
  const B = randomUUID();

  /** What someone with the database in hand reads: every table of the schema, as text. */
  async function everythingStored(): Promise<string> {
    const { rows } = await db.pool().query<{ t: string }>(
      `SELECT string_agg(t, E'\\n') AS t FROM (
         SELECT row_to_json(e)::text AS t FROM shred.events e
         UNION ALL SELECT row_to_json(k)::text FROM shred.data_keys k
         UNION ALL SELECT row_to_json(s)::text FROM shred.statements s
         UNION ALL SELECT row_to_json(c)::text FROM shred.statement_counts c) x`,
    );
    return rows[0].t;
  }

  beforeAll(async () => {
    db = await createTestDatabase('shred');
    store = new PostgresEventStore({ pool: db.pool(6), schema: 'shred', encryption: new EventEncryption(policy, kek) });
    await store.migrate();
    ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [StatementRow, StatementCountRow],
      synchronize: true,
      extra: { max: 3 },
    });
    await ds.initialize();
    projector = new Projector({ dataSource: ds, store, schema: 'shred', projections: [statements, statementCounts] });
    await projector.migrate();
    await projector.start();
  });
  afterAll(async () => {
    await projector.stop();
    await store.close();
    await ds.destroy();
    await db.drop();
  });

  it('stores the statement sealed, answers the append and every read in clear, and verifies', async () => {
    const appended = await store.appendToStream(`statements-${A}`, [statement(A)], { answer: true });
    await store.appendToStream(`statements-${B}`, [statement(B)]);
    expect(appended.recorded?.[0].data).toEqual({ subjectId: A, text: TEXT, witnesses: ['Jan Peeters'] });
    const raw = await db.pool().query(`SELECT data FROM shred.events WHERE stream_id = $1`, [`statements-${A}`]);
    expect(JSON.stringify(raw.rows)).not.toContain('Peeters');
    expect(raw.rows[0].data.text).toMatchObject({ $sealed: 'aes-256-gcm', key: `subject-${A}` });
    expect((await store.readStream(`statements-${A}`)).events[0].data).toEqual({ subjectId: A, text: TEXT, witnesses: ['Jan Peeters'] });
    await eventually(async () => expect(await ds.getRepository(StatementRow).count()).toBe(2));
    expect(await store.verifyStream(`statements-${A}`)).toMatchObject({ ok: true, events: 1 });
    // Live, from the same reads: the projection that reads the statement has it in clear, the one that does not has it sealed.
    expect(await ds.getRepository(StatementRow).findOneByOrFail({ subjectId: B })).toMatchObject({ text: TEXT });
    await eventually(async () => expect(await ds.getRepository(StatementCountRow).count()).toBe(2));
    const counted = await ds.getRepository(StatementCountRow).findOneByOrFail({ subjectId: B });
    expect(counted).toMatchObject({ statements: 1, handed: { subjectId: B, text: { $sealed: 'aes-256-gcm', key: `subject-${B}` } } });
    expect(JSON.stringify(counted)).not.toContain('Peeters');
  });

  it('after the key is shredded: the stream verifies as before, the projection shows the marker, a rebuild keeps it, and nothing readable is left', async () => {
    const before = await store.verifyStream(`statements-${A}`);
    // Inside a caller's transaction, as a consumer appends: the key goes with the commit.
    const client = await db.pool().connect();
    await client.query('BEGIN');
    await store.withTransaction(client).appendToStream(`erasures-${A}`, [erasure(A)]);
    await client.query('COMMIT');
    client.release();

    expect(await store.verifyStream(`statements-${A}`)).toEqual(before);
    const marker = 'erased on 2026-12-07 under DPO-2026-014';
    const [read] = (await store.readStream(`statements-${A}`)).events;
    expect(read.data).toEqual({ subjectId: A, text: marker, witnesses: [] });
    expect(read.erased).toMatchObject({ keyId: `subject-${A}`, erasedBy: 'staff-dpo', decision: 'DPO-2026-014' });
    const all = await store.readAll(START);
    expect(all.filter((e) => e.type === 'StatementTaken').map((e) => (e.data as { text: string }).text)).toEqual([marker, TEXT]);

    // The live projection saw the statement before the erasure: a rebuild (what an IT desk runs) projects the marker.
    await projector.rebuild('statements');
    const rows = await ds.getRepository(StatementRow).find({ order: { subjectId: 'ASC' } });
    expect(rows.find((r) => r.subjectId === A)).toEqual({ subjectId: A, text: marker, witnesses: [], erased: marker });
    expect(rows.find((r) => r.subjectId === B)).toEqual({ subjectId: B, text: TEXT, witnesses: ['Jan Peeters'], erased: null });
    // Rebuilt together in one pass (ADR 0063): the one that reads statements keeps the marker; the other never opened one.
    await projector.rebuildTogether(['statements', 'statement-counts']);
    const counts = await ds.getRepository(StatementCountRow).find({ order: { subjectId: 'ASC' } });
    expect(counts.map((c) => [c.subjectId, c.statements])).toEqual([A, B].sort().map((s) => [s, 1]));
    expect(JSON.stringify(counts)).not.toMatch(/Peeters|erased on/);
    expect(await ds.getRepository(StatementRow).findOneByOrFail({ subjectId: A })).toEqual({
      subjectId: A,
      text: marker,
      witnesses: [],
      erased: marker,
    });

    const keys = await db
      .pool()
      .query(`SELECT key_id, wrapped_key, destroyed_by, decision FROM shred.data_keys WHERE key_id = $1`, [`subject-${A}`]);
    expect(keys.rows).toEqual([{ key_id: `subject-${A}`, wrapped_key: null, destroyed_by: 'staff-dpo', decision: 'DPO-2026-014' }]);
    // B's statement is still readable through the store, and only sealed in the tables; A's is nowhere.
    const stored = await everythingStored();
    expect(stored.split('\n').filter((l) => l.includes(A) && l.includes('Peeters'))).toEqual([]);
    await expect(store.appendToStream(`statements-${A}`, [statement(A)])).rejects.toMatchObject({ code: 'data_key_destroyed' });
  });
});
