// Reads README.md the way its tests need it: the Chinese and the English halves, their headings, their fenced shell
// examples split into commands (each with the comment beside it), the skip markers, the settings and the API paths each
// half names. Pure functions over the text; the tests in this folder decide what to check.
import { readFileSync } from 'node:fs';

export const README = 'README.md';

/** The line that starts the English half; everything above it is the Chinese half. */
const ENGLISH_START = '## English';

/** `<!-- readme-test: skip (why) -->` on the last non-blank line before a fence keeps the block from running. */
const SKIP_MARKER = /^<!--\s*readme-test:\s*skip\s*\((.+)\)\s*-->$/;

/** Both halves of the README: { chinese, english }, each { name, lines: [{ number, text }] } (1-based line numbers). */
export function readmeHalves(text = readFileSync(README, 'utf8')) {
  const lines = text.split('\n').map((line, i) => ({ number: i + 1, text: line }));
  const start = lines.findIndex((l) => l.text.trim() === ENGLISH_START);
  if (start < 0) throw new Error(`${README} has no "${ENGLISH_START}" heading`);
  return {
    chinese: { name: '中文', lines: lines.slice(0, start) },
    english: { name: 'English', lines: lines.slice(start + 1) },
  };
}

/** The lines outside fenced code blocks, and the fenced blocks ({ info, start, lines, skip }) of one half. */
export function splitFences(half) {
  const prose = [];
  const blocks = [];
  let block = null;
  for (const line of half.lines) {
    const fence = /^\s*```(.*)$/.exec(line.text);
    if (block) {
      if (fence) {
        blocks.push(block);
        block = null;
      } else block.lines.push(line);
    } else if (fence) {
      const before = [...prose].reverse().find((l) => l.text.trim() !== '');
      const skip = before && SKIP_MARKER.exec(before.text.trim());
      block = { info: fence[1].trim(), start: line.number, lines: [], skip: skip ? skip[1].trim() : null };
    } else prose.push(line);
  }
  if (block) throw new Error(`${README}:${block.start}: a fenced block is never closed`);
  return { prose, blocks };
}

/** The fenced shell examples (```bash / ```sh) of one half. */
export function shellBlocks(half) {
  return splitFences(half).blocks.filter((b) => ['bash', 'sh', 'shell'].includes(b.info));
}

/** Headings outside code: [{ level, title, number }]. */
export function headings(half) {
  return splitFences(half)
    .prose.map((line) => ({ line, match: /^(#{1,6})\s+(.+?)\s*$/.exec(line.text) }))
    .filter(({ match }) => match)
    .map(({ line, match }) => ({ level: match[1].length, title: match[2], number: line.number }));
}

/**
 * Scans one line of shell: where its trailing comment starts (-1: none), whether it ends inside quotes, and whether it
 * ends with a line continuation. `quote` is the quote still open from the line before.
 */
function scanLine(text, quote) {
  let open = quote;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open === "'") {
      if (c === "'") open = null;
    } else if (open === '"') {
      if (c === '\\') i++;
      else if (c === '"') open = null;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') open = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) return { comment: i, open, continues: false };
  }
  return { comment: -1, open, continues: !open && /\\$/.test(text) };
}

/**
 * The commands of a shell block, in order: [{ line, end, text, comment }]. A command runs over continued lines (a
 * trailing backslash, or a quote left open); its comment is the comment lines right above it, the comments on its own
 * lines, and a comment line right below it that starts with "→" (what it answers).
 */
export function commandsOf(block) {
  const commands = [];
  let above = [];
  let current = null;
  let quote = null;
  for (const line of block.lines) {
    const scan = scanLine(line.text, quote);
    const code = scan.comment >= 0 ? line.text.slice(0, scan.comment) : line.text;
    const comment = scan.comment >= 0 ? line.text.slice(scan.comment + 1).trim() : '';
    if (!current) {
      if (!code.trim()) {
        // A comment line starting with an arrow tells what the command above answers; a blank line ends the comment
        // above the next command, a comment-only line adds to it.
        const last = commands.at(-1);
        if (comment.startsWith('→') && !above.length && last && last.end === line.number - 1) {
          last.comment = `${last.comment} ${comment}`.trim();
          last.end = line.number;
        } else above = comment ? [...above, comment] : [];
        continue;
      }
      current = { line: line.number, lines: [], comments: above };
      above = [];
    }
    current.lines.push(line.text);
    if (comment) current.comments.push(comment);
    quote = scan.open;
    if (!scan.open && !scan.continues) {
      commands.push({ line: current.line, end: line.number, text: current.lines.join('\n'), comment: current.comments.join(' ') });
      current = null;
    }
  }
  if (current) throw new Error(`${README}:${current.line}: a command never ends (an open quote or a trailing backslash)`);
  return commands;
}

/**
 * What a comment promises: the HTTP statuses it announces ("→ 403", "返回 403", "answers 403") and the JSON after its
 * arrow ("→ {…}" or "→ 200 {…}"), as text. Other words in a comment are for people.
 */
export function promisesOf(comment) {
  const statuses = [...comment.matchAll(/(?:→|返回|answers?)\s*([1-5]\d\d)\b/g)].map((m) => Number(m[1]));
  const json = /→\s*(?:[1-5]\d\d\s*)?([{[].*)$/.exec(comment);
  return { statuses, json: json ? json[1].trim() : null };
}

/**
 * Parses the JSON a comment shows, where "…" (or "...") stands for members left out: a tree of { object }, { array,
 * gaps } (where the answer may have elements the comment leaves out) and { value }. An object shows some of the
 * answer's keys, with or without "…". Throws on anything else that is not JSON.
 */
export function parseShownJson(text) {
  let i = 0;
  const fail = (what) => {
    throw new Error(`cannot read the JSON in the comment at "${text.slice(i, i + 20)}": ${what}`);
  };
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const ellipsis = () => {
    space();
    for (const e of ['…', '...']) {
      if (text.startsWith(e, i)) {
        i += e.length;
        return true;
      }
    }
    return false;
  };
  // The members between the brackets, and where "…" stands: gaps[k] is true when one comes before member k
  // (gaps[items.length]: after the last).
  const members = (close, member) => {
    i++;
    const items = [];
    const gaps = [false];
    space();
    if (text[i] === close) {
      i++;
      return { items, gaps };
    }
    for (;;) {
      if (ellipsis()) gaps[items.length] = true;
      else {
        items.push(member());
        gaps.push(false);
      }
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return { items, gaps };
      }
      fail(`expected "," or "${close}"`);
    }
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      const { items } = members('}', () => {
        space();
        const key = scalar();
        if (typeof key.value !== 'string') fail('expected a key');
        space();
        if (text[i++] !== ':') fail('expected ":"');
        return [key.value, value()];
      });
      return { object: Object.fromEntries(items) };
    }
    if (c === '[') {
      const { items, gaps } = members(']', value);
      return { array: items, gaps };
    }
    return scalar();
  };
  const scalar = () => {
    const match = /^(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!match) fail('expected a value');
    i += match[0].length;
    return { value: JSON.parse(match[0]) };
  };
  const tree = value();
  space();
  if (i < text.length) fail('text after the JSON');
  return tree;
}

/** Where `actual` differs from what the comment shows (`shown`, from parseShownJson): a list of paths and reasons. */
export function differences(shown, actual, path = '') {
  const at = path || '(the answer)';
  if ('object' in shown) {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(shown.object).flatMap(([key, value]) =>
      key in actual ? differences(value, actual[key], `${path}.${key}`) : [`${path}.${key}: missing from the answer`],
    );
  }
  if ('array' in shown) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    // Shown elements match the answer's in order; only where the comment has "…" may the answer have others.
    let from = 0;
    for (const [k, element] of shown.array.entries()) {
      const found = shown.gaps[k]
        ? actual.findIndex((a, j) => j >= from && differences(element, a).length === 0)
        : from < actual.length && differences(element, actual[from]).length === 0
          ? from
          : -1;
      if (found < 0) {
        const reasons = shown.gaps[k] || from >= actual.length ? [] : differences(element, actual[from], `${path}[${from}]`);
        return reasons.length ? reasons : [`${at}: no element like ${JSON.stringify(plain(element))}${shown.gaps[k] ? '' : ` at [${from}]`}`];
      }
      from = found + 1;
    }
    if (!shown.gaps[shown.array.length] && from !== actual.length) return [`${at}: ${actual.length} element(s), the comment shows ${shown.array.length}`];
    return [];
  }
  return Object.is(shown.value, actual) ? [] : [`${at}: expected ${JSON.stringify(shown.value)}, got ${JSON.stringify(actual)}`];
}

/** A parsed comment JSON back as plain values, for messages. */
function plain(tree) {
  if ('object' in tree) return Object.fromEntries(Object.entries(tree.object).map(([k, v]) => [k, plain(v)]));
  if ('array' in tree) return tree.array.map(plain);
  return tree.value;
}

/** Inline code spans of the prose (outside fenced blocks); a span may run over a line break. */
function codeSpans(half) {
  const text = splitFences(half)
    .prose.map((line) => line.text)
    .join('\n');
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\s*\n\s*/g, ' '));
}

/** An UPPER_CASE setting name (`PORT`, `DATABASE_URL`, `CLOCK=…`), the way the README writes settings. */
const SETTING = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?:=.*)?$/;
const NOT_SETTINGS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The settings (environment variables) one half names in its prose. */
export function settingsNamed(half) {
  return new Set(
    codeSpans(half)
      .flatMap((span) => span.split(/\s*\/\s*/))
      .map((span) => SETTING.exec(span.trim())?.[1])
      .filter((name) => name && name.length > 1 && !NOT_SETTINGS.has(name)),
  );
}

/** The settings named in the first column of the half's settings table (the one whose header starts with a setting). */
export function settingsTable(half, headerCell) {
  const { prose } = splitFences(half);
  const header = prose.findIndex((l) => new RegExp(`^\\|\\s*${headerCell}\\s*\\|`).test(l.text));
  if (header < 0) throw new Error(`no table with the header "${headerCell}" in the ${half.name} half`);
  const rows = [];
  for (const line of prose.slice(header + 2)) {
    if (!line.text.startsWith('|')) break;
    const cells = line.text
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    rows.push({ names: [...cells[0].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]), defaultCell: cells.at(-1), line: line.number });
  }
  return rows;
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE';

/** A path as the README writes it, reduced to its shape: /api/v1 and the query left out, every id written as :id. */
export function pathShape(raw) {
  let path = raw.replace(/^https?:\/\/[^/]+/, '').replace(/^localhost:\d+/, '');
  path = path.replace(/^\/api\/v1(?=\/|$)/, '');
  path = path.split(/[?#]/)[0].replace(/[`"'),，。；：]+$/, '');
  const segments = path.split('/').map((s) => (/^(\d+|:\w+|<[^>]*>|\$\w+|\$\{\w+\}|\{\w+\})$/.test(s) ? ':id' : s));
  return segments.join('/').replace(/(.)\/$/, '$1');
}

/**
 * The API and app paths one half names: "METHOD /path" for a method written beside it (curl's -X, a body without -X,
 * or `POST /…` in prose), "/path" for every path named. Web-app routes count too: both halves must name the same.
 */
export function pathsNamed(half) {
  const named = new Set();
  const add = (method, raw) => {
    const shape = pathShape(raw);
    if (!/^(\/|…\/)/.test(shape) || shape === '/') return;
    named.add(shape);
    for (const m of method ? method.split('/') : []) named.add(`${m} ${shape}`);
  };
  for (const span of codeSpans(half)) {
    for (const m of span.matchAll(new RegExp(`(?:^|\\s)(?:((?:${METHODS})(?:/(?:${METHODS}))*)\\s+)?((?:…|\\/api\\/v1)?\\/[^\\s\`]*)`, 'g'))) {
      add(m[1], m[2]);
    }
  }
  for (const block of shellBlocks(half)) {
    for (const command of commandsOf(block)) {
      for (const call of curlCalls(command.text)) add(call.method, call.url);
    }
  }
  return named;
}

/** The curl calls of a command: [{ method, url }], the method as curl would send it. */
export function curlCalls(text) {
  return text
    .split(/(?=\bcurl\s)/)
    .filter((part) => part.startsWith('curl'))
    .map((part) => {
      const call = part.split(/\)|\|/)[0];
      const url = /(?:^|\s)["']?((?:https?:\/\/)?localhost:\d+\/[^\s"']*)/.exec(call)?.[1];
      const explicit = /\s-X\s*(\w+)/.exec(call)?.[1];
      const body = /\s(?:-d|--data\S*|-F|--form)\s/.test(call) && !/\s-G\s/.test(call);
      return url && { method: explicit ?? (body ? 'POST' : 'GET'), url };
    })
    .filter(Boolean);
}

/** Words that describe the project's past or future, not what it does: none belongs in the README. */
export const PAST_TENSE = [
  /later issue/i,
  /in a later/i,
  /come[s]? later/i,
  /no longer/i,
  /ha(?:s|ve) since/i,
  /not yet (?:implemented|supported|available)/i,
  /used to\b/i,
  /以后的(?:版本|issue)/,
  /后续版本/,
  /尚未实现/,
];
