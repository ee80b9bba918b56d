import { ValidationFailedError } from './domain-error.js';

/** Deeper than any body this API takes (the deepest, indicator targets, is 3 levels). */
export const MAX_JSON_DEPTH = 32;

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function refuse(field: string, value: unknown, message: string): ValidationFailedError {
  return new ValidationFailedError([{ field, value, message }]);
}

/**
 * A JSON request body read strictly: UTF-8 only (a GBK body is refused, never turned into U+FFFD), no key twice in
 * one object (which value would win is a guess), no prototype keys, nesting at most MAX_JSON_DEPTH levels.
 * Every refusal is a 400 naming what was wrong.
 */
export function parseJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw refuse('body', charset, `请求体须为 UTF-8 编码的 JSON（收到 charset=${charset}），请改用 UTF-8 发送`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw refuse('body', undefined, '请求体不是有效的 UTF-8 编码（可能是 GBK 等编码），请改用 UTF-8 发送 JSON');
  }
  if (text.trim() === '') throw refuse('body', '', '请求体为空：内容类型为 application/json 时须有 JSON 内容');
  checkStructure(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refuse('body', undefined, `请求体不是有效的 JSON（${(error as Error).message.slice(0, 120)}）`);
  }
}

interface Level {
  /** Keys seen so far in this object; null for an array. */
  keys: Set<string> | null;
  /** Where this level is, as a field path ("targets[]"). */
  path: string;
  /** The key whose value is being read (objects). */
  key: string | null;
}

/** Walks the text once: nesting depth, duplicate and prototype keys. Syntax errors are left to JSON.parse. */
function checkStructure(text: string): void {
  const stack: Level[] = [];
  const childPath = () => {
    const top = stack.at(-1);
    if (!top) return '';
    if (top.keys === null) return `${top.path}[]`;
    return top.path ? `${top.path}.${top.key ?? ''}` : (top.key ?? '');
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its end, then see whether it is a key (followed by a colon).
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const raw = text.slice(i, j + 1);
      i = j;
      const top = stack.at(-1);
      if (!top || top.keys === null) continue;
      let k = j + 1;
      while (k < text.length && WHITESPACE.has(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== 0x3a) continue;
      let key: string;
      try {
        key = JSON.parse(raw) as string;
      } catch {
        return; // not valid JSON: JSON.parse names the fault
      }
      const field = top.path ? `${top.path}.${key}` : key;
      if (key === '__proto__' || key === 'prototype') throw refuse(field, key, `不允许的键“${key}”`);
      if (top.keys.has(key)) throw refuse(field, key, `键“${key}”在同一对象中重复出现，每个字段只能给一次`);
      top.keys.add(key);
      top.key = key;
    } else if (c === 0x7b || c === 0x5b) {
      stack.push({ keys: c === 0x7b ? new Set() : null, path: childPath(), key: null });
      if (stack.length > MAX_JSON_DEPTH) throw refuse(stack.at(-1)!.path || 'body', undefined, `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层`);
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    }
  }
}
