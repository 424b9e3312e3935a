import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiProblems, PROBLEM_BASE, ProblemException, Public } from '@police/platform';
import { DevIssuer } from './dev-issuer';
import { DevUser } from './dev-users';
import { DevTokenRequest } from './dev-auth.request';
import { LoginLockout } from './login-lockout';
import { AuthRateLimit } from './rate-limit';
import { tooManyRequests } from './security.problems';

/** Injection token of the development issuer's {@link LoginLockout}. */
export const LOGIN_LOCKOUT = Symbol('LOGIN_LOCKOUT');

/** The development issuer's endpoints, `/api/auth/dev/...`: embedded mode only. */
@ApiTags('auth (development issuer)')
@Public()
@Controller('auth/dev')
export class DevAuthController {
  constructor(
    private readonly issuer: DevIssuer,
    @Inject(LOGIN_LOCKOUT) private readonly lockout: LoginLockout,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'The seeded demo users, one or more per persona.' })
  users(): DevUser[] {
    return this.issuer.users.map((u) => ({
      username: u.username,
      staffId: u.staffId,
      displayName: u.displayName,
      roles: u.roles,
      teams: u.teams,
      unit: u.unit,
    }));
  }

  @Post('token')
  @HttpCode(200)
  @AuthRateLimit()
  @ApiProblems(401)
  @ApiOperation({ summary: 'A signed access token for one demo user (no password: development only).' })
  @ApiOkResponse({ description: '`{ access_token, token_type, expires_in }`' })
  async token(
    @Body() body: DevTokenRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    const client = req.ip ?? 'unknown';
    const wait = this.lockout.retryAfterSeconds(client);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw tooManyRequests(`Too many failed logins from this client: locked out. Retry after ${wait} s.`, wait);
    }
    const user = this.issuer.findUser(body.username);
    if (!user) {
      this.lockout.recordFailure(client);
      throw new ProblemException({
        type: `${PROBLEM_BASE}invalid-credentials`,
        title: 'Login failed',
        status: 401,
        detail: 'There is no demo user with this name (GET /api/auth/dev/users lists them).',
      });
    }
    const { accessToken, expiresIn } = await this.issuer.issue(user);
    res.setHeader('Cache-Control', 'no-store');
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn };
  }
}
