import 'reflect-metadata';
import { NestFactory, RouterModule } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { KafkaMessageBus } from '@police/messaging';
import { configureHttpApp, createPool, intEnv, requiredEnv, SERVICE_PORTS, setupOpenApi } from '@police/platform';
import { authenticationFromEnv, SecurityModule, useStructuredLogs } from '@police/security';
import { EVIDENCE_DESCRIPTION, EvidenceModule } from './evidence.module';

/** Production-like mode: this service alone, against PostgreSQL and Kafka from the environment. */
async function main(): Promise<void> {
  const pool = createPool(requiredEnv('DATABASE_URL', 'the PostgreSQL connection string of the evidence service'), intEnv('DB_POOL_SIZE', 10), 'evidence');
  const bus = new KafkaMessageBus({ brokers: requiredEnv('KAFKA_BROKERS', 'the Kafka brokers, comma-separated').split(','), clientId: 'evidence' });
  const module = EvidenceModule.register({
    service: 'evidence',
    mode: 'production',
    schema: process.env.DB_SCHEMA ?? 'evidence',
    pool,
    sharedPool: false,
    notifications: true,
    bus,
  });

  // Tokens from the OIDC provider (Keycloak); the consultation log in this service's database, at /api/evidence/audit.
  const security = SecurityModule.forRoot({ mode: 'production', pool, auditPath: 'evidence/audit', authentication: authenticationFromEnv('production') });

  @Module({ imports: [security, module, RouterModule.register([{ path: 'evidence', module: EvidenceModule }])] })
  class AppModule {}

  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  useStructuredLogs(app);
  configureHttpApp(app);
  app.enableShutdownHooks();
  setupOpenApi(app, [{ name: 'evidence', module: EvidenceModule, description: EVIDENCE_DESCRIPTION }]);
  const port = intEnv('PORT', SERVICE_PORTS.evidence);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  app.getHttpServer().once('close', () => void Promise.all([bus.close(), pool.end()]));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
