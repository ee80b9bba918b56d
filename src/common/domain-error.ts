/** One problem with one field or value, named so a clerk can find and fix it. */
export interface FieldProblem {
  field: string;
  value?: unknown;
  message: string;
  row?: number;
}

export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'UNKNOWN_UNITS'
  | 'SEED_INVALID'
  | 'IMPORT_FAILED'
  | 'FILE_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  | 'UNSUPPORTED_FILE';

const STATUS: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  UNKNOWN_UNITS: 400,
  SEED_INVALID: 500,
  IMPORT_FAILED: 400,
  FILE_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
  UNSUPPORTED_FILE: 415,
};

/** A rule of the domain was broken. The message is Chinese (it reaches users); the code is for programs. */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** Further fields of the error response (an import's counts). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: unknown) {
    super('NOT_FOUND', `${what}不存在：${String(id)}`, [{ field: 'id', value: id, message: `${what}不存在` }]);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, problems: FieldProblem[] = [], extra: Record<string, unknown> = {}) {
    super('CONFLICT', message, problems, extra);
  }
}

/** Someone saved the row since the caller read it: 409 with the row as it is now, so nothing is lost. */
export class StaleVersionError extends ConflictError {
  constructor(what: string, given: number, current: { version: number } & Record<string, unknown>) {
    super(
      `${what}已被他人修改（您提交的版本 ${given}，当前版本 ${current.version}），请在当前内容基础上重新修改`,
      [{ field: 'version', value: given, message: `当前版本为 ${current.version}` }],
      { currentVersion: current.version, current },
    );
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录（缺少或无效的访问令牌）') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权进行此操作') {
    super('FORBIDDEN', message);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(problems: FieldProblem[]) {
    const first = problems[0];
    const summary = first ? `字段“${first.field}”：${first.message}` : '请求无效';
    super('VALIDATION_FAILED', `请求无效：${summary}${problems.length > 1 ? `（共${problems.length}处）` : ''}`, problems);
  }
}
