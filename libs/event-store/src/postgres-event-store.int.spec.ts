import { createTestDatabase, TestDatabase } from '@police/testing';
import { eventStoreContract } from './event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('PostgreSQL', async () => {
  const db: TestDatabase = await createTestDatabase('es');
  const pool = db.pool(20);
  const store = new PostgresEventStore({ pool, schema: 'contract' });
  await store.migrate();
  return {
    store,
    tamper: async (streamId, version, data) => {
      // The log refuses UPDATE through its trigger; an attacker with superuser rights can still
      // switch triggers off for the session. The hash chain is what catches that.
      const c = await pool.connect();
      try {
        await c.query('SET session_replication_role = replica');
        await c.query('UPDATE contract.events SET data = $3 WHERE stream_id = $1 AND stream_version = $2', [
          streamId,
          version,
          JSON.stringify(data),
        ]);
        await c.query('SET session_replication_role = DEFAULT');
      } finally {
        c.release();
      }
    },
    teardown: async () => {
      await store.close();
      await db.drop();
    },
  };
});
