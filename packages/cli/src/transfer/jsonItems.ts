/** What went wrong in a JSON import file. */
export class JsonItemsError extends Error {
  readonly code = 'malformedJson';
  /** The item at fault, from 1. */
  readonly row: number;

  constructor(row: number, message: string) {
    super(`item ${row}: ${message}`);
    this.name = 'JsonItemsError';
    this.row = row;
  }
}

/** One item of a JSON import: its position (from 1) and its value. */
export interface JsonItem {
  row: number;
  value: unknown;
}

const OPEN = new Set(['{', '[']);
const CLOSE = new Set(['}', ']']);

/**
 * Reads the items of a JSON array (`[{…}, {…}]`), or of JSON Lines (one value a line), from a stream, holding one
 * item at a time. Throws a `JsonItemsError` naming the item that does not parse.
 */
export async function* readJsonItems(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<JsonItem> {
  const decoder = new TextDecoder('utf-8');
  // mode: undecided until the first non-space character; 'array' inside a top-level array; 'lines' for JSON Lines.
  let mode = 'undecided' as 'undecided' | 'array' | 'lines' | 'done';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let item = '';
  let collecting = false;
  let row = 0;

  const finish = function* (): Generator<JsonItem> {
    const text = item.trim();
    item = '';
    collecting = false;
    if (text === '') return;
    row++;
    try {
      yield { row, value: JSON.parse(text) as unknown };
    } catch (error) {
      throw new JsonItemsError(row, `is not valid JSON (${(error as Error).message})`);
    }
  };

  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (mode === 'undecided') text = text.replace(/^\uFEFF/, '');
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (mode === 'undecided') {
        if (/\s/.test(c)) continue;
        if (c === '[') {
          mode = 'array';
          start = i + 1;
          continue;
        }
        mode = 'lines';
        start = i;
      }
      if (mode === 'done') {
        if (!/\s/.test(c)) throw new JsonItemsError(row + 1, 'text after the closing ] of the array');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') {
        inString = true;
        collecting = true;
      } else if (OPEN.has(c)) {
        depth++;
        collecting = true;
      } else if (CLOSE.has(c)) {
        if (depth === 0 && mode === 'array' && c === ']') {
          item += text.slice(start, i);
          yield* finish();
          mode = 'done';
          start = i + 1;
          continue;
        }
        depth--;
      } else if (depth === 0 && ((mode === 'array' && c === ',') || (mode === 'lines' && c === '\n'))) {
        item += text.slice(start, i);
        if (mode === 'array' && item.trim() === '') throw new JsonItemsError(row + 1, 'an empty item between commas');
        yield* finish();
        start = i + 1;
      } else if (!/\s/.test(c)) {
        collecting = true;
      }
    }
    if (mode === 'array' || mode === 'lines') item += text.slice(start);
  }
  if (mode === 'array') throw new JsonItemsError(row + 1, 'the array is never closed with ]');
  if (mode === 'lines' && collecting) yield* finish();
}
