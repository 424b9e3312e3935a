import { INestApplication, Module } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import type { Pool } from 'pg';
import type { KeyEncryptionKey } from '@police/event-store';
import type { MessageBus } from '@police/messaging';
import { Metrics } from '@police/metrics';
import { configureHttpApp, ServiceRuntime, setupOpenApi } from '@police/platform';
import type { ServiceDefinition } from '@police/service-host';
import {
  AuditCheckpointOptions,
  auditCheckpointsFromEnv,
  authenticationFromEnv,
  consoleSignIn,
  rateLimitsFromEnv,
  scrapeTokenFromEnv,
  SecurityModule,
  SecurityModuleOptions,
  useStructuredLogs,
} from '@police/security';
import { EVIDENCE_DESCRIPTION, EvidenceModule } from '@police/evidence';
import { INTEGRITY_DESCRIPTION, IntegrityModule } from '@police/integrity';
import { INVESTIGATIONS_DESCRIPTION, InvestigationsModule } from '@police/investigations';
import { REPORTS_DESCRIPTION, ReportsModule } from '@police/reports';

/** The four services of the embedded product: their path prefix, module and OpenAPI description. */
export const EMBEDDED_SERVICES: readonly ServiceDefinition[] = [
  { name: 'reports', module: ReportsModule, description: REPORTS_DESCRIPTION },
  { name: 'investigations', module: InvestigationsModule, description: INVESTIGATIONS_DESCRIPTION },
  { name: 'evidence', module: EvidenceModule, description: EVIDENCE_DESCRIPTION },
  { name: 'integrity', module: IntegrityModule, description: INTEGRITY_DESCRIPTION },
];

/** The embedded host's audit checkpoints: the four services' event logs and their shared consultation log, in `dir` unless the environment says otherwise. */
export function embeddedCheckpoints(dir: string): AuditCheckpointOptions {
  return auditCheckpointsFromEnv({ service: 'embedded', services: EMBEDDED_SERVICES.map((s) => s.name), dir });
}

export interface EmbeddedAppOptions {
  /** The one pool every service and the consultation log share (PGlite's single connection, or a test database). */
  pool: Pool;
  bus: MessageBus;
  /** LISTEN/NOTIFY works on the pool: false on PGlite. */
  notifications: boolean;
  /** The process's metrics; default a new registry (with the process's own figures), measuring `pool` as `embedded`. */
  metrics?: Metrics;
  /** The audit checkpoints (ADR 0052; `embeddedCheckpoints`): `npm start` keeps them in its data folder; none, none written. */
  checkpoints?: AuditCheckpointOptions;
  /** Wraps the data keys of crypto-shredding (ADR 0053; `keyEncryptionKeyFromEnv`): `npm start` keeps one in its data folder; none, one for the process. */
  keyEncryptionKey?: KeyEncryptionKey;
  /** Overrides of the security settings (tests: rate limits, log destination). */
  security?: Partial<Omit<SecurityModuleOptions, 'mode' | 'pool' | 'notifications'>>;
}

/**
 * The embedded product as one Nest app: the four services under `/api/<service>`, security (the
 * development issuer at `/api/auth/dev`, the consultation log at `/api/audit` and each service's part of
 * it at `/api/<service>/audit`, as when it runs alone), the HTTP conventions and OpenAPI documents, and
 * the metrics of the process at `/api/<service>/metrics`. Not listening yet: `npm start` listens on PORT,
 * tests on a free port.
 */
export async function createEmbeddedApp(options: EmbeddedAppOptions): Promise<INestApplication> {
  const metrics = options.metrics ?? new Metrics();
  metrics.observePool('embedded', options.pool);
  const runtime = (service: ServiceRuntime['service']): ServiceRuntime => ({
    service,
    mode: 'embedded',
    schema: service,
    pool: options.pool,
    sharedPool: true,
    notifications: options.notifications,
    bus: options.bus,
    metrics,
    keyEncryptionKey: options.keyEncryptionKey,
  });
  const services = EMBEDDED_SERVICES.map((s) => ({ ...s, dynamic: s.module.register(runtime(s.name)) }));
  const authentication = options.security?.authentication ?? authenticationFromEnv('embedded');
  const security = SecurityModule.forRoot({
    mode: 'embedded',
    pool: options.pool,
    auditPath: 'audit',
    serviceLogs: EMBEDDED_SERVICES.map((s) => s.name),
    authentication,
    rateLimits: rateLimitsFromEnv(),
    metrics,
    metricsEndpoints: { paths: EMBEDDED_SERVICES.map((s) => `${s.name}/metrics`) },
    scrapeToken: scrapeTokenFromEnv(),
    checkpoints: options.checkpoints,
    ...options.security,
  });

  @Module({
    imports: [
      security,
      ...services.map((s) => s.dynamic),
      RouterModule.register(services.map((s) => ({ path: s.name, module: s.module }))),
    ],
  })
  class EmbeddedModule {}

  const app = await NestFactory.create(EmbeddedModule, { bufferLogs: true });
  useStructuredLogs(app);
  // The console signs in against the OIDC provider from the browser: its origin is one the page may call.
  const signIn = consoleSignIn(authentication);
  configureHttpApp(app, { connectSources: signIn.kind === 'oidc' ? [new URL(signIn.authority).origin] : [], metrics });
  setupOpenApi(app, services);
  return app;
}
