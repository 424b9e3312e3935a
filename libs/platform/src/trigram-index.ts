import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const marked = new Map<object, Set<string>>();

/**
 * Marks a read-model column that is searched by substring (`ILIKE '%…%'`, a name typed in part): it gets a
 * trigram GIN index (`pg_trgm`), installed by {@link installTrigramIndexes} when the service starts. A B-tree
 * cannot serve such a search; without this index it is a sequential scan of the table.
 */
export function TrigramIndex(): PropertyDecorator {
  return (target, property) => {
    const entity = target.constructor;
    const columns = marked.get(entity) ?? new Set<string>();
    columns.add(String(property));
    marked.set(entity, columns);
  };
}

/**
 * Installs, idempotently, the trigram index of every {@link TrigramIndex} column of the data source's
 * entities, and the `pg_trgm` extension they need (trusted: a database owner may create it; embedded mode's
 * PGlite loads it). Where the extension cannot be had (no right to create it), the search stays correct and
 * slow: a warning, not a failed start. The index is written at each insert (`fastupdate = off`): with GIN's
 * pending list, rows a projection had just written were not in the index proper, and the planner, counting
 * them, chose a sequential scan again (seen on 20,000 fresh rows).
 */
export async function installTrigramIndexes(ds: DataSource, logger = new Logger('TrigramIndex')): Promise<void> {
  const wanted = ds.entityMetadatas.flatMap((m) =>
    typeof m.target === 'function' ? [...(marked.get(m.target) ?? [])].map((property) => ({ m, property })) : [],
  );
  if (wanted.length === 0) return;
  const schema = await trigramSchema(ds);
  if (schema === undefined) {
    logger.warn('pg_trgm is not available: substring searches of names scan their tables');
    return;
  }
  for (const { m, property } of wanted) {
    const column = m.findColumnWithPropertyName(property);
    if (!column) throw new Error(`@TrigramIndex on ${m.name}.${property}, which is not a column`);
    const table = m.schema ? `"${m.schema}"."${m.tableName}"` : `"${m.tableName}"`;
    await ds.query(
      `CREATE INDEX IF NOT EXISTS "${m.tableName}_${column.databaseName}_trgm" ON ${table} USING gin ("${column.databaseName}" "${schema}".gin_trgm_ops) WITH (fastupdate = off)`,
    );
  }
}

/** The schema `pg_trgm` lives in, created in `public` when it is not there yet; undefined when it cannot be. */
async function trigramSchema(ds: DataSource): Promise<string | undefined> {
  const find = async (): Promise<string | undefined> =>
    (
      (await ds.query(`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_trgm'`)) as {
        schema: string;
      }[]
    )[0]?.schema;
  const found = await find();
  if (found !== undefined) return found.replace(/^"|"$/g, '');
  try {
    await ds.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
  } catch {
    // Another service created it at the same moment, or this role may not: asking again tells which.
  }
  return (await find())?.replace(/^"|"$/g, '');
}
