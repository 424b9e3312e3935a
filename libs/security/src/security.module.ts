import { hostname } from 'node:os';
import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
  Provider,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, ModulesContainer } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { registerResponseSchemas } from '@police/platform';
import { ACCESS_RULES, AccessControl, AccessRules } from './access-control';
import { DEFAULT_COMPARTMENTS, DEFAULT_RESOURCE_POLICIES } from './access-policy';
import { AccessGuard, METRICS, SCRAPE_TOKEN, TOKEN_VERIFIER } from './access.guard';
import { Metrics } from '@police/metrics';
import { metricsControllers } from './metrics.http';
import { AUDIT_CHECKPOINTS, AuditCheckpoints, auditController, CONSULTATION_LOG_KEEPER } from './audit.http';
import { auditAnchor } from './audit-checkpoints';
import { authConfigController, CONSOLE_SIGN_IN } from './auth-config.http';
import { firstLaneOf } from './consultation-lanes';
import { ConsultationLog } from './consultation-log';
import { ConsultationEnforcer } from './consultation.interceptor';
import { DevAuthController, LOGIN_LOCKOUT } from './dev-auth.http';
import { DevIssuer } from './dev-issuer';
import { LoginLockout } from './login-lockout';
import { RateLimitGuard, throttlerOptions } from './rate-limit';
import { RecordSearch } from './record-search';
import { requestLoggerModule } from './request-logging';
import { discoverRoutes, policyViolations } from './route-inventory';
import { consoleSignIn, DEFAULT_RATE_LIMITS, RateLimits, SecurityModuleOptions } from './security-options';
import { TokenVerifier } from './token-verifier';

import responses from './security.responses.json';

// What the audit and development-issuer routes answer, generated from their return types (npm run api:generate).
registerResponseSchemas(responses);

const SECURITY_OPTIONS = Symbol('SECURITY_OPTIONS');

/** Starts and stops the consultation log with the app, and refuses to start with an unprotected route. */
@Injectable()
class SecurityLifecycle implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly log: ConsultationLog,
    private readonly modules: ModulesContainer,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityModuleOptions,
    @Inject(AUDIT_CHECKPOINTS) private readonly checkpoints: AuditCheckpoints | null,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.log.start();
  }

  onApplicationBootstrap(): void {
    const violations = policyViolations(discoverRoutes(this.modules));
    if (violations.length > 0)
      throw new Error(
        `Refusing to start: every route needs an access policy, and every list or search a rate limit.\n  ${violations.join('\n  ')}`,
      );
    if (this.options.authentication.kind === 'dev') {
      this.logger.warn('Development issuer active: anyone who reaches /api/auth/dev/token can act as any demo user. Embedded mode only.');
    }
    // Every module has migrated its schema by now; a log not there yet is anchored at a later run.
    const checkpoints = this.options.checkpoints;
    if (this.checkpoints && checkpoints) {
      this.logger.log(
        `Audit checkpoints every ${checkpoints.intervalMs} ms to ${checkpoints.sink.location} (key ${checkpoints.key.keyId.slice(0, 16)}…)`,
      );
      this.checkpoints.anchor.start(checkpoints.intervalMs, (e) =>
        this.logger.warn(`Audit checkpoints not written: ${e instanceof Error ? e.message : String(e)}; retrying at the next interval`),
      );
    }
  }

  /** Before the HTTP server and the host's pool close. */
  async onModuleDestroy(): Promise<void> {
    await this.checkpoints?.anchor.stop();
    await this.log.stop();
  }
}

/**
 * Authentication, authorization and the consultation log for a host (the embedded app, or one
 * service's main): register it once with `SecurityModule.forRoot`. It installs, globally, the access
 * guard (default deny), the rate-limit guard, the `@Consults` enforcer and pino request logs, and
 * serves the audit endpoints and the console's sign-in settings (plus the development issuer in embedded mode).
 */
@Module({})
export class SecurityModule {
  static forRoot(options: SecurityModuleOptions): DynamicModule {
    if (options.mode === 'production' && options.authentication.kind === 'dev') {
      throw new Error(
        'The development issuer can never run in production mode: configure OIDC (OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URI).',
      );
    }
    const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
    const rules: AccessRules = {
      policies: { ...DEFAULT_RESOURCE_POLICIES, ...options.policies },
      compartments: options.compartments ?? DEFAULT_COMPARTMENTS,
    };
    const auth = options.authentication;
    const metrics = options.metrics ?? new Metrics({ processMetrics: false });
    const providers: Provider[] = [
      { provide: SECURITY_OPTIONS, useValue: options },
      { provide: ACCESS_RULES, useValue: rules },
      { provide: METRICS, useValue: metrics },
      { provide: SCRAPE_TOKEN, useValue: options.scrapeToken },
      {
        provide: ConsultationLog,
        // Replicas of a service share its database: each starts from a lane of its own host (ADR 0057).
        useFactory: () =>
          new ConsultationLog({ pool: options.pool, metrics, firstLane: options.mode === 'production' ? firstLaneOf(hostname()) : 0 }),
      },
      // The embedded host's log holds its four services' consultations; a service alone keeps its own.
      {
        provide: CONSULTATION_LOG_KEEPER,
        useValue: options.serviceLogs ? 'embedded' : options.auditPath.replace(/\/?audit$/, '') || 'host',
      },
      {
        provide: AUDIT_CHECKPOINTS,
        useValue: options.checkpoints
          ? { service: options.checkpoints.service, anchor: auditAnchor(options.pool, options.checkpoints) }
          : null,
      },
      AccessControl,
      RecordSearch,
      SecurityLifecycle,
      { provide: APP_GUARD, useClass: AccessGuard },
      { provide: APP_GUARD, useClass: RateLimitGuard },
      { provide: APP_INTERCEPTOR, useClass: ConsultationEnforcer },
      { provide: CONSOLE_SIGN_IN, useValue: consoleSignIn(options.authentication) },
    ];
    // The metrics first: `/api/<service>/metrics` must match before a service's `/:id`.
    const controllers = [
      ...(options.metricsEndpoints ? metricsControllers(options.metricsEndpoints) : []),
      auditController(options.auditPath),
      ...(options.serviceLogs ?? []).map((s) => auditController(`${s}/audit`, `/api/${s}/`)),
      authConfigController(options.authConfigPath ?? 'auth/config'),
    ];
    if (auth.kind === 'dev') {
      providers.push(
        { provide: DevIssuer, useFactory: () => DevIssuer.create({ users: auth.users, tokenTtlSeconds: auth.tokenTtlSeconds }) },
        { provide: TOKEN_VERIFIER, useFactory: (issuer: DevIssuer) => issuer.verifier(), inject: [DevIssuer] },
        {
          provide: LOGIN_LOCKOUT,
          useValue: new LoginLockout({ maxFailures: limits.loginFailures.limit, windowMs: limits.loginFailures.windowMs }),
        },
      );
      controllers.push(DevAuthController);
    } else {
      providers.push({
        provide: TOKEN_VERIFIER,
        useValue: TokenVerifier.remote({ issuer: auth.issuer, audience: auth.audience, algorithms: auth.algorithms }, auth.jwksUri),
      });
    }
    return {
      module: SecurityModule,
      global: true,
      imports: [
        ThrottlerModule.forRoot(throttlerOptions(limits)),
        requestLoggerModule({ level: options.logLevel ?? process.env.LOG_LEVEL ?? 'info', destination: options.logDestination }),
      ],
      controllers,
      providers,
      exports: [AccessControl, ConsultationLog, RecordSearch, METRICS, AUDIT_CHECKPOINTS],
    };
  }
}
