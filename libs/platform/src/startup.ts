import { Logger } from '@nestjs/common';
import { backoffDelay, BackoffPolicy, DEFAULT_BACKOFF, describeError } from '@police/event-store';
import { createServer, Server } from 'node:http';
import type { Pool } from 'pg';
import { defectCount } from './defects';
import { HEALTH_PROBE_TTL_MS, LivenessReport, ReadinessChecks } from './health';
import { PROBLEM_BASE } from './problem-details';
import { intEnv, ServiceName } from './runtime';
import { isStoreUnavailable, storeRetryAfterSeconds, storeUnavailableProblem } from './store-unavailable';

/**
 * The port of a service while it waits for its store at start-up: liveness answers 200 (the process is
 * fine, it must not be restarted for an outage of PostgreSQL), readiness and `/health` 503 with the same
 * checks as the real routes, every other request the store-unavailable 503 with `Retry-After`. Closed
 * once the service itself listens.
 */
export async function listenWhileStarting(service: ServiceName, port: number, host: string): Promise<{ close(): Promise<void> }> {
  const prefix = `/api/${service}/health`;
  const maxLag = intEnv('READY_MAX_LAG_EVENTS', 1000);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
    const json = (status: number, type: string, body: unknown) => {
      res.writeHead(status, {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'no-store',
        ...(status === 503 ? { 'retry-after': String(storeRetryAfterSeconds()) } : {}),
      });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === `${prefix}/live`) {
      const live: LivenessReport = { service, status: 'alive', defects: defectCount() };
      return json(200, 'application/json', live);
    }
    if (req.method === 'GET' && path === prefix)
      return json(503, 'application/json', { service, status: 'down', checks: { database: 'down' } });
    if (req.method === 'GET' && path === `${prefix}/ready`) {
      const checks: ReadinessChecks = { store: 'down', projections: 'retrying', lag: 0, maxLag, relay: 'none', consumer: 'none' };
      const detail = 'Not ready: starting, the store does not accept connections yet.';
      return json(503, 'application/problem+json', {
        type: `${PROBLEM_BASE}not-ready`,
        title: 'Not ready',
        status: 503,
        detail,
        instance: path,
        service,
        checks,
      });
    }
    return json(503, 'application/problem+json', { ...storeUnavailableProblem(), instance: path });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Waits until PostgreSQL takes a query (`SELECT 1`), retrying with capped back-off while it cannot be
 * reached ({@link isStoreUnavailable}); any other failure (a wrong password, a missing database) is thrown:
 * waiting would not cure it. Logs the first failure and then every tenth attempt.
 */
export async function waitForStore(
  pool: Pool,
  service: ServiceName,
  options: { backoff?: BackoffPolicy; logger?: Logger } = {},
): Promise<void> {
  const logger = options.logger ?? new Logger(`${service}:startup`);
  const since = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      if (attempt > 1) logger.log(`store reachable after ${attempt - 1} failed attempts (${Date.now() - since} ms); starting`);
      return;
    } catch (e) {
      if (!isStoreUnavailable(e)) throw e;
      if (attempt === 1 || attempt % 10 === 0)
        logger.warn(`store unavailable at start-up: ${describeError(e)}; attempt ${attempt}, retrying`);
    }
    await new Promise((r) => setTimeout(r, Math.max(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF), HEALTH_PROBE_TTL_MS / 10)));
  }
}
