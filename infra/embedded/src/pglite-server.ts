import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PGliteServer {
  port: number;
  stop(): Promise<void>;
}

/** The protocol version a StartupMessage carries (3.0), after its length. */
const PROTOCOL_3 = 0x00030000;

function isStartupMessage(message: Uint8Array): boolean {
  if (message.length < 8) return false;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  return view.getInt32(4) === PROTOCOL_3;
}

/** A simple-protocol Query message: 'Q', length, the SQL, NUL. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

/** The message of the first ErrorResponse in raw backend output, if any. */
function errorIn(output: Uint8Array[]): string | undefined {
  const all = Buffer.concat(output);
  for (let at = 0; at + 5 <= all.length;) {
    const type = String.fromCharCode(all[at]);
    const length = all.readInt32BE(at + 1);
    if (type === 'E') {
      const fields = all
        .subarray(at + 5, at + 1 + length)
        .toString('utf8')
        .split('\0');
      return fields.find((f) => f.startsWith('M'))?.slice(1) ?? 'unknown error';
    }
    at += 1 + length;
  }
  return undefined;
}

/**
 * Runs `sql` on PGlite's session as the socket server's queue would, its answer kept from every
 * connection. Only called with the queue's exclusive access held (from inside a protocol message).
 */
async function runUnseen(db: PGlite, sql: string): Promise<void> {
  const output: Uint8Array[] = [];
  await db.execProtocolRawStream(simpleQuery(sql), { onRawData: (data) => output.push(data) });
  const error = errorIn(output);
  if (error) throw new Error(`PGlite session reset (${sql}) failed: ${error}`);
}

/**
 * PGlite as the socket server sees it, except that every new connection starts a new session.
 *
 * PGlite has one session for the whole database; its socket server hands it to every connection in
 * turn and never resets it. node-postgres assumes a new connection is a new session: its pool drops a
 * connection after any failed query and opens another, whose client knows none of the prepared
 * statements the session still holds, so its first named statement failed with "prepared statement
 * … already exists" — on every later attempt, for good. Here, before PGlite answers a connection's
 * StartupMessage, a transaction left open by a previous connection is rolled back and `DISCARD ALL`
 * drops its prepared statements, portals, settings, temporary tables, advisory locks and listens:
 * what PostgreSQL does by starting a new backend.
 */
export function sessionPerConnection(db: PGlite): PGlite {
  const execProtocolRawStream: PGlite['execProtocolRawStream'] = async (message, options) => {
    if (isStartupMessage(message)) {
      if (db.isInTransaction()) await runUnseen(db, 'ROLLBACK');
      await runUnseen(db, 'DISCARD ALL');
    }
    return db.execProtocolRawStream(message, options);
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'execProtocolRawStream') return execProtocolRawStream;
      const value = Reflect.get(target, prop, target) as unknown;
      // PGlite keeps its state in private fields: its methods must run on the PGlite itself.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Serves a PGlite database to node-postgres over a loopback socket, one session per connection
 * ({@link sessionPerConnection}). One connection in use plus one spare for a reconnect: the socket
 * server multiplexes messages of concurrent connections onto PGlite's one session, which interleaves
 * extended-protocol queries (see README, "Embedded mode"), so the host keeps one connection open.
 */
export async function startPGliteServer(db: PGlite, port = 0): Promise<PGliteServer> {
  const server = new PGLiteSocketServer({ db: sessionPerConnection(db), host: '127.0.0.1', port, maxConnections: 2 });
  await server.start();
  return { port: Number(server.getServerConn().split(':').pop()), stop: () => server.stop() };
}
