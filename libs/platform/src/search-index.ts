import type { Projection, RecordedEvent } from '@police/event-store';
import { Column, DataSource, EntityMetadata, EntityTarget, Index, ObjectLiteral, PrimaryColumn } from 'typeorm';
import { AccessAttributes, accessAttributes, accessColumns, SearchAccess } from './record-access';

/** Where a search matched: the slots every service fills (see {@link SearchDocument}). */
export const SEARCH_FIELDS = ['title', 'reference', 'parties', 'place', 'narrative'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** The text search configuration: Dutch stemming and stop words, as the zone writes. */
export const SEARCH_CONFIG = 'dutch';

/**
 * What a service puts in its search index for one record. Four weighted text slots (title A, parties B,
 * place C, narrative D) go through the Dutch configuration; `references` (PV numbers, register and seal
 * numbers) match exactly and by prefix, also from any separator on (`012345/2026` finds
 * `GE.55.L5.012345/2026`), not through the stemmer.
 */
export interface SearchDocument {
  kind: string;
  title: string;
  /** One line shown under the title (kind, status, team, date). */
  summary: string;
  references?: string[];
  parties?: string[];
  place?: string;
  narrative?: string;
  /** When the record's matter happened or came in: the order among equally ranked hits. */
  occurredAt: string | Date;
  version: number;
  access: SearchAccess;
}

/**
 * The search index of a service (extend it with `@Entity({ name: 'search_entries', schema })`): one
 * row per record, a read model like any other. `document` is the weighted `tsvector`, kept by a
 * trigger from the text columns (so a rebuild or any write recomputes it) and searched through its GIN
 * index; the projector neither reads nor writes it (`select: false`). `source` is the row of the
 * projection the entry derives from, folded on (see {@link searchIndexProjection}).
 */
export abstract class SearchEntry extends AccessAttributes {
  @PrimaryColumn('uuid') id: string;
  @Index() @Column('text') kind: string;
  /** False for a record the service keeps out of search (a sealed pointer): its texts are empty too. */
  @Column('boolean') searchable: boolean;
  @Column('text') title: string;
  @Column('text') summary: string;
  @Column('text', { array: true }) references: string[];
  @Column('text', { array: true }) referenceLexemes: string[];
  @Column('text') parties: string;
  @Column('text') place: string;
  @Column('text') narrative: string;
  @Index() @Column('timestamptz') occurredAt: Date;
  @Column('int') version: number;
  @Column('text', { nullable: true }) caseRef: string | null;
  @Index({ type: 'gin' }) @Column('tsvector', { nullable: true, select: false }) document: string | null;
  @Column('jsonb') source: unknown;
}

/** Control characters never reach the index: they delimit highlights in the snippets. */
function clean(s: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex
  return (s ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * The exact forms a reference is found by: the whole, lower-cased, and every tail that starts after a
 * separator and still holds one (`ge.55.l5.012345/2026`, `55.l5.012345/2026`, …, `012345/2026`).
 */
export function referenceLexemes(references: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of references) {
    const ref = clean(raw).toLowerCase().replace(/\s+/g, '');
    if (ref === '') continue;
    out.add(ref);
    for (let i = 0; i < ref.length; i++) {
      if (!/[./_-]/.test(ref[i])) continue;
      const tail = ref.slice(i + 1);
      if (tail.length >= 3 && /[./_-]/.test(tail)) out.add(tail);
    }
  }
  return [...out];
}

function entryOf(
  id: string,
  doc: SearchDocument | null,
  source: unknown,
  fallback: { version: number; occurredAt: string | Date },
): SearchEntry {
  const a = doc?.access;
  return {
    id,
    kind: doc?.kind ?? '',
    searchable: doc !== null,
    title: clean(doc?.title),
    summary: clean(doc?.summary),
    references: (doc?.references ?? []).map(clean).filter((r) => r !== ''),
    referenceLexemes: referenceLexemes(doc?.references ?? []),
    parties: (doc?.parties ?? [])
      .map(clean)
      .filter((p) => p !== '')
      .join(' · '),
    place: clean(doc?.place),
    narrative: clean(doc?.narrative),
    occurredAt: new Date(doc?.occurredAt ?? fallback.occurredAt),
    version: doc?.version ?? fallback.version,
    caseRef: a?.caseRef ?? null,
    ...accessAttributes(a),
    document: null,
    source,
  };
}

/**
 * The search index of a service as a projection that follows one of its read-model projections: it
 * folds each event into that projection's row (kept in `source`, so the index agrees with the lists by
 * construction) and describes the row for search. `document` returning null keeps the record out of
 * search (its row stays, unsearchable, so later events still fold).
 */
export function searchIndexProjection<Row extends ObjectLiteral, Entry extends SearchEntry>(o: {
  name: string;
  entity: EntityTarget<Entry>;
  source: Projection<Row>;
  document(row: Row): SearchDocument | null;
}): Projection<Entry> {
  return {
    name: o.name,
    entity: o.entity,
    handles: o.source.handles,
    // It folds each event through the source's evolve, and describes that row: it reads what the source reads.
    ...(o.source.readsSealedFields !== undefined && { readsSealedFields: o.source.readsSealedFields }),
    keys: (e) => o.source.keys(e),
    evolve: (entry: Entry | null, e: RecordedEvent) => {
      const row = o.source.evolve((entry?.source ?? null) as Row | null, e);
      if (!row) return null;
      return entryOf(o.source.keys(e)[0], o.document(row), row, {
        version: e.streamVersion,
        occurredAt: entry?.occurredAt ?? e.metadata.occurredAt,
      }) as Entry;
    },
  };
}

function tableOf(metadata: EntityMetadata): string {
  return metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
}

/**
 * Lexemes of who may see an entry, in its document beside its words, so that the GIN index narrows a
 * search to the entries its reader may see before any row is read (the visibility predicate still
 * decides). They start with `§`, which the text parser never keeps in a lexeme and reference tokens
 * cannot hold: no search text matches them.
 */
export const ACCESS_LEXEME = {
  assignee: (staffId: string) => `§a:${staffId}`,
  designated: (staffId: string) => `§d:${staffId}`,
  assignedTeam: (team: string) => `§at:${team}`,
  compartment: (compartment: string) => `§c:${compartment}`,
  /** No compartment and not restricted: open to the roles that see the type by function. */
  open: (type: string) => `§o:${type}`,
  /** No compartment: open to the team roles of the type, for members of the team. */
  team: (type: string, team: string) => `§t:${type}:${team}`,
};

/**
 * The compartment of a record whose processing the DPO restricted (ADR 0056): only its roles open it, no
 * assignment does (`@police/security` re-exports it with the access rule).
 */
export const PROCESSING_RESTRICTED = 'dpo:restricted-processing';

/** The access lexemes of an entry (`text[]`), over the columns of `row` (`NEW` in the trigger); see {@link ACCESS_LEXEME}. */
export function accessLexemesSql(row: string): string {
  const assignable = ` AND ${row}."accessCompartment" IS DISTINCT FROM '${PROCESSING_RESTRICTED}'`;
  const each = (prefix: string, column: string, extra = '') =>
    `ARRAY(SELECT '${prefix}' || x FROM unnest(${row}."${column}") x WHERE x <> ''${extra})`;
  return [
    each('§a:', 'accessAssignees', assignable),
    each('§d:', 'accessDesignated', assignable),
    each('§at:', 'accessAssignedTeams', assignable),
    `CASE WHEN ${row}."accessCompartment" <> '' THEN ARRAY['§c:' || ${row}."accessCompartment"] ELSE '{}'::text[] END`,
    `CASE WHEN ${row}."accessCompartment" IS NULL AND NOT ${row}."accessRestricted" AND ${row}."accessType" <> '' THEN ARRAY['§o:' || ${row}."accessType"] ELSE '{}'::text[] END`,
    `ARRAY(SELECT '§t:' || ${row}."accessType" || ':' || x FROM unnest(${row}."accessTeams") x WHERE x <> '' AND ${row}."accessCompartment" IS NULL)`,
  ].join(' || ');
}

/** A tsquery (text form) matching any of these lexemes. */
export function anyLexemeQuery(lexemes: readonly string[]): string {
  return lexemes.map(tsLiteral).join(' | ');
}

/**
 * Installs, idempotently, the trigger that keeps `document` of every {@link SearchEntry} table of the
 * data source: title and references weigh A, parties B, place C, narrative D; and the access lexemes.
 */
export async function installSearchIndexes(ds: DataSource): Promise<void> {
  for (const m of ds.entityMetadatas) {
    if (!(typeof m.target === 'function' && m.target.prototype instanceof SearchEntry)) continue;
    const table = tableOf(m);
    const fn = m.schema ? `"${m.schema}"."${m.tableName}_document"` : `"${m.tableName}_document"`;
    await ds.query(`
CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.document :=
       setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(NEW.title, '')), 'A')
    || setweight(array_to_tsvector(coalesce(NEW."referenceLexemes", '{}')), 'A')
    || setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(NEW.parties, '')), 'B')
    || setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(NEW.place, '')), 'C')
    || setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(NEW.narrative, '')), 'D')
    || array_to_tsvector(${accessLexemesSql('NEW')});
  RETURN NEW;
END $$`);
    // `source` (the folded list row, a kilobyte or more) is kept out of line, so that the heap a search
    // reads holds the searched columns densely; the document stays in line, uncompressed when it can.
    await ds.query(`
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '${m.tableName}_document' AND tgrelid = '${table}'::regclass) THEN
    CREATE TRIGGER "${m.tableName}_document" BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = 'source' AND attstorage = 'e') THEN
    ALTER TABLE ${table} SET (toast_tuple_target = 1024);
    ALTER TABLE ${table} ALTER COLUMN source SET STORAGE EXTERNAL;
    ALTER TABLE ${table} ALTER COLUMN document SET STORAGE MAIN;
  END IF;
END $$`);
  }
}

/** A tsquery's text without its negated terms and groups (`!'x'`, `!( … )`). */
function withoutExclusions(tsquery: string): string {
  return tsquery.replace(/!\s*\((?:[^()]|\([^()]*\))*\)/g, '').replace(/!'(?:[^']|'')*'(?::\*)?/g, '');
}

/** Any one of a tsquery's wanted terms: where a field matched part of the search (a field rarely holds every word). */
function anyTermOf(tsquery: string): string {
  const terms = [...new Set(withoutExclusions(tsquery).match(/'(?:[^']|'')+'(?::\*)?/g) ?? [])];
  return terms.length > 0 ? terms.join(' | ') : tsquery;
}

/** A lexeme as a quoted tsquery literal. */
function tsLiteral(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A user's search text as a `tsquery` (text form), or null when it holds nothing to look for (only stop
 * words, punctuation or exclusions). Words go through `websearch_to_tsquery` (quotes for phrases, `or`,
 * `-` to exclude: any input is safe). Each stem of three letters or more also matches as a prefix, and
 * so does the word as typed: the Dutch stemmer leaves compounds whole and has quirks (`fiets` finds
 * `fietsen` and `fietsendiefstal`, `inbraak` finds `inbraakreeks`). Tokens that look like references
 * (a digit, no spaces) also match reference lexemes by prefix.
 */
export async function searchQuery(ds: DataSource, q: string): Promise<string | null> {
  const rows: { q: string; words: { t: string; l: string[] }[] }[] = await ds.query(
    `SELECT websearch_to_tsquery('${SEARCH_CONFIG}', $1)::text AS q,
            (SELECT coalesce(json_agg(json_build_object('t', lower(token), 'l', lexemes)), '[]') FROM ts_debug('${SEARCH_CONFIG}', $1) WHERE cardinality(lexemes) > 0) AS words`,
    [q],
  );
  const typed = new Map<string, Set<string>>();
  for (const w of rows[0]?.words ?? []) for (const l of w.l) typed.set(l, (typed.get(l) ?? new Set()).add(w.t));
  const words = (rows[0]?.q ?? '').replace(/'((?:[^']|'')+)'/g, (literal: string, quoted: string) => {
    const stem = quoted.replace(/''/g, "'");
    const long = [...new Set([stem, ...(typed.get(stem) ?? [])])].filter((f) => f.length >= 3);
    // A prefix covers every longer form it starts (`fiet:*` finds `fiets…`): the index walks it once.
    const forms = long.filter((f) => !long.some((g) => g !== f && f.startsWith(g))).map((f) => `${tsLiteral(f)}:*`);
    if (forms.length === 0) return literal;
    return forms.length === 1 ? forms[0] : `( ${forms.join(' | ')} )`;
  });
  const refs = [
    ...new Set(
      q
        .split(/\s+/)
        .filter((t) => !t.startsWith('-'))
        .map((t) => t.replace(/^["'(]+|["'),;]+$/g, '').toLowerCase())
        .filter((t) => t.length >= 3 && /\d/.test(t) && /^[a-z0-9][a-z0-9./_-]*$/.test(t)),
    ),
  ].map((t) => `'${t}':*`);
  // Exclusions alone would match nearly everything, through no index: there must be something to look for.
  const sought = withoutExclusions(words);
  if (!sought.includes("'") && refs.length === 0) return null;
  if (refs.length === 0) return words;
  return words === '' ? refs.join(' | ') : `(${words}) | ${refs.join(' | ')}`;
}

/** A highlight snippet: text runs, those that matched marked. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One record found, with what its access rests on (for the consultation log; not for the answer). */
export interface IndexHit {
  kind: string;
  id: string;
  title: string;
  summary: string;
  references: string[];
  matched: SearchField[];
  snippet: SnippetPart[];
  rank: number;
  version: number;
  occurredAt: string;
  access: {
    type: string;
    caseRef: string | null;
    teams: string[];
    assignees: string[];
    designated: string[];
    assignedTeams: string[];
    restricted: boolean;
    compartment: string | null;
    concerned: string[];
  };
}

/** The SQL of the access columns of a search entry aliased `e` (for a visibility predicate). */
export const SEARCH_ACCESS_COLUMNS = accessColumns('e');

const START = '\u0002';
const STOP = '\u0003';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of headline.split(START).entries()) {
    const [matched, rest] = i === 0 ? [undefined, piece] : piece.split(STOP, 2);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/**
 * How many of the most recent matches a search ranks: a query that matches more (a word in most
 * reports) is answered from the newest of them, with `totalExact: false`, so its cost stays bounded.
 */
export const SEARCH_CANDIDATES = 1000;

/**
 * Runs a search over a service's index: only rows the `visible` predicate (over
 * {@link SEARCH_ACCESS_COLUMNS}) admits are matched, ranked, counted and paged, in the database. The
 * visible matches (at most the {@link SEARCH_CANDIDATES} most recent) are ranked, best first, then
 * the most recent; `total` counts visible matches only (up to that bound, `totalExact` false beyond).
 */
export async function searchIndex(
  ds: DataSource,
  entity: EntityTarget<SearchEntry>,
  o: {
    tsquery: string;
    limit: number;
    offset: number;
    visible: (param: (value: unknown) => string) => string;
    /** Access lexemes of which a visible entry holds at least one (see {@link ACCESS_LEXEME}): the index narrows by them first. */
    accessLexemes?: readonly string[];
  },
): Promise<{ total: number; totalExact: boolean; hits: IndexHit[] }> {
  const table = tableOf(ds.getMetadata(entity));
  const params: unknown[] = [o.tsquery];
  const param = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const matching = o.accessLexemes ? `(($1::tsquery) && ${param(anyLexemeQuery(o.accessLexemes))}::tsquery)` : '$1::tsquery';
  const where = `e.searchable AND e.document @@ ${matching} AND ${o.visible(param)}`;
  const bound = param(SEARCH_CANDIDATES + 1);
  const filterParams = params.length;
  const limit = param(o.limit);
  const offset = param(o.offset);
  const headline = param(HEADLINE);
  const anyTerm = param(anyTermOf(o.tsquery));
  // The newest matches first (an index walk when matches are many, the GIN index when they are few),
  // then ranked; the page's snippets are made for its rows only.
  const rows: (Record<string, unknown> & { total: string; rank: number })[] = await ds.query(
    `WITH candidates AS MATERIALIZED (
       SELECT e.id, e."occurredAt", e.document FROM ${table} e WHERE ${where} ORDER BY e."occurredAt" DESC LIMIT ${bound}
     ), page AS (
       SELECT c.id, ts_rank(c.document, $1::tsquery) AS rank, count(*) OVER () AS total
       FROM candidates c ORDER BY rank DESC, c."occurredAt" DESC, c.id LIMIT ${limit} OFFSET ${offset}
     )
     SELECT e.id, e.kind, e.title, e.summary, e."references", e.version, e."occurredAt", page.rank, page.total,
            e."accessType", e."caseRef", e."accessTeams", e."accessAssignees", e."accessDesignated", e."accessAssignedTeams",
            e."accessRestricted", e."accessCompartment", e."accessConcerned",
            to_tsvector('${SEARCH_CONFIG}', e.title) @@ ${anyTerm}::tsquery AS m_title,
            array_to_tsvector(e."referenceLexemes") @@ ${anyTerm}::tsquery AS m_reference,
            to_tsvector('${SEARCH_CONFIG}', e.parties) @@ ${anyTerm}::tsquery AS m_parties,
            to_tsvector('${SEARCH_CONFIG}', e.place) @@ ${anyTerm}::tsquery AS m_place,
            to_tsvector('${SEARCH_CONFIG}', e.narrative) @@ ${anyTerm}::tsquery AS m_narrative,
            ts_headline('${SEARCH_CONFIG}', concat_ws(' · ', nullif(e.parties, ''), nullif(e.place, ''), nullif(e.narrative, '')), $1::tsquery, ${headline}) AS headline
     FROM page JOIN ${table} e ON e.id = page.id
     ORDER BY page.rank DESC, e."occurredAt" DESC, e.id`,
    params,
  );
  let counted = rows.length > 0 ? Number(rows[0].total) : 0;
  if (rows.length === 0 && o.offset > 0) {
    const n: { n: string }[] = await ds.query(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} e WHERE ${where} LIMIT ${bound}) x`,
      params.slice(0, filterParams),
    );
    counted = Number(n[0].n);
  }
  return {
    total: Math.min(counted, SEARCH_CANDIDATES),
    totalExact: counted <= SEARCH_CANDIDATES,
    hits: rows.map((r) => ({
      kind: r.kind as string,
      id: r.id as string,
      title: r.title as string,
      summary: r.summary as string,
      references: r.references as string[],
      matched: SEARCH_FIELDS.filter((f) => r[`m_${f}`] === true),
      snippet: snippetParts(r.headline as string),
      rank: Math.round(Number(r.rank) * 1e6) / 1e6,
      version: r.version as number,
      occurredAt: (r.occurredAt as Date).toISOString(),
      access: {
        type: r.accessType as string,
        caseRef: (r.caseRef as string | null) ?? null,
        teams: r.accessTeams as string[],
        assignees: r.accessAssignees as string[],
        designated: r.accessDesignated as string[],
        assignedTeams: r.accessAssignedTeams as string[],
        restricted: r.accessRestricted as boolean,
        compartment: (r.accessCompartment as string | null) ?? null,
        concerned: r.accessConcerned as string[],
      },
    })),
  };
}
