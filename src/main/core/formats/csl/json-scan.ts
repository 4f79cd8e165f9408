// A validating JSON scanner that runs before JSON.parse. Node's parser reports many
// syntax errors without a position ("Unexpected token '}', ... is not valid JSON"), and
// nothing downstream wants a 100k-deep structure; this scanner is iterative (explicit
// stack, no recursion), linear in the input, and gives every syntax error an offset and
// every top-level record its start offset and the offsets of its own keys.

export const MAX_JSON_DEPTH = 512;

export interface ScannedRecord {
  /** Offset of the record's first character. */
  offset: number;
  /** Offsets of the record's own property names (last one wins, as in JSON.parse). */
  keys: Map<string, number>;
}

export type JsonScan =
  | { ok: true; root: 'array' | 'object' | 'scalar'; records: ScannedRecord[] }
  | { ok: false; offset: number; message: string };

type Failure = { ok: false; offset: number; message: string };
type State = 'value' | 'valueOrClose' | 'afterValue' | 'key' | 'keyOrClose';

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function scanJson(text: string): JsonScan {
  const stack: number[] = [];
  const records: ScannedRecord[] = [];
  let root: 'array' | 'object' | 'scalar' = 'scalar';
  // Depth at which property names belong to the current record: 1 for a single-object
  // file, 2 for a record inside the top-level array.
  let recordDepth = 0;
  let state: State = 'value';
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i); // NaN at the end of the input
    if (state === 'afterValue') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < text.length ? fail(i, 'unexpected text after the end of the JSON value') : done();
      }
      const close = top === OPEN_ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT;
      if (c === 0x2c) {
        state = top === OPEN_ARRAY ? 'value' : 'key';
        i++;
      } else if (c === close) {
        stack.pop();
        i++;
      } else {
        return fail(i, `expected ',' or '${String.fromCharCode(close)}' ${found(text, i)}`);
      }
      continue;
    }
    if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && c === CLOSE_OBJECT) {
        stack.pop();
        state = 'afterValue';
        i++;
        continue;
      }
      if (c !== QUOTE) return fail(i, `expected a property name in double quotes ${found(text, i)}`);
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      if (stack.length === recordDepth) records[records.length - 1]?.keys.set(decodeKey(text, i, end), i);
      i = skipWhitespace(text, end);
      if (text.charCodeAt(i) !== 0x3a) return fail(i, `expected ':' after a property name ${found(text, i)}`);
      i++;
      state = 'value';
      continue;
    }
    // state is 'value' or 'valueOrClose'
    if (state === 'valueOrClose' && c === CLOSE_ARRAY) {
      stack.pop();
      state = 'afterValue';
      i++;
      continue;
    }
    if (stack.length === 0) {
      root = c === OPEN_ARRAY ? 'array' : c === OPEN_OBJECT ? 'object' : 'scalar';
      if (root === 'object') startRecord(records, i);
      recordDepth = root === 'object' ? 1 : 2;
    } else if (stack.length === 1 && root === 'array') {
      startRecord(records, i);
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= MAX_JSON_DEPTH) return fail(i, `nested more than ${MAX_JSON_DEPTH} levels deep`);
      stack.push(c);
      state = c === OPEN_OBJECT ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    const end = scanScalar(text, i);
    if (typeof end !== 'number') return end;
    i = end;
    state = 'afterValue';
  }

  function done(): JsonScan {
    return { ok: true, root, records };
  }
}

function startRecord(records: ScannedRecord[], offset: number): void {
  records.push({ offset, keys: new Map() });
}

function fail(offset: number, message: string): Failure {
  return { ok: false, offset, message };
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

function scanScalar(text: string, i: number): number | Failure {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return scanString(text, i);
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    return match ? i + match[0].length : fail(i, 'malformed number');
  }
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  return fail(i, `expected a value ${found(text, i)}`);
}

/** Returns the offset just past the closing quote. */
function scanString(text: string, start: number): number | Failure {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20)
      return fail(i, `control character ${codePoint(c)} inside a string (write it as \\u escape)`);
    if (c !== 0x5c) continue;
    const escape = text[i + 1];
    if (escape === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, 'malformed \\u escape');
      i += 5;
    } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
      i++;
    } else {
      return fail(i, 'unknown escape sequence in a string');
    }
  }
  return fail(start, 'unterminated string');
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

function found(text: string, i: number): string {
  if (i >= text.length) return 'but the input ended';
  const c = text.codePointAt(i)!;
  return c < 0x20 || c === 0x7f ? `but found ${codePoint(c)}` : `but found '${String.fromCodePoint(c)}'`;
}

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
