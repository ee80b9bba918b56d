import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ForbiddenError, UnauthenticatedError } from '../common/domain-error.js';
import { Plan } from '../plans/plan.entity.js';
import { ACCESS_RULE, type AccessRule, type AuthedRequest, SESSION_ONLY } from './access.decorators.js';
import { AuthService } from './auth.service.js';
import { canSeePlan } from './role.js';

/**
 * Every request: a valid bearer token (401 otherwise), a role the endpoint allows (403 otherwise), and the
 * plan in the path one the user belongs to (403). Public endpoints and published plans' lists need no token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]) ?? {};
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const planId = this.planIdOf(request);
    const token = this.bearer(request);
    const actor = token ? await this.auth.authenticate(token) : null;
    if (token && !actor) throw new UnauthenticatedError('访问令牌无效或已过期，请重新登录');
    if (!actor) {
      if (rule.published && (planId === undefined || (await this.isPublished(planId)))) {
        request.actor = null;
        return true;
      }
      throw new UnauthenticatedError();
    }
    if (planId !== undefined && !canSeePlan(actor, { id: planId, published: false })) {
      // Someone of another plan reads a published plan's lists as the public does, and nothing more.
      if (rule.published && (await this.isPublished(planId))) {
        request.actor = null;
        return true;
      }
      throw new ForbiddenError('无权访问该方案');
    }
    if (actor.role !== 'admin' && !(rule.roles ?? []).includes(actor.role)) throw new ForbiddenError();
    if (actor.tokenKind !== 'session' && this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY, [context.getHandler(), context.getClass()])) {
      throw new ForbiddenError('API 令牌不能创建或吊销令牌、不能修改密码，请用密码登录后操作');
    }
    request.actor = actor;
    return true;
  }

  private bearer(request: AuthedRequest): string | null {
    const header = request.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError('Authorization 头应为 “Bearer <令牌>”');
    return match[1];
  }

  /** The plan in the path, when the route has one and it reads as an id (IdPipe reports a bad one). */
  private planIdOf(request: AuthedRequest): number | undefined {
    const raw = (request.params as Record<string, string> | undefined)?.planId;
    return raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  }

  private async isPublished(planId: number): Promise<boolean> {
    const plan = await this.dataSource.getRepository(Plan).findOne({ where: { id: planId }, select: { id: true, published: true } });
    return plan?.published ?? false;
  }
}
