import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationFailedError } from '../common/domain-error.js';
import { checkVersion, withCurrentView } from '../database/check-version.js';
import { Plan } from '../plans/plan.entity.js';
import { Unit } from '../units/unit.entity.js';
import { AccessToken } from './access-token.entity.js';
import { toUserView, type UserView } from './auth.service.js';
import type { Actor, Role } from './role.js';
import { hashPassword, verifyPassword } from './secrets.js';
import type { ChangePasswordDto, CreateUserDto, UpdateUserDto } from './user.dto.js';
import { User } from './user.entity.js';

/** Accounts. Admin manages everyone; an office manages the unit and leader accounts of its plans. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, planId?: number): Promise<UserView[]> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').orderBy('u.id', 'ASC');
    if (actor.role !== 'admin') qb.andWhere("u.role IN ('unit', 'leader')");
    if (actor.planId !== null) qb.andWhere('u.planId = :own', { own: actor.planId });
    if (planId !== undefined) qb.andWhere('u.planId = :planId', { planId });
    return (await qb.getMany()).map(toUserView);
  }

  async get(actor: Actor, id: number): Promise<UserView> {
    return toUserView(await this.managed(actor, id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      // An office's new accounts belong to its plan unless it names one.
      const fields = await this.placement(
        manager,
        dto.role,
        dto.planId ?? (actor.role === 'office' && dto.role !== 'admin' ? actor.planId : null),
        dto.unitId ?? null,
      );
      this.checkMayManage(actor, dto.role, fields.planId);
      const clash = await manager
        .getRepository(User)
        .createQueryBuilder('u')
        .where('LOWER(u.username) = LOWER(:username)', { username: dto.username })
        .getOne();
      if (clash) throw new ValidationFailedError([{ field: 'username', value: dto.username, message: '用户名已存在' }]);
      const user = await manager.save(User, {
        username: dto.username,
        displayName: dto.displayName ?? '',
        passwordHash: await hashPassword(dto.password),
        role: dto.role,
        ...fields,
        email: dto.email ?? null,
        active: true,
      });
      this.logger.log(`User "${user.username}" (${user.role}) created by ${actor.username}`);
      return toUserView(user);
    });
  }

  async update(actor: Actor, id: number, dto: UpdateUserDto): Promise<UserView> {
    const change = () =>
      this.dataSource.transaction(async (manager) => {
        const user = await this.managed(actor, id, manager);
        checkVersion('用户', dto.version, user);
        if (dto.displayName !== undefined) user.displayName = dto.displayName;
        if (dto.email !== undefined) user.email = dto.email;
        if (dto.active !== undefined) user.active = dto.active;
        if (dto.password !== undefined) user.passwordHash = await hashPassword(dto.password);
        const saved = await manager.save(User, user);
        if (dto.password !== undefined || dto.active === false) await this.revokeAll(manager, user.id);
        return toUserView(saved);
      });
    return withCurrentView(change, () => this.get(actor, id));
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const user = await this.managed(actor, id);
    if (user.id === actor.userId) throw new ForbiddenError('不能删除自己的账号');
    await this.dataSource.getRepository(User).remove(user);
  }

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.userId })
      .getOne();
    if (!user || !(await verifyPassword(dto.currentPassword, user.passwordHash))) throw new UnauthenticatedError('当前密码错误');
    await this.dataSource.transaction(async (manager) => {
      user.passwordHash = await hashPassword(dto.newPassword);
      await manager.save(User, user);
      await this.revokeAll(manager, user.id, actor.tokenId);
    });
  }

  /** Creates the named admin unless an admin exists already (first start with ADMIN_USERNAME). True when created. */
  async ensureAdmin(username: string, password: string): Promise<boolean> {
    if (await this.dataSource.getRepository(User).existsBy({ role: 'admin' })) return false;
    await this.createAdmin(username, password);
    return true;
  }

  /** A new admin account (the CLI's create-admin); refused when the name is taken or the password short. */
  async createAdmin(username: string, password: string): Promise<UserView> {
    if (!/^[A-Za-z0-9._@-]{2,64}$/.test(username))
      throw new ValidationFailedError([{ field: 'username', value: username, message: '用户名只能用字母、数字和 . _ @ -（2-64个字符）' }]);
    if (password.length < 8) throw new ValidationFailedError([{ field: 'password', message: '密码至少8个字符' }]);
    const repo = this.dataSource.getRepository(User);
    if (await repo.createQueryBuilder('u').where('LOWER(u.username) = LOWER(:username)', { username }).getExists()) {
      throw new ValidationFailedError([{ field: 'username', value: username, message: '用户名已存在' }]);
    }
    const user = await repo.save({
      username,
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      role: 'admin',
      planId: null,
      unitId: null,
      email: null,
      active: true,
    });
    this.logger.log(`Admin "${username}" created`);
    return toUserView(user);
  }

  /** Where a role sits: unit users in their unit's plan; admins nowhere in particular. */
  private async placement(manager: EntityManager, role: Role, planId: number | null, unitId: number | null) {
    if (role === 'unit') {
      if (unitId === null) throw new ValidationFailedError([{ field: 'unitId', message: '责任单位账号必须指定所属单位' }]);
      const unit = await manager.findOneBy(Unit, { id: unitId });
      if (!unit) throw new ValidationFailedError([{ field: 'unitId', value: unitId, message: `单位不存在：${unitId}` }]);
      if (planId !== null && planId !== unit.planId) {
        throw new ValidationFailedError([{ field: 'planId', value: planId, message: `单位“${unit.name}”不属于方案 ${planId}` }]);
      }
      return { planId: unit.planId, unitId };
    }
    if (unitId !== null) throw new ValidationFailedError([{ field: 'unitId', value: unitId, message: '只有责任单位账号属于某个单位' }]);
    if (role === 'admin' && planId !== null) throw new ValidationFailedError([{ field: 'planId', value: planId, message: '系统管理员不限于某个方案' }]);
    if (planId !== null && !(await manager.existsBy(Plan, { id: planId }))) {
      throw new ValidationFailedError([{ field: 'planId', value: planId, message: `方案不存在：${planId}` }]);
    }
    return { planId, unitId: null };
  }

  private checkMayManage(actor: Actor, role: Role, planId: number | null): void {
    if (actor.role === 'admin') return;
    if (actor.role !== 'office' || !['unit', 'leader'].includes(role)) throw new ForbiddenError('无废办只能管理责任单位和领导账号');
    if (actor.planId !== null && planId !== actor.planId) throw new ForbiddenError('只能管理本方案的账号');
  }

  /** A user the actor may manage, or 404 (an office does not learn of accounts outside its reach). */
  private async managed(actor: Actor, id: number, manager = this.dataSource.manager): Promise<User> {
    const user = await manager.findOneBy(User, { id });
    if (!user) throw new NotFoundError('用户', id);
    try {
      this.checkMayManage(actor, user.role, user.planId);
    } catch {
      throw new NotFoundError('用户', id);
    }
    return user;
  }

  private async revokeAll(manager: EntityManager, userId: number, exceptTokenId?: number): Promise<void> {
    const qb = manager
      .createQueryBuilder()
      .update(AccessToken)
      .set({ revokedAt: this.clock.now() })
      .where('userId = :userId AND revokedAt IS NULL', { userId });
    if (exceptTokenId) qb.andWhere('id != :exceptTokenId', { exceptTokenId });
    await qb.execute();
  }
}
