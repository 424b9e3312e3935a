// The search index on real PostgreSQL: a projection folded from another, its tsvector kept by the
// trigger (also through a rebuild), parsing of any text, references by prefix, visibility applied before
// counting, and the bound on broad queries.
import { randomUUID } from 'node:crypto';
import { Projection } from '@police/event-store';
import { InProcessMessageBus } from '@police/messaging';
import { createTestDatabase, eventually, TestDatabase } from '@police/testing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ServiceEventSourcing } from './event-sourcing';
import { referenceLexemes, SEARCH_CANDIDATES, SearchEntry, searchIndex, searchIndexProjection, searchQuery } from './search-index';

@Entity({ name: 'notes', schema: 'reports' })
class NoteRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') text: string;
  @Column('text') team: string;
  @Column('text', { array: true }) refs: string[];
  @Column('timestamptz') at: Date;
  @Column('int') version: number;
}

@Entity({ name: 'search_entries', schema: 'reports' })
class NoteSearchEntry extends SearchEntry {}

interface Written {
  noteId: string;
  text: string;
  team: string;
  refs?: string[];
  at: string;
}

const notes: Projection<NoteRow> = {
  name: 'notes',
  entity: NoteRow,
  handles: ['NoteWritten', 'NoteSealed'],
  keys: (e) => [(e.data as { noteId: string }).noteId],
  evolve: (row, e) => {
    const d = e.data as Written;
    if (e.type === 'NoteSealed') return row && { ...row, text: '', version: e.streamVersion };
    return { id: d.noteId, text: d.text, team: d.team, refs: d.refs ?? [], at: new Date(d.at), version: e.streamVersion };
  },
};

const noteSearch = searchIndexProjection({
  name: 'notes-search',
  entity: NoteSearchEntry,
  source: notes,
  document: (row) =>
    row.text === ''
      ? null
      : {
          kind: 'note',
          title: `Nota ${row.team}`,
          summary: row.team,
          references: row.refs,
          narrative: row.text,
          occurredAt: row.at,
          version: row.version,
          access: { type: 'report', teams: [row.team] },
        },
});

