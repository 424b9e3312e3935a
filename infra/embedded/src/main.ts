import 'reflect-metadata';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { InProcessMessageBus } from '@police/messaging';
import { createPool, installDefectHandlers, intEnv, keyEncryptionKeyFromEnv, SERVICES, startTracing } from '@police/platform';
import { authenticationFromEnv } from '@police/security';
import { startEmbeddedDatabase } from './embedded-database';
import { consoleDir, serveConsole } from './console.static';
import { createEmbeddedApp, embeddedCheckpoints } from './embedded.module';

/**
 * Embedded mode: every service in one process, PostgreSQL from PGlite (data under ./.data), the
 * in-process bus instead of Kafka. `--fresh` starts from an empty store.
 */
async function main(): Promise<void> {
  const logger = new Logger('embedded');
  installDefectHandlers();
  // Off unless OTEL_TRACES_EXPORTER or an OTLP endpoint is set (README, "Observability").
  const tracing = startTracing({ service: 'police-case-platform' });
  const fresh = process.argv.includes('--fresh');
  const dataDir = process.env.DATA_DIR ?? '.data';
  const db = await startEmbeddedDatabase({ dataDir, fresh, logger });

  // One connection for the whole process: PGlite has one session, and its socket server interleaves
  // the messages of concurrent connections (see README, "Embedded mode").
  const pool = createPool(db.url, 1, 'embedded');
  const bus = new InProcessMessageBus();
  // The audit checkpoints anchor this data folder's logs: a fresh store starts a new file (the old one is kept aside).
  const checkpoints = embeddedCheckpoints(path.join(dataDir, 'audit-checkpoints'));
  const file = checkpoints.sink.location;
  if (fresh && existsSync(file)) renameSync(file, `${file}.before-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const keyEncryptionKey = keyEncryptionKeyFromEnv(dataDir).key;
  const app = await createEmbeddedApp({ pool, bus, notifications: false, checkpoints, keyEncryptionKey });
  const consoleServed = serveConsole(app, consoleDir());
  const port = intEnv('PORT', 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: stopping`);
    await app.close();
    await bus.close();
    await pool.end();
    await db.stop();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  logger.log(`Police case platform (embedded) on http://${host}:${port}/api/<service>/... — data in ${dataDir}${fresh ? ' (fresh)' : ''}`);
  if (consoleServed) logger.log(`  web console: open http://${host}:${port}/`);
  else logger.warn(`The web console is not built (${consoleDir()}): \`npm start\` builds it, or \`npx nx build console\`.`);
  for (const s of SERVICES) logger.log(`  ${s}: http://${host}:${port}/api/${s}/health  docs: /api/${s}/docs`);
  logger.log(`  auth and audit: docs /api/platform/docs; Kafka contracts: /api/<service>/asyncapi.json`);
  if (authenticationFromEnv('embedded').kind === 'dev') {
    logger.log(`  demo users: GET http://${host}:${port}/api/auth/dev/users; a token: POST /api/auth/dev/token {"username": "..."}`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(host))
      logger.warn(`HOST=${host}: the development issuer is reachable from the network; anyone who reaches it can act as any demo user.`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
