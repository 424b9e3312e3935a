import { METHODS } from 'node:http';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_PATH, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { AccessPolicy, CONSULTS, ResourceType } from './access-policy';
import { policyOf } from './access.guard';
import { RateLimitBucket, rateLimitOf } from './rate-limit';

/** A Nest route with the access policy it declares. */
export interface RouteEntry {
  method: string;
  /** Full path template, e.g. `/api/evidence/items/:id`. */
  path: string;
  controller: string;
  handler: string;
  policy?: AccessPolicy;
  consults?: ResourceType[];
  rateLimit?: RateLimitBucket;
}

function join(...parts: (string | undefined)[]): string {
  const joined = parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/');
  return `/${joined}`;
}

function asList(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : [typeof v === 'string' ? v : '/'];
}

/**
 * Every route Nest serves from a controller, with its declared policy: the inventory the host's
 * start-up check and the authorization matrix test are built on. `globalPrefix` is the app's
 * (`api` for every host of this platform).
 */
export function discoverRoutes(modules: ModulesContainer, globalPrefix = 'api'): RouteEntry[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: RouteEntry[] = [];
  for (const mod of modules.values()) {
    const modulePath = (Reflect.getMetadata(MODULE_PATH + modules.applicationId, mod.metatype) ??
      Reflect.getMetadata(MODULE_PATH, mod.metatype)) as string | undefined;
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as object;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (methodPath === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod] ?? 'GET';
        for (const ctrlPath of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const p of asList(methodPath)) {
            routes.push({
              method,
              path: join(globalPrefix, modulePath, ctrlPath, p),
              controller: controller.name,
              handler: name,
              policy: policyOf(reflector, handler, controller),
              consults: reflector.getAllAndOverride<ResourceType[] | undefined>(CONSULTS, [handler as never, controller as never]),
              rateLimit: rateLimitOf(handler, controller),
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/**
 * Whether a route lists or searches: an authenticated GET whose path names no record (no path
 * parameter), such as `/api/reports`, `/api/investigations/persons` or `/api/audit/consultations`.
 * Reads of one record and its parts (`/api/reports/:id/pvs`) are bounded by that record.
 */
export function isListOrSearch(route: Pick<RouteEntry, 'method' | 'path' | 'policy'>): boolean {
  return route.method === 'GET' && route.policy !== undefined && route.policy.kind !== 'public' && !route.path.includes(':');
}

/** Routes that break the rules: no policy, a public route that consults records, or a list or search without a rate limit. */
export function policyViolations(routes: RouteEntry[]): string[] {
  return routes.flatMap((r) => {
    const at = `${r.method} ${r.path} (${r.controller}.${r.handler})`;
    if (!r.policy) return [`${at} has no access policy: add @Public(), @Allow(...roles) or @Authenticated()`];
    if (r.policy.kind === 'public' && r.consults)
      return [`${at} is public but consults ${r.consults.join(', ')}: protected records need an authenticated policy`];
    if (isListOrSearch(r) && r.rateLimit !== 'search') return [`${at} lists or searches records: add @SearchRateLimit()`];
    return [];
  });
}

/**
 * What the HTTP server actually answers, from Express's router: Nest routes and the others (the
 * OpenAPI documents and UI), leaving out middleware mounted for every method. Use it to check that
 * an inventory of routes misses none (a Nest `@All()` route is left out too: `discoverRoutes` has it).
 */
export function servedRoutes(app: INestApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] }; _router?: { stack: ExpressLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const out: { method: string; path: string }[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const methods = Object.entries(layer.route.methods)
      .filter(([m, on]) => on && m !== '_all')
      .map(([m]) => m.toUpperCase());
    // A middleware mounted for every method (the request logger), not a handler.
    if (layer.route.methods._all || METHODS.every((m) => methods.includes(m))) continue;
    for (const method of methods) out.push({ method, path: layer.route.path });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
