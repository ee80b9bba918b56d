import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Characters that are there without being seen: a name holding one looks like another name. */
const INVISIBLE: Record<number, string> = {
  0x00ad: '软连字符',
  0x061c: '阿拉伯字母标记',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连接符',
  0x200e: '从左至右标记',
  0x200f: '从右至左标记',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
  0x202a: '从左至右嵌入符',
  0x202b: '从右至左嵌入符',
  0x202c: '方向格式结束符',
  0x202d: '从左至右强制符',
  0x202e: '从右至左强制符',
  0x2060: '零宽不换行符',
  0x2066: '从左至右隔离符',
  0x2067: '从右至左隔离符',
  0x2068: '首强隔离符',
  0x2069: '方向隔离结束符',
  0xfeff: '零宽不换行空格（BOM）',
};

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with a text, or null when it is plain: no control characters (C0, DEL, C1), no zero-width
 * characters, no bidirectional embeddings, overrides or isolates. Multi-line texts may hold line feeds, tabs and
 * CR LF pairs; single-line texts hold none.
 */
export function plainTextProblem(text: string, multiline = false): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      if (multiline && (code === 0x0a || code === 0x09 || (code === 0x0d && text.charCodeAt(i + 1) === 0x0a))) continue;
      return `含有控制字符 ${codePoint(code)}`;
    }
    const name = INVISIBLE[code];
    if (name) return `含有不可见字符 ${codePoint(code)}（${name}）`;
  }
  return null;
}

export interface PlainTextOptions extends ValidationOptions {
  /** Narratives and contents: line feeds and tabs allowed. */
  multiline?: boolean;
}

/**
 * A text a person reads as it is: refused (400, naming the field and the code point) when it holds control,
 * zero-width or bidirectional-override characters, so no lookalike of a unit or a name can be stored.
 * Non-strings are left to IsString; with `each: true` every text of a list is checked.
 */
export function PlainText(options: PlainTextOptions = {}): PropertyDecorator {
  const { multiline = false, ...validationOptions } = options;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || plainTextProblem(value, multiline) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const values = Array.isArray(args?.value) ? args.value : [args?.value];
          const problem = values.map((v) => (typeof v === 'string' ? plainTextProblem(v, multiline) : null)).find((p) => p !== null);
          return problem ?? '含有不允许的字符';
        },
      },
    });
}
