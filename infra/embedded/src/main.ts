import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { InProcessMessageBus } from '@police/messaging';
import { configureHttpApp, createPool, intEnv, ServiceRuntime, setupOpenApi } from '@police/platform';
import { EVIDENCE_DESCRIPTION, EvidenceModule } from '@police/evidence';
import { INTEGRITY_DESCRIPTION, IntegrityModule } from '@police/integrity';
import { INVESTIGATIONS_DESCRIPTION, InvestigationsModule } from '@police/investigations';
import { REPORTS_DESCRIPTION, ReportsModule } from '@police/reports';
import { startEmbeddedDatabase } from './embedded-database';

/**
 * Embedded mode: every service in one process, PostgreSQL from PGlite (data under ./.data), the
 * in-process bus instead of Kafka. `--fresh` starts from an empty store.
 */
async function main(): Promise<void> {
  const logger = new Logger('embedded');
  const fresh = process.argv.includes('--fresh');
  const dataDir = process.env.DATA_DIR ?? '.data';
  const db = await startEmbeddedDatabase({ dataDir, fresh, logger });

  // One connection for the whole process: PGlite has one session, and its socket server interleaves
  // the messages of concurrent connections (see infra/embedded/README.md).
  const pool = createPool(db.url, 1, 'embedded');
  const bus = new InProcessMessageBus();
  const runtime = (service: ServiceRuntime['service']): ServiceRuntime => ({
    service,
    mode: 'embedded',
    schema: service,
    pool,
    sharedPool: true,
    notifications: false,
    bus,
  });
  const services = [
    { name: 'reports' as const, module: ReportsModule, dynamic: ReportsModule.register(runtime('reports')), description: REPORTS_DESCRIPTION },
    { name: 'investigations' as const, module: InvestigationsModule, dynamic: InvestigationsModule.register(runtime('investigations')), description: INVESTIGATIONS_DESCRIPTION },
    { name: 'evidence' as const, module: EvidenceModule, dynamic: EvidenceModule.register(runtime('evidence')), description: EVIDENCE_DESCRIPTION },
    { name: 'integrity' as const, module: IntegrityModule, dynamic: IntegrityModule.register(runtime('integrity')), description: INTEGRITY_DESCRIPTION },
  ];

  @Module({
    imports: [...services.map((s) => s.dynamic), RouterModule.register(services.map((s) => ({ path: s.name, module: s.module })))],
  })
  class EmbeddedModule {}

  const app = await NestFactory.create(EmbeddedModule, { logger: ['error', 'warn', 'log'] });
  configureHttpApp(app);
  setupOpenApi(app, services);
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
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  logger.log(`Police case platform (embedded) on http://${host}:${port}/api/<service>/... — data in ${dataDir}${fresh ? ' (fresh)' : ''}`);
  for (const s of services) logger.log(`  ${s.name}: http://${host}:${port}/api/${s.name}/health  docs: /api/${s.name}/docs`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
