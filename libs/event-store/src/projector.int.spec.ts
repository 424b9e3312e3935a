import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { ev } from './event-store.contract';
import { comparePositions, RecordedEvent, START } from './event-store';
import { PostgresEventStore } from './postgres-event-store';
import { Projection, ProjectionProgress, Projector } from './projector';

@Entity({ name: 'case_summaries', schema: 'proj' })
class CaseSummary {
  @PrimaryColumn('text') id: string;
  @Column('text') title: string;
  @Column('int') notes: number;
  @Column('text', { array: true }) tags: string[];
  @Column('jsonb', { nullable: true }) lastNote: { text: string; by: string } | null;
  @Column('timestamptz') updatedAt: Date;
}

/** A row with a column the database keeps itself (a trigger): the projector must leave it alone. */
@Entity({ name: 'titled', schema: 'proj' })
class Titled {
  @PrimaryColumn('text') id: string;
  @Column('text') title: string;
  @Column('int', { nullable: true, select: false }) titleLength?: number | null;
}

/** Notes per case, and the positions of the events that made them (to see each arrive once, in order). */
@Entity({ name: 'note_counts', schema: 'proj' })
class NoteCount {
  @PrimaryColumn('text') id: string;
  @Column('int') notes: number;
  @Column('jsonb') positions: string[];
}

@Entity({ name: 'flaky_counts', schema: 'proj' })
class FlakyCount {
  @PrimaryColumn('text') id: string;
  @Column('int') count: number;
}

const summaries: Projection<CaseSummary> = {
  name: 'case-summaries',
  entity: CaseSummary,
  handles: ['CaseOpened', 'NoteAdded', 'CaseDeleted'],
  keys: (e) => [e.streamId],
  evolve: (row, e: RecordedEvent) => {
    const d = e.data as { title?: string; text?: string; tag?: string };
    const at = new Date(e.metadata.occurredAt);
    switch (e.type) {
      case 'CaseOpened':
        return { id: e.streamId, title: d.title!, notes: 0, tags: [], lastNote: null, updatedAt: at };
      case 'NoteAdded':
        return (
          row && {
            ...row,
            notes: row.notes + 1,
            tags: d.tag ? [...row.tags, d.tag] : row.tags,
            lastNote: { text: d.text!, by: e.metadata.actor },
            updatedAt: at,
          }
        );
      case 'CaseDeleted':
        return null;
      default:
        return row;
    }
  },
};

const noteCounts: Projection<NoteCount> = {
  name: 'note-counts',
  entity: NoteCount,
  handles: ['NoteAdded'],
  readsSealedFields: false,
  keys: (e) => [e.streamId],
  evolve: (row, e) => ({
    id: e.streamId,
    notes: (row?.notes ?? 0) + 1,
    positions: [...(row?.positions ?? []), `${e.position.commit}/${e.position.prepare}`],
  }),
};

