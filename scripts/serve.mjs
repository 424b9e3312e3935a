#!/usr/bin/env node
// `nx serve <service>`: one service on its own port (3001–3004) against PostgreSQL and Kafka from
// DATABASE_URL and KAFKA_BROKERS — the production-like mode.
import { build, ensureDependencies, run } from './start.mjs';

const service = process.argv[2];
const known = ['reports', 'investigations', 'evidence', 'integrity'];
if (!known.includes(service)) {
  console.error(`usage: node scripts/serve.mjs <${known.join('|')}>`);
  process.exit(2);
}
ensureDependencies();
build();
run(`services/${service}/src/main.js`, process.argv.slice(3));
