import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, CurrentActor, Public, SessionOnly } from './access.decorators.js';
import { AuthService } from './auth.service.js';
import type { Actor } from './role.js';
import { ChangePasswordDto, CreateApiTokenDto, LoginDto } from './user.dto.js';
import { UsersService } from './users.service.js';

const EVERYONE = ['office', 'unit', 'leader'] as const;

@ApiTags('auth (登录与令牌)')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Password login: a bearer token that expires after SESSION_HOURS. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @Allow(...EVERYONE)
  @Post('logout')
  @HttpCode(204)
  logout(@CurrentActor() actor: Actor) {
    return this.auth.logout(actor);
  }

  @Allow(...EVERYONE)
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  /** Changing the password ends every other session and token of the user. Not with an API token. */
  @Allow(...EVERYONE)
  @SessionOnly()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    return this.users.changePassword(actor, dto);
  }

  @Allow('office', 'leader')
  @Get('tokens')
  tokens(@CurrentActor() actor: Actor) {
    return this.auth.listTokens(actor);
  }

  /** A long-lived API token for an integration; shown once. Only from a password session. */
  @Allow('office', 'leader')
  @SessionOnly()
  @Post('tokens')
  createToken(@CurrentActor() actor: Actor, @Body() dto: CreateApiTokenDto) {
    return this.auth.createApiToken(actor, dto.name, dto.expiresAt);
  }

  /** Revokes one of the caller's own API tokens by the id GET /auth/tokens shows. Only from a password session. */
  @Allow('office', 'leader')
  @SessionOnly()
  @Delete('tokens/:id')
  @HttpCode(204)
  revokeToken(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.auth.revoke(actor, id);
  }
}
