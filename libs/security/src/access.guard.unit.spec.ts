import { Metrics } from '@police/metrics';
import { Controller, Get, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ProblemException } from '@police/platform';
import { AccessPolicy, Allow, Authenticated, Consults, Public } from './access-policy';
import { AccessGuard } from './access.guard';
import { DevIssuer } from './dev-issuer';
import { principalOf } from './principal';
import { policyViolations, RouteEntry } from './route-inventory';

@Controller('x')
class Routes {
  @Get('forgotten') forgotten(): string {
    return 'forgotten';
  }
  @Public() @Get('open') open(): string {
    return 'open';
  }
  @Allow('dpo') @Get('dpo') dpo(): string {
    return 'dpo';
  }
  @Authenticated() @Get('anyone') anyone(): string {
    return 'anyone';
  }
}

@Allow('chief')
@Controller('y')
class ChiefRoutes {
  @Get('all') all(): string {
    return 'all';
  }
  @Public() @Get('exception') exception(): string {
    return 'exception';
  }
}

describe('AccessGuard: default deny', () => {
  let issuer: DevIssuer;
  let guard: AccessGuard;
  beforeAll(async () => {
    Logger.overrideLogger(false);
    issuer = await DevIssuer.create();
    guard = new AccessGuard(new Reflector(), issuer.verifier(), new Metrics({ processMetrics: false }));
  });

  async function run(
    controller: object,
    handler: string,
    username?: string,
  ): Promise<{ allowed?: boolean; status?: number; staffId?: string }> {
    const headers: Record<string, string> = {};
    if (username) headers.authorization = `Bearer ${(await issuer.issue(issuer.findUser(username)!)).accessToken}`;
    const req = { headers, method: 'GET' } as never;
    const res = { setHeader: () => undefined } as never;
    const ctx = new ExecutionContextHost(
      [req, res],
      controller as never,
      (controller as { prototype: Record<string, () => void> }).prototype[handler],
    );
    ctx.setType('http');
    try {
      const allowed = await guard.canActivate(ctx);
      return { allowed, staffId: principalOf(req)?.staffId };
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemException);
      return { status: (e as ProblemException).getStatus() };
    }
  }

  it('refuses a route without a policy, even to a valid token', async () => {
    expect(await run(Routes, 'forgotten', 'filip.vermeulen')).toEqual({ status: 403 });
    expect(await run(Routes, 'forgotten')).toEqual({ status: 403 });
  });

  it('lets anyone through a public route, and asks the rest for a token and a role', async () => {
    expect(await run(Routes, 'open')).toEqual({ allowed: true });
    expect(await run(Routes, 'dpo')).toEqual({ status: 401 });
    expect(await run(Routes, 'dpo', 'bart.desmet')).toEqual({ status: 403 });
    expect(await run(Routes, 'dpo', 'ines.dubois')).toEqual({ allowed: true, staffId: '5415-0403' });
    expect(await run(Routes, 'anyone', 'nathalie.wouters')).toEqual({ allowed: true, staffId: '5415-0302' });
  });

  it('applies a controller policy to its routes, a route policy overriding it', async () => {
    expect(await run(ChiefRoutes, 'all', 'filip.vermeulen')).toEqual({ allowed: true, staffId: '5415-0001' });
    expect(await run(ChiefRoutes, 'all', 'els.jacobs')).toEqual({ status: 403 });
    expect(await run(ChiefRoutes, 'exception')).toEqual({ allowed: true });
  });
});

describe('policyViolations', () => {
  it('names routes without a policy, public routes that consult records, and lists or searches without a rate limit', () => {
    const detective: AccessPolicy = { kind: 'authenticated', roles: ['detective'] };
    const routes: RouteEntry[] = [
      { method: 'GET', path: '/api/a', controller: 'A', handler: 'a' },
      { method: 'GET', path: '/api/b', controller: 'B', handler: 'b', policy: { kind: 'public' }, consults: ['person'] },
      { method: 'GET', path: '/api/c', controller: 'C', handler: 'c', policy: detective, consults: ['person'], rateLimit: 'search' },
      { method: 'GET', path: '/api/d/persons', controller: 'D', handler: 'd', policy: detective, consults: ['person'] },
      { method: 'GET', path: '/api/e/:id/parts', controller: 'E', handler: 'e', policy: detective, consults: ['person'] },
      { method: 'POST', path: '/api/f', controller: 'F', handler: 'f', policy: detective },
      { method: 'GET', path: '/api/g/health', controller: 'G', handler: 'g', policy: { kind: 'public' } },
    ];
    expect(policyViolations(routes)).toEqual([
      'GET /api/a (A.a) has no access policy: add @Public(), @Allow(...roles) or @Authenticated()',
      'GET /api/b (B.b) is public but consults person: protected records need an authenticated policy',
      'GET /api/d/persons (D.d) lists or searches records: add @SearchRateLimit()',
    ]);
  });

  it('rejects @Allow() without roles and unknown roles at decoration time', () => {
    expect(() => Allow()).toThrow('@Allow() needs at least one role');
    expect(() => Allow('sheriff' as never)).toThrow('unknown role(s) sheriff');
    expect(() => Consults()).toThrow('@Consults() needs at least one resource type');
  });
});
