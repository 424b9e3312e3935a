import { Client } from 'pg';
import { createPool } from '@police/platform';
import { configuredKeyEncryptionKey, createScaleApp, rebuildAll, seedScale } from './scale-seed';

/**
 * `npm run seed:scale [-- <events>]`: seeds about `<events>` events (default `SEED_SCALE_EVENTS` or
 * 1,000,000) over the four services into a new database `SEED_SCALE_DATABASE` (default `police_scale`) on
 * the server of `DATABASE_URL`, then rebuilds every projection, printing progress. Refuses a database that
 * exists already: nothing is seeded twice or over other data.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (scripts/seed-scale.mjs sets it)');
  const events = Number(process.argv[2] ?? process.env.SEED_SCALE_EVENTS ?? 1_000_000);
  if (!Number.isInteger(events) || events < 4000)
    throw new Error(`the event count must be an integer of at least 4000, got ${process.argv[2]}`);
  const name = process.env.SEED_SCALE_DATABASE ?? 'police_scale';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`SEED_SCALE_DATABASE must be a plain lower-case name, got "${name}"`);
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) throw new Error(`database ${name} exists already: drop it, or name another with SEED_SCALE_DATABASE`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = createPool(target.toString(), 16, 'seed-scale');
  const app = await createScaleApp(pool, configuredKeyEncryptionKey());
  try {
    console.log(`seeding ${events.toLocaleString('en')} events into ${name}…`);
    const seed = await seedScale(app, events, (line) => console.log(line));
    console.log('rebuilding every projection…');
    const rebuild = await rebuildAll(app, 2, (line) => console.log(line));
    console.log(
      `done: ${seed.events} events; rebuild ${rebuild.logEvents} log events in ${rebuild.seconds.toFixed(1)} s ` +
        `(${Math.round(rebuild.logEvents / rebuild.seconds)} events/s); case of ${seed.bigCase.events} events: ${seed.bigCase.investigationId}`,
    );
  } finally {
    await app.close();
    await pool.end();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
