import 'reflect-metadata';
import { NestFactory, RouterModule } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { configureHttpApp, intEnv, requiredEnv, SERVICE_PORTS, setupOpenApi } from '@police/platform';
import { REPORTS_DESCRIPTION, ReportsModule } from './reports.module';

/** Production-like mode: this service alone, against PostgreSQL and Kafka from the environment. */
async function main(): Promise<void> {
  const module = ReportsModule.register({
    service: 'reports',
    mode: 'production',
    databaseUrl: requiredEnv('DATABASE_URL', 'the PostgreSQL connection string of the reports service'),
    schema: process.env.DB_SCHEMA ?? 'reports',
    poolSize: intEnv('DB_POOL_SIZE', 10),
  });

  @Module({ imports: [module, RouterModule.register([{ path: 'reports', module: ReportsModule }])] })
  class AppModule {}

  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  configureHttpApp(app);
  setupOpenApi(app, [{ name: 'reports', module: ReportsModule, description: REPORTS_DESCRIPTION }]);
  const port = intEnv('PORT', SERVICE_PORTS.reports);
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