describe('search index', () => {
  let db: TestDatabase;
  let es: ServiceEventSourcing;
  const bus = new InProcessMessageBus();

  const write = async (w: Omit<Written, 'at'> & { at?: string }, type = 'NoteWritten') =>
    es.store.appendToStream(`note-${w.noteId}`, [
      {
        id: randomUUID(),
        type,
        data: { at: '2026-11-20T10:00:00Z', ...w },
        metadata: { actor: 'test', occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID() },
      },
    ]);
  const find = async (q: string, teams: string[] = ['A', 'B'], page = { limit: 20, offset: 0 }) => {
    const tsquery = await searchQuery(es.dataSource, q);
    if (tsquery === null) return null;
    return searchIndex(es.dataSource, NoteSearchEntry, {
      tsquery,
      ...page,
      visible: (param) => `e."accessTeams" && ${param(teams)}::text[]`,
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase('search');
    es = new ServiceEventSourcing(
      { service: 'reports', mode: 'production', schema: 'reports', pool: db.pool(4), sharedPool: false, notifications: true, bus },
      { entities: [NoteRow, NoteSearchEntry], projections: [notes, noteSearch] },
    );
    await es.start();
  });
  afterAll(async () => {
    await es.stop();
    await bus.close();
    await db.drop();
  });

  it('makes reference lexemes of the whole and of every tail after a separator that still holds one', () => {
    expect(referenceLexemes(['GE.55.L5.012345/2026', ' DIT-2026-000042 ', ''])).toEqual([
      'ge.55.l5.012345/2026',
      '55.l5.012345/2026',
      'l5.012345/2026',
      '012345/2026',
      'dit-2026-000042',
      '2026-000042',
    ]);
  });

  it('parses any text safely: words stemmed and as typed by prefix, references by prefix, nothing for stop words or exclusions alone', async () => {
    // A prefix covers the longer forms it starts: `fiets:*` finds `fietsen`.
    expect(await searchQuery(es.dataSource, 'fietsen')).toBe("'fiets':*");
    expect(await searchQuery(es.dataSource, 'juwelen')).toBe("'juwel':*");
    expect(await searchQuery(es.dataSource, 'de het')).toBeNull();
    expect(await searchQuery(es.dataSource, '-fiets')).toBeNull();
    expect(await searchQuery(es.dataSource, 'fiets -auto')).toBe("'fiet':* & !'auto':*");
    expect(await searchQuery(es.dataSource, 'GE.55.L5.0123')).toBe("('ge.55.l5.0123':*) | 'ge.55.l5.0123':*");
    for (const q of [`'a' & !(b:*`, "o'brien\\", '"', '<-> ::*', 'ÿ'.repeat(200)]) {
      const t = await searchQuery(es.dataSource, q);
      if (t !== null) await expect(es.dataSource.query('SELECT $1::tsquery', [t])).resolves.toHaveLength(1);
    }
  });

  it('keeps the document in step with the row (trigger), hides what the service keeps out, and survives a rebuild', async () => {
    const id = randomUUID();
    await write({ noteId: id, text: 'De fietsen werden gestolen aan het station', team: 'A', refs: ['GE.55.L5.000777/2026'] });
    await eventually(async () => expect((await find('fiets'))?.hits.map((h) => h.id)).toEqual([id]));
    const hit = (await find('000777/2026'))!.hits[0];
    expect(hit).toMatchObject({
      id,
      kind: 'note',
      title: 'Nota A',
      references: ['GE.55.L5.000777/2026'],
      matched: ['reference'],
      version: 0,
    });
    const snippet = (await find('gestolen station'))!.hits[0].snippet;
    expect(snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['gestolen', 'station']);
    expect(snippet.map((p) => p.text).join('')).toBe('fietsen werden gestolen aan het station');
    await write({ noteId: id, text: 'Nu over een auto', team: 'A' });
    await eventually(async () => expect((await find('fiets'))?.hits).toEqual([]));
    expect((await find('auto'))!.hits.map((h) => [h.id, h.version])).toEqual([[id, 1]]);
    await es.store.appendToStream(`note-${id}`, [
      {
        id: randomUUID(),
        type: 'NoteSealed',
        data: { noteId: id },
        metadata: { actor: 'test', occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID() },
      },
    ]);
    await eventually(async () => expect((await find('auto'))!.hits).toEqual([]));
    const [sealed] = await es.dataSource.query(
      `SELECT searchable, title, narrative, document::text AS document FROM reports.search_entries WHERE id = $1`,
      [id],
    );
    expect(sealed).toEqual({ searchable: false, title: '', narrative: '', document: '' });

    const other = randomUUID();
    await write({ noteId: other, text: 'Inbraak met braakschade aan de achterdeur', team: 'B' });
    await eventually(async () => expect((await find('achterdeur'))?.hits.map((h) => h.id)).toEqual([other]));
    const before = await es.dataSource.query(`SELECT id, document::text AS d FROM reports.search_entries ORDER BY id`);
    await es.projector.rebuild('notes-search');
    expect(await es.dataSource.query(`SELECT id, document::text AS d FROM reports.search_entries ORDER BY id`)).toEqual(before);
  });

  it('counts and pages only what the predicate admits', async () => {
    const ids = { a: randomUUID(), b: randomUUID() };
    await write({ noteId: ids.a, text: 'Graffiti op de gevel van team A', team: 'A' });
    await write({ noteId: ids.b, text: 'Graffiti op de gevel van team B', team: 'B' });
    await eventually(async () => expect((await find('graffiti'))?.total).toBe(2));
    expect(await find('graffiti', ['A'])).toMatchObject({ total: 1, totalExact: true, hits: [expect.objectContaining({ id: ids.a })] });
    expect(await find('graffiti', ['C'])).toMatchObject({ total: 0, totalExact: true, hits: [] });
    expect(await find('graffiti', ['B'], { limit: 20, offset: 5 })).toMatchObject({ total: 1, hits: [] });
  });

  it(`ranks at most the ${SEARCH_CANDIDATES} most recent matches of a broad query, and says the total is a lower bound`, async () => {
    const n = SEARCH_CANDIDATES + 50;
    const start = Date.UTC(2025, 0, 1);
    const noteIds = Array.from({ length: n }, () => randomUUID());
    const newest = noteIds[n - 1];
    await Promise.all(
      noteIds.map((noteId, i) =>
        write({
          noteId,
          text: i === 0 ? 'Verloren portefeuille portefeuille portefeuille' : 'Verloren portefeuille op de tram',
          team: 'A',
          at: new Date(start + i * 60_000).toISOString(),
        }),
      ),
    );
    // Every note projected (the writes run concurrently, so the newest may be projected last).
    await eventually(
      async () =>
        expect(
          Number(
            (await es.dataSource.query(`SELECT count(*) AS n FROM reports.search_entries WHERE id = ANY($1::uuid[])`, [noteIds]))[0].n,
          ),
        ).toBe(n),
      { timeoutMs: 60_000 },
    );
    expect((await find('portefeuille', ['A'], { limit: 20, offset: 980 }))?.total).toBe(SEARCH_CANDIDATES);
    const page = (await find('portefeuille', ['A']))!;
    expect(page).toMatchObject({ total: SEARCH_CANDIDATES, totalExact: false });
    // The oldest note ranks highest of all, but is not among the newest matches; the newest is.
    expect(page.hits[0].id).toBe(newest);
    expect(page.hits.map((h) => h.rank)).toEqual(page.hits.map(() => page.hits[0].rank));
  });
});
