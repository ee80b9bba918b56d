import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from './role.js';

/** Who may call an endpoint. Without a rule only admin may: every endpoint states its rule. */
export interface AccessRule {
  /** No token needed (health, login). */
  public?: boolean;
  /** Roles allowed besides admin. */
  roles?: Role[];
  /** Also open without a token when the plan in the path is published. */
  published?: boolean;
}

export const ACCESS_RULE = 'qingdan:access';

export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** These roles (and admin) may call it; the plan in the path must be theirs. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

/** Reading a plan's four lists: every role of the plan, and anyone once the office has published it. */
export const ReadLists = () => SetMetadata(ACCESS_RULE, { roles: ['office', 'unit', 'leader'], published: true } satisfies AccessRule);

export const SESSION_ONLY = 'qingdan:session-only';

/**
 * Only with a password session, never with a long-lived API token: minting and revoking tokens, changing the
 * password. A leaked integration token then cannot make itself more tokens or lock its owner out.
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

export type AuthedRequest = FastifyRequest & { actor?: Actor | null };

/** The signed-in actor (null for the public on a published plan). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().actor ?? null;
});
