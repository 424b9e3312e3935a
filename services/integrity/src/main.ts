import 'reflect-metadata';
import { NestFactory, RouterModule } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { KafkaMessageBus } from '@police/messaging';
import { configureHttpApp, createPool, intEnv, requiredEnv, SERVICE_PORTS, setupOpenApi } from '@police/platform';
import { authenticationFromEnv, SecurityModule, useStructuredLogs } from '@police/security';
import { INTEGRITY_DESCRIPTION, IntegrityModule } from './integrity.module';

/** Production-like mode: this service alone, against PostgreSQL and Kafka from the environment. */
async function main(): Promise<void> {
  const pool = createPool(requiredEnv('DATABASE_URL', 'the PostgreSQL connection string of the integrity service'), intEnv('DB_POOL_SIZE', 10), 'integrity');
  const bus = new KafkaMessageBus({ brokers: requiredEnv('KAFKA_BROKERS', 'the Kafka brokers, comma-separated').split(','), clientId: 'integrity' });
  const module = IntegrityModule.register({
    service: 'integrity',
    mode: 'production',
    schema: process.env.DB_SCHEMA ?? 'integrity',
    pool,
    sharedPool: false,
    notifications: true,
    bus,
  });

  // Tokens from the OIDC provider (Keycloak); the consultation log in this service's database, at /api/integrity/audit.
  const security = SecurityModule.forRoot({ mode: 'production', pool, auditPath: 'integrity/audit', authentication: authenticationFromEnv('production') });

  @Module({ imports: [security, module, RouterModule.register([{ path: 'integrity', module: IntegrityModule }])] })
  class AppModule {}

  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  useStructuredLogs(app);
  configureHttpApp(app);
  app.enableShutdownHooks();
  setupOpenApi(app, [{ name: 'integrity', module: IntegrityModule, description: INTEGRITY_DESCRIPTION }]);
  const port = intEnv('PORT', SERVICE_PORTS.integrity);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  app.getHttpServer().once('close', () => void Promise.all([bus.close(), pool.end()]));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
