import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** `POST /api/auth/dev/token`: which demo user to sign a token for. */
export class DevTokenRequest {
  @ApiProperty({ example: 'pieter.janssens' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/, { message: 'username must be a user name such as pieter.janssens' })
  username: string;
}