describe('Projector (PostgreSQL + TypeORM read model)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let ds: DataSource;
  let projector: Projector;

  const rows = async () => (await ds.getRepository(CaseSummary).find({ order: { id: 'ASC' } })).map((r) => ({ ...r }));

  beforeAll(async () => {
    db = await createTestDatabase('proj');
    store = new PostgresEventStore({ pool: db.pool(10), schema: 'proj' });
    await store.migrate();
    ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [CaseSummary, NoteCount, FlakyCount, Titled],
      synchronize: true,
      extra: { max: 5 },
    });
    await ds.initialize();
    projector = new Projector({ dataSource: ds, store, schema: 'proj', projections: [summaries], batchSize: 7 });
    await projector.migrate();
  });
  afterAll(async () => {
    await projector.stop();
    await store.close();
    await ds.destroy();
    await db.drop();
  });

  it('projects live events into rows and its checkpoint, once each, even with two replicas running', async () => {
    await store.appendToStream('case-a', [
      ev('CaseOpened', { title: 'Inbraak Overpoort' }, 1),
      ev('NoteAdded', { text: 'sporen genomen', tag: 'tst' }, 2),
    ]);
    await store.appendToStream('case-b', [ev('CaseOpened', { title: 'Fietsdiefstal' }, 3)]);
    await store.appendToStream('case-c', [ev('CaseOpened', { title: 'Vergissing' }, 4), ev('CaseDeleted', {}, 5)]);
    await projector.start();
    const replica = new Projector({ dataSource: ds, store, schema: 'proj', projections: [summaries], batchSize: 3 });
    await replica.start();
    for (let i = 0; i < 20; i++) await store.appendToStream('case-b', [ev('NoteAdded', { text: `note ${i}` }, 10 + i)]);
    await store.appendToStream('case-x', [ev('Unrelated', {}, 40)]);

    await eventually(async () => expect((await rows()).find((r) => r.id === 'case-b')?.notes).toBe(20));
    await replica.stop();
    expect(await rows()).toEqual([
      {
        id: 'case-a',
        title: 'Inbraak Overpoort',
        notes: 1,
        tags: ['tst'],
        lastNote: { text: 'sporen genomen', by: 'staff-1001' },
        updatedAt: new Date('2026-11-01T09:00:02.000Z'),
      },
      {
        id: 'case-b',
        title: 'Fietsdiefstal',
        notes: 20,
        tags: [],
        lastNote: { text: 'note 19', by: 'staff-1001' },
        updatedAt: new Date('2026-11-01T09:00:29.000Z'),
      },
    ]);
    const all = await store.readAll({ commit: -1n, prepare: -1n }, { limit: 1000 });
    await eventually(async () => expect(await projector.checkpoint('case-summaries')).toEqual(all[all.length - 1].position));
  });

  it('rebuilds from zero into a fresh table with progress, equal to the live table, and goes on live after the swap', async () => {
    const live = await rows();
    const progress: ProjectionProgress[] = [];
    const result = await projector.rebuild('case-summaries', { onProgress: (p) => progress.push(p), batchSize: 10 });
    // The 25 events of its types; the log's last event (Unrelated) is not even read, and the checkpoint is past it.
    expect(result.events).toBe(25);
    expect(progress.map((p) => p.processed)).toEqual([10, 20, 25]);
    expect(progress.every((p) => p.total === 25 && p.projection === 'case-summaries')).toBe(true);
    expect(await rows()).toEqual(live);
    // Analysed after the swap: the planner knows the rows (a table emptied and filled in one transaction reads as empty, -1).
    const [analysed] = await ds.query(`SELECT reltuples::int AS n FROM pg_class WHERE oid = 'proj.case_summaries'::regclass`);
    expect(analysed.n).toBe(live.length);
    const log = await store.readAll(START);
    expect(log[log.length - 1].type).toBe('Unrelated');
    expect(comparePositions(await projector.checkpoint('case-summaries'), log[log.length - 1].position)).toBeGreaterThanOrEqual(0);

    await store.appendToStream('case-a', [ev('NoteAdded', { text: 'na de rebuild' }, 50)]);
    await eventually(async () => expect((await rows()).find((r) => r.id === 'case-a')?.notes).toBe(2));
    expect((await rows()).find((r) => r.id === 'case-b')?.notes).toBe(20);
  });

  it('rebuilds several projections in one pass over the log: each gets every event of its types once, in order, as rebuilt alone; checkpoints pass the rest', async () => {
    await store.appendToStream('case-y', [ev('Unrelated', {}, 60)]);
    const log = await store.readAll(START);
    const last = log[log.length - 1];
    const together = new Projector({ dataSource: ds, store, schema: 'proj', projections: [summaries, noteCounts] });
    const live = await rows();
    const reads = jest.spyOn(store, 'readLog');
    try {
      const done = await together.rebuildTogether(['case-summaries', 'note-counts'], { batchSize: 10 });
      const readTogether = reads.mock.calls.length;
      expect(done.map((d) => [d.projection, d.events])).toEqual([
        ['case-summaries', log.filter((e) => summaries.handles.includes(e.type)).length],
        ['note-counts', log.filter((e) => e.type === 'NoteAdded').length],
      ]);
      for (const d of done) {
        expect(comparePositions(d.position, last.position)).toBeGreaterThanOrEqual(0);
        expect(await together.checkpoint(d.projection)).toEqual(d.position);
      }
      expect(await rows()).toEqual(live);
      const notes = (await ds.getRepository(NoteCount).find({ order: { id: 'ASC' } })).map((r) => ({ ...r }));
      const expected = new Map<string, string[]>();
      for (const e of log.filter((x) => x.type === 'NoteAdded'))
        expected.set(e.streamId, [...(expected.get(e.streamId) ?? []), `${e.position.commit}/${e.position.prepare}`]);
      expect(notes).toEqual(
        [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([id, positions]) => ({ id, notes: positions.length, positions })),
      );

      // The same, one at a time: the same rows, and the log read once per projection instead of once for both.
      reads.mockClear();
      await together.rebuild('note-counts', { batchSize: 10 });
      await together.rebuild('case-summaries', { batchSize: 10 });
      expect(reads.mock.calls.length).toBeGreaterThan(readTogether);
      expect(await rows()).toEqual(live);
      expect((await ds.getRepository(NoteCount).find({ order: { id: 'ASC' } })).map((r) => ({ ...r }))).toEqual(notes);
    } finally {
      reads.mockRestore();
    }
  });

  it('projects the log again, once, when a projection declares a newer version of its rows (ADR 0066)', async () => {
    await store.appendToStream('case-v', [ev('CaseOpened', { title: 'Versies' }, 60), ev('NoteAdded', { text: 'eerste' }, 61)]);
    const v1 = new Projector({ dataSource: ds, store, schema: 'proj', projections: [noteCounts] });
    await v1.start();
    await eventually(async () => expect(await ds.getRepository(NoteCount).findOneBy({ id: 'case-v' })).toMatchObject({ notes: 1 }));
    await v1.stop();
    const before = await ds.getRepository(NoteCount).count();

    // Version 2 counts every note twice: the rows written by version 1 are wrong for it.
    const doubled: Projection<NoteCount> = {
      ...noteCounts,
      version: 2,
      evolve: (row, e) => ({ id: e.streamId, notes: (row?.notes ?? 0) + 2, positions: [...(row?.positions ?? []), 'v2'] }),
    };
    const upgrades: [string, number, number][] = [];
    const v2 = new Projector({ dataSource: ds, store, schema: 'proj', projections: [doubled], onUpgrade: (...u) => upgrades.push(u) });
    // Two replicas start together: one resets it, the other finds it reset.
    const replica = new Projector({ dataSource: ds, store, schema: 'proj', projections: [doubled], onUpgrade: (...u) => upgrades.push(u) });
    await Promise.all([v2.start(), replica.start()]);
    expect(upgrades).toEqual([['note-counts', 1, 2]]);
    await eventually(async () => {
      const all = await ds.getRepository(NoteCount).find();
      expect(all).toHaveLength(before);
      expect(all.every((r) => r.positions.every((p) => p === 'v2') && r.notes === 2 * r.positions.length)).toBe(true);
    });
    await Promise.all([v2.stop(), replica.stop()]);
    expect(await ds.query(`SELECT version FROM proj.projection_checkpoints WHERE name = 'note-counts'`)).toEqual([{ version: 2 }]);

    // Started again at the same version: nothing is emptied.
    await ds.query(`UPDATE proj.note_counts SET notes = 999 WHERE id = 'case-v'`);
    const again = new Projector({ dataSource: ds, store, schema: 'proj', projections: [doubled], onUpgrade: (...u) => upgrades.push(u) });
    expect(await again.upgrade(doubled)).toBe(false);
    expect(upgrades).toHaveLength(1);
    expect(await ds.getRepository(NoteCount).findOneBy({ id: 'case-v' })).toMatchObject({ notes: 999 });
  });

  it('retries a failing batch without skipping it, and reports what it is stuck on meanwhile', async () => {
    let failuresLeft = 2;
    const flaky: Projection<FlakyCount> = {
      name: 'flaky-counts',
      entity: FlakyCount,
      handles: ['Counted'],
      keys: () => ['total'],
      evolve: (row) => {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('read model store unavailable');
        }
        return { id: 'total', count: (row?.count ?? 0) + 1 };
      },
    };
    const p = new Projector({ dataSource: ds, store, schema: 'proj', projections: [flaky] });
    const seenFailures: number[] = [];
    await store.appendToStream('counter', [ev('Counted', {}), ev('Counted', {}), ev('Counted', {})]);
    await p.start();
    await eventually(() => {
      const f = p.failures.get('flaky-counts');
      if (f) seenFailures.push(f.attempts);
      expect(failuresLeft).toBe(0);
    });
    await eventually(async () => expect(await ds.getRepository(FlakyCount).find()).toEqual([{ id: 'total', count: 3 }]));
    await p.stop();
    expect(seenFailures.length).toBeGreaterThan(0);
    expect(p.failures.has('flaky-counts')).toBe(false);
  });

  it('tells commit listeners the rows a batch wrote, after the commit; leaves columns the database keeps to it', async () => {
    await ds.query(
      `CREATE FUNCTION proj.titled_length() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."titleLength" := length(NEW.title); RETURN NEW; END $$`,
    );
    await ds.query(
      `CREATE TRIGGER titled_length BEFORE INSERT OR UPDATE ON proj.titled FOR EACH ROW EXECUTE FUNCTION proj.titled_length()`,
    );
    const titled: Projection<Titled> = {
      name: 'titled',
      entity: Titled,
      handles: ['Titled', 'Untitled'],
      keys: (e) => [e.streamId],
      evolve: (row, e) => (e.type === 'Untitled' ? null : { ...row, id: e.streamId, title: (e.data as { title: string }).title }),
    };
    const p = new Projector({ dataSource: ds, store, schema: 'proj', projections: [titled] });
    const seen: { projection: string; key: string; row: unknown; committed: unknown }[] = [];
    const reads: Promise<void>[] = [];
    p.onCommit(() => {
      throw new Error('a broken listener');
    });
    const off = p.onCommit((projection, written) => {
      for (const w of written) {
        // Read back at once: the batch is committed by the time listeners hear of it.
        reads.push(
          ds
            .query('SELECT title, "titleLength" FROM proj.titled WHERE id = $1', [w.key])
            .then((r: unknown[]) => void seen.push({ projection, key: w.key, row: w.row, committed: r[0] ?? null })),
        );
      }
    });
    await store.appendToStream('t-1', [
      ev('Titled', { title: 'Fietsdiefstal' }, 60),
      ev('Titled', { title: 'Fietsdiefstal Overpoort' }, 61),
    ]);
    await store.appendToStream('t-2', [ev('Titled', { title: 'Graffiti' }, 62)]);
    await p.start();
    await eventually(async () =>
      expect(await ds.query('SELECT id, title, "titleLength" FROM proj.titled ORDER BY id')).toEqual([
        { id: 't-1', title: 'Fietsdiefstal Overpoort', titleLength: 23 },
        { id: 't-2', title: 'Graffiti', titleLength: 8 },
      ]),
    );
    await store.appendToStream('t-2', [ev('Untitled', {}, 63)]);
    await eventually(async () => expect(seen.filter((x) => x.key === 't-2')).toHaveLength(2));
    await Promise.all(reads);
    expect(seen.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      {
        projection: 'titled',
        key: 't-1',
        row: { id: 't-1', title: 'Fietsdiefstal Overpoort' },
        committed: { title: 'Fietsdiefstal Overpoort', titleLength: 23 },
      },
      { projection: 'titled', key: 't-2', row: { id: 't-2', title: 'Graffiti' }, committed: { title: 'Graffiti', titleLength: 8 } },
      { projection: 'titled', key: 't-2', row: null, committed: null },
    ]);
    off();
    await store.appendToStream('t-3', [ev('Titled', { title: 'Na het afmelden' }, 64)]);
    await eventually(async () =>
      expect(await ds.query(`SELECT title FROM proj.titled WHERE id = 't-3'`)).toEqual([{ title: 'Na het afmelden' }]),
    );
    expect(seen).toHaveLength(3);
    await p.stop();
  });
});
