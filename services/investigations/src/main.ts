import 'reflect-metadata';
import { NestFactory, RouterModule } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { KafkaMessageBus } from '@police/messaging';
import { configureHttpApp, createPool, intEnv, requiredEnv, SERVICE_PORTS, setupOpenApi } from '@police/platform';
import { authenticationFromEnv, SecurityModule, useStructuredLogs } from '@police/security';
import { INVESTIGATIONS_DESCRIPTION, InvestigationsModule } from './investigations.module';

/** Production-like mode: this service alone, against PostgreSQL and Kafka from the environment. */
async function main(): Promise<void> {
  const pool = createPool(requiredEnv('DATABASE_URL', 'the PostgreSQL connection string of the investigations service'), intEnv('DB_POOL_SIZE', 10), 'investigations');
  const bus = new KafkaMessageBus({ brokers: requiredEnv('KAFKA_BROKERS', 'the Kafka brokers, comma-separated').split(','), clientId: 'investigations' });
  const module = InvestigationsModule.register({
    service: 'investigations',
    mode: 'production',
    schema: process.env.DB_SCHEMA ?? 'investigations',
    pool,
    sharedPool: false,
    notifications: true,
    bus,
  });

  // Tokens from the OIDC provider (Keycloak); the consultation log in this service's database, at /api/investigations/audit.
  const security = SecurityModule.forRoot({ mode: 'production', pool, auditPath: 'investigations/audit', authentication: authenticationFromEnv('production') });

  @Module({ imports: [security, module, RouterModule.register([{ path: 'investigations', module: InvestigationsModule }])] })
  class AppModule {}

  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  useStructuredLogs(app);
  configureHttpApp(app);
  app.enableShutdownHooks();
  setupOpenApi(app, [{ name: 'investigations', module: InvestigationsModule, description: INVESTIGATIONS_DESCRIPTION }]);
  const port = intEnv('PORT', SERVICE_PORTS.investigations);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  app.getHttpServer().once('close', () => void Promise.all([bus.close(), pool.end()]));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
