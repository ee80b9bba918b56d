import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldProblem, ValidationFailedError } from './domain-error.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '不是允许的字段',
  isNotEmpty: '不能为空',
  isString: '应为文本',
  isInt: '应为整数',
  isNumber: '应为数字',
  min: '数值过小',
  max: '数值过大',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isArray: '应为数组',
  isBoolean: '应为 true 或 false',
  matches: '格式不正确',
  isDateString: '应为日期（YYYY-MM-DD）',
  maxLength: '过长',
  minLength: '过短',
  isTimeZone: '不是有效的时区',
  arrayUnique: '不能有重复',
  isEmail: '不是有效的邮箱地址',
  isIso8601: '不是有效的日期时间',
  arrayMaxSize: '项数过多',
};

/** Whether a value is there and of the right type comes before its length or range. */
const FIRST = ['whitelistValidation', 'isNotEmpty', 'isString', 'isPlainText', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isDateString', 'isIn'];
const priority = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);

/** Constraints whose own message is already the Chinese text a user reads (it names the code point). */
const OWN_MESSAGES = new Set(['isPlainText']);

/** Fields whose values never go back in a response or into the log. */
const SECRET_FIELDS = /password|token/i;

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {})
      .sort(([a], [b]) => priority(a) - priority(b))
      .map(([key, english]) => ({
        field,
        value: SECRET_FIELDS.test(error.property) ? '[已隐藏]' : (error.value as unknown),
        message: OWN_MESSAGES.has(key) ? english : `${CONSTRAINT_MESSAGES[key] ?? '无效'}（${english}）`,
      }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Leaves path parameters as written, so IdPipe can name a bad id exactly as the user typed it. */
class StrictValidationPipe extends ValidationPipe {
  protected transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** The strict global pipe: unknown fields are refused, payloads are transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}
