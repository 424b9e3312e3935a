import { Controller, Get, Inject, Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@police/platform';
import { ConsoleSignIn } from './security-options';

/** The answer's shape in the OpenAPI document (the typed client's `/api/auth/config`). */
class ConsoleSignInView {
  @ApiProperty({
    enum: ['dev', 'oidc'],
    description: '`dev`: the persona picker of GET /api/auth/dev/users; `oidc`: the authorization code flow with PKCE',
  })
  kind!: 'dev' | 'oidc';

  @ApiPropertyOptional({
    description: 'oidc: the OpenID provider (its issuer URL, as the browser reaches it)',
    example: 'http://localhost:8080/realms/police',
  })
  authority?: string;

  @ApiPropertyOptional({ description: "oidc: the console's public client", example: 'police-web' })
  clientId?: string;

  @ApiPropertyOptional({ description: 'oidc: the scopes to ask for', example: 'openid profile' })
  scope?: string;
}

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
    @ApiOkResponse({ type: ConsoleSignInView, description: '`{ kind: "dev" }` or `{ kind: "oidc", authority, clientId, scope }`' })
    config(): ConsoleSignIn {
      return this.signIn;
    }
  }
  return AuthConfigController;
}
