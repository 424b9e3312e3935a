// The embedded database as the embedded host uses it: PGlite behind its socket server, one node-postgres
// pool of size one. Every failed statement must leave the session usable for the next one.
import { PGlite } from '@electric-sql/pglite';
import { createPool } from '@police/platform';
import type { Pool } from 'pg';
import { PGliteServer, startPGliteServer } from './pglite-server';

describe('the embedded database session (PGlite behind its socket, one connection)', () => {
  let db: PGlite;
  let server: PGliteServer;
  let pool: Pool;

  beforeAll(async () => {
    db = await PGlite.create();
    server = await startPGliteServer(db);
    pool = createPool(`postgres://postgres@127.0.0.1:${server.port}/postgres`, 1, 'embedded-test');
    await pool.query('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, data jsonb, at timestamptz)');
  });

  afterAll(async () => {
    await pool.end();
    await server.stop();
    await db.close();
  });

  let nextId = 1;
  /** A write through a named prepared statement, as the event store's appends are. */
  const write = (body: string, data: string | null = null, at: string | null = null, id = nextId++) =>
    pool.query({
      name: 'write_note',
      text: 'INSERT INTO notes (id, body, data, at) VALUES ($1, $2, $3::jsonb, $4::timestamptz)',
      values: [id, body, data, at],
    });

  const failures: [string, () => Promise<unknown>, RegExp][] = [
    ['a NUL in a text parameter', () => write('a\u0000b'), /invalid byte sequence/],
    [
      'a NUL escape in a jsonb parameter',
      () => write('x', JSON.stringify({ narrative: 'a\u0000b' })),
      /unsupported Unicode escape sequence/,
    ],
    [
      'a lone surrogate in a jsonb parameter',
      () => write('x', JSON.stringify({ narrative: 'a\ud800b' })),
      /invalid input syntax for type json/,
    ],
    ['a week date in a timestamptz parameter', () => write('x', null, '2026-W10-1'), /invalid input syntax for type timestamp/],
    ['a unique violation in a named statement', () => write('again', null, null, 1), /duplicate key/],
    [
      'a statement that does not parse',
      () => pool.query({ name: 'broken', text: 'INSERT INTO nowhere VALUES ($1)', values: [1] }),
      /does not exist/,
    ],
    ['an error in a simple query', () => pool.query('SELECT 1/0'), /division by zero/],
    [
      'an error inside a transaction',
      async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query({
            name: 'write_note',
            text: 'INSERT INTO notes (id, body, data, at) VALUES ($1, $2, $3::jsonb, $4::timestamptz)',
            values: [1, 'dup', null, null],
          });
        } finally {
          await client.query('ROLLBACK');
          client.release();
        }
      },
      /duplicate key/,
    ],
  ];

  it('writes through a named statement before anything fails', async () => {
    await write('first');
    expect((await pool.query('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: 1 }]);
  });

  it.each(failures)('survives %s: the next named write succeeds', async (_name, fail, message) => {
    await expect(fail()).rejects.toThrow(message);
    const before = (await pool.query('SELECT count(*)::int AS n FROM notes')).rows[0].n as number;
    await write('after the failure');
    await write('and another');
    expect((await pool.query('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: before + 2 }]);
  });

  it('gives a new connection a fresh session: no prepared statement, setting or open transaction of the previous one', async () => {
    const client = await pool.connect();
    await client.query({ name: 'leftover', text: 'SELECT $1::int AS n', values: [1] });
    await client.query("SET statement_timeout = '1234ms'");
    await client.query('BEGIN');
    await client.query({
      name: 'write_note',
      text: 'INSERT INTO notes (id, body, data, at) VALUES ($1, $2, $3::jsonb, $4::timestamptz)',
      values: [nextId++, 'never committed', null, null],
    });
    client.release(true);
    const fresh = await pool.connect();
    try {
      expect((await fresh.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows).toEqual([{ n: 0 }]);
      expect((await fresh.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '0' }]);
      expect((await fresh.query("SELECT count(*)::int AS n FROM notes WHERE body = 'never committed'")).rows).toEqual([{ n: 0 }]);
    } finally {
      fresh.release();
    }
    await write('after a reconnect');
  });
});
