import { Controller, Get, Inject, Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@police/platform';
import { ConsoleSignIn } from './security-options';

/** Injection token of what {@link authConfigController} answers. */
export const CONSOLE_SIGN_IN = Symbol('CONSOLE_SIGN_IN');

/**
 * What a browser console needs to sign in, at `/api/<path>` (public: it is read before anyone has signed
 * in): `{ kind: 'dev' }` with the development issuer (the console then offers the persona picker of
 * `GET /api/auth/dev/users`), or `{ kind: 'oidc', authority, clientId, scope }` for the authorization
 * code flow with PKCE against the identity provider.
 */
export function authConfigController(path: string): Type<unknown> {
  @ApiTags('auth')
  @Public()
  @Controller(path)
  class AuthConfigController {
    constructor(@Inject(CONSOLE_SIGN_IN) private readonly signIn: ConsoleSignIn) {}

    @Get()
    @ApiOperation({ summary: 'How the console signs in: the development issuer, or the OIDC provider (authority, client id, scope).' })
    @ApiOkResponse({ description: '`{ kind: "dev" }` or `{ kind: "oidc", authority, clientId, scope }`' })
    config(): ConsoleSignIn {
      return this.signIn;
    }
  }
  return AuthConfigController;
}
