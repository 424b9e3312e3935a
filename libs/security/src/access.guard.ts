import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Metrics } from '@police/metrics';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ACCESS_POLICY, AccessPolicy, SCRAPE_TOKEN_ROUTE } from './access-policy';
import { attachPrincipal } from './principal';
import { rememberRoute } from './request-context';
import { forbiddenRoute, identityProviderUnavailable, unauthenticated } from './security.problems';
import { AuthenticationError, TokenVerifier } from './token-verifier';

/** Injection token of the {@link TokenVerifier} the host trusts (OIDC provider or development issuer). */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** Injection token of the process's {@link Metrics}. */
export const METRICS = Symbol('METRICS');
/** Injection token of the metrics scrape token (`METRICS_SCRAPE_TOKEN`), or undefined when none is set. */
export const SCRAPE_TOKEN = Symbol('SCRAPE_TOKEN');

/** Whether two secrets are equal, in a time that does not depend on where they differ (or on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The effective policy of a handler: its own, else its controller's. */
export function policyOf(reflector: Reflector, handler: object, controller: object): AccessPolicy | undefined {
  return reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler as never, controller as never]);
}

/**
 * The global guard, registered once by the host: default deny. A route needs `@Public()`, or a
 * valid bearer token and one of the roles its `@Allow(...)` names (`@Authenticated()`: any role). A
 * route with no policy at all is refused with 403 (and the host does not start with one). A route
 * marked `@AcceptsScrapeToken()` also opens to the configured scrape token as bearer (compared in
 * constant time). Every refused token is counted by reason in the metrics.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Optional() @Inject(SCRAPE_TOKEN) private readonly scrapeToken?: string,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    rememberRoute(context.switchToHttp().getRequest<Request>());
    const policy = policyOf(this.reflector, context.getHandler(), context.getClass());
    if (!policy) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no access policy: refused`);
      throw forbiddenRoute();
    }
    if (policy.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const token = bearerToken(req.headers.authorization);
    if (
      token &&
      this.scrapeToken &&
      this.reflector.getAllAndOverride<boolean>(SCRAPE_TOKEN_ROUTE, [context.getHandler(), context.getClass()]) &&
      sameSecret(token, this.scrapeToken)
    )
      return true;
    if (!token) {
      this.metrics.tokenRefusals.inc({ reason: req.headers.authorization === undefined ? 'missing' : 'malformed' });
      res.setHeader('WWW-Authenticate', 'Bearer realm="police-case-platform"');
      throw unauthenticated('This endpoint needs a bearer token (Authorization: Bearer <access token>).');
    }
    let principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (e) {
      if (!(e instanceof AuthenticationError)) throw e;
      this.metrics.tokenRefusals.inc({ reason: e.reason });
      if (e.status === 503) {
        this.logger.error(`token check failed: ${e.message}`);
        throw identityProviderUnavailable(e.message);
      }
      res.setHeader(
        'WWW-Authenticate',
        `Bearer realm="police-case-platform", error="invalid_token", error_description="${e.message.replace(/"/g, "'")}"`,
      );
      throw unauthenticated(e.message);
    }
    attachPrincipal(req, principal);
    if (policy.roles !== 'any' && !principal.roles.some((r) => (policy.roles as string[]).includes(r))) throw forbiddenRoute();
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  return m ? m[1] : undefined;
}
