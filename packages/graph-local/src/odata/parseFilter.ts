import { badRequest } from '../http/graphError.js';
import type { CompareOp, FilterFunction, FilterNode } from './filterAst.js';

type Token =
  | { type: 'punct'; value: '(' | ')' | ',' | '/' | ':'; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'dateTime'; value: string; pos: number }
  | { type: 'word'; value: string; pos: number };

const compareOps = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const functions = new Set<string>(['startswith', 'endswith', 'contains']);
const dateTimePattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const numberPattern = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const wordPattern = /^[A-Za-z_$@][A-Za-z0-9_.$@]*/;

/** Splits a `$filter` into tokens: string literals with `''` escapes, numbers, unquoted date-times, words, punctuation. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '/' || c === ':') {
      tokens.push({ type: 'punct', value: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw syntaxError(text, i, 'unterminated string literal');
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ type: 'string', value, pos: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    const date = dateTimePattern.exec(rest);
    if (date && date[0].length > 4) {
      tokens.push({ type: 'dateTime', value: date[0], pos: i });
      i += date[0].length;
      continue;
    }
    const num = numberPattern.exec(rest);
    if (num) {
      tokens.push({ type: 'number', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const word = wordPattern.exec(rest);
    if (word) {
      tokens.push({ type: 'word', value: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    throw syntaxError(text, i, `unexpected character '${c}'`);
  }
  return tokens;
}

/**
 * Parses an OData `$filter` into a tree. Precedence, loosest first: `or`, `and`, `not`, comparisons; parentheses
 * group; `a/b` is a property path; `coll/any(x: ...)` and `all` are lambdas; startswith/endswith/contains are calls.
 * Any syntax error is Graph's 400 BadRequest naming the position.
 */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean => t?.type === 'word' && t.value.toLowerCase() === w;
  const isPunct = (t: Token | undefined, p: string): boolean => t?.type === 'punct' && t.value === p;
  const at = (): number => peek()?.pos ?? text.length;
  const expectPunct = (p: string): void => {
    if (!isPunct(peek(), p)) throw syntaxError(text, at(), `expected '${p}'`);
    pos++;
  };

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'logical', op: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'logical', op: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): FilterNode => {
    if (isWord(peek(), 'not')) {
      pos++;
      return { kind: 'not', operand: parseUnary() };
    }
    return parseComparison();
  };
  const parseComparison = (): FilterNode => {
    const left = parsePrimary();
    const t = peek();
    if (t?.type === 'word' && compareOps.has(t.value.toLowerCase())) {
      pos++;
      return { kind: 'compare', op: t.value.toLowerCase() as CompareOp, left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): FilterNode => {
    const t = peek();
    if (!t) throw syntaxError(text, text.length, 'unexpected end of expression');
    if (isPunct(t, '(')) {
      pos++;
      const inner = parseOr();
      expectPunct(')');
      return inner;
    }
    pos++;
    switch (t.type) {
      case 'string':
        return { kind: 'literal', value: t.value, type: 'string' };
      case 'number':
        return { kind: 'literal', value: t.value, type: 'number' };
      case 'dateTime':
        return { kind: 'literal', value: t.value, type: 'dateTime' };
      case 'punct':
        throw syntaxError(text, t.pos, `unexpected '${t.value}'`);
      case 'word':
        break;
    }
    const word = t.value;
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true', type: 'boolean' };
    if (lower === 'null') return { kind: 'literal', value: null, type: 'null' };
    if (functions.has(lower) && isPunct(peek(), '(')) {
      pos++;
      const args: FilterNode[] = [parseOr()];
      while (isPunct(peek(), ',')) {
        pos++;
        args.push(parseOr());
      }
      expectPunct(')');
      if (args.length !== 2) throw syntaxError(text, t.pos, `${lower} takes two arguments`);
      return { kind: 'call', name: lower as FilterFunction, args };
    }
    if (isPunct(peek(), '(')) throw syntaxError(text, t.pos, `unknown function '${word}'`);
    const path = [word];
    while (isPunct(peek(), '/')) {
      pos++;
      const next = peek();
      if (next?.type !== 'word') throw syntaxError(text, at(), 'expected a property name after /');
      pos++;
      const nextLower = next.value.toLowerCase();
      if ((nextLower === 'any' || nextLower === 'all') && isPunct(peek(), '(')) {
        pos++;
        const variable = peek();
        if (variable?.type !== 'word') throw syntaxError(text, at(), 'expected a lambda variable');
        pos++;
        expectPunct(':');
        const predicate = parseOr();
        expectPunct(')');
        return { kind: 'lambda', op: nextLower, collection: path, variable: variable.value, predicate };
      }
      path.push(next.value);
    }
    return { kind: 'property', path };
  };

  if (tokens.length === 0) throw syntaxError(text, 0, 'the expression is empty');
  const tree = parseOr();
  if (pos < tokens.length) throw syntaxError(text, at(), 'unexpected text after the expression');
  return tree;
}

function syntaxError(text: string, pos: number, what: string) {
  return badRequest(`Invalid filter clause: ${what} at position ${pos} in '${text}'.`);
}
