import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { RATE_LIMIT } from '@police/platform';
import { principalOf } from './principal';
import { RateLimits } from './security-options';
import { tooManyRequests } from './security.problems';

/** Which limit a route counts against: token requests per client, or searches per person. */
export type RateLimitBucket = 'auth' | 'search';
type Bucket = RateLimitBucket;

/** Rate-limits a token endpoint per client address (`RateLimits.auth`). */
export function AuthRateLimit(): MethodDecorator & ClassDecorator {
  return SetMetadata(RATE_LIMIT, 'auth' satisfies Bucket);
}

/** Rate-limits a search or query endpoint per principal (`RateLimits.search`). */
export function SearchRateLimit(): MethodDecorator & ClassDecorator {
  return SetMetadata(RATE_LIMIT, 'search' satisfies Bucket);
}

/** The rate limit a route handler declares, on itself or its controller. */
export function rateLimitOf(handler: object, controller: object): RateLimitBucket | undefined {
  return (Reflect.getMetadata(RATE_LIMIT, handler) ?? Reflect.getMetadata(RATE_LIMIT, controller)) as RateLimitBucket | undefined;
}

function bucketOf(context: ExecutionContext): Bucket | undefined {
  return rateLimitOf(context.getHandler(), context.getClass());
}

/** Two named throttlers, each active only on the routes marked for it. */
export function throttlerOptions(limits: RateLimits): ThrottlerModuleOptions {
  return {
    setHeaders: false,
    throttlers: [
      { name: 'auth', limit: limits.auth.limit, ttl: limits.auth.windowMs, skipIf: (c) => bucketOf(c) !== 'auth' },
      {
        name: 'search',
        limit: limits.search.limit,
        ttl: limits.search.windowMs,
        skipIf: (c) => bucketOf(c) !== 'search',
        getTracker: (req) => {
          const principal = principalOf(req as Request);
          return principal ? `staff:${principal.staffId}` : `ip:${(req as Request).ip}`;
        },
        // Counted per route (its template), not per handler class: a controller made by a factory for
        // several paths (each service's part of the consultation log, its metrics) counts each path apart.
        generateKey: (c, tracker, name) => {
          const route = (c.switchToHttp().getRequest<Request>().route as { path?: string } | undefined)?.path;
          return `${name}:${route ?? `${c.getClass().name}.${c.getHandler().name}`}:${tracker}`;
        },
      },
    ],
  };
}

/**
 * @nestjs/throttler's guard, answering with a standard `Retry-After` header and a problem+json 429.
 * Registered after the access guard, so search limits count per authenticated principal.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const wait = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
    throw tooManyRequests(
      `Too many requests: at most ${detail.limit} per ${Math.round(detail.ttl / 1000)} s. Retry after ${wait} s.`,
      wait,
    );
  }
}
