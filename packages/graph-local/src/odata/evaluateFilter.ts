import { badRequest } from '../http/graphError.js';
import type { FilterNode } from './filterAst.js';

type Scope = Record<string, unknown>;

/**
 * Evaluates a parsed `$filter` against a JSON object (a message, an event, a list): property paths are read
 * case-insensitively on their first letter (Graph accepts `Extensions/any(...)` for `extensions`), date-times
 * compare as instants, lambdas range over arrays.
 */
export function evaluateFilter(node: FilterNode, subject: unknown): boolean {
  return truthy(evaluate(node, subject, {}));
}

function evaluate(node: FilterNode, subject: unknown, scope: Scope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'property':
      return readPath(subject, node.path, scope);
    case 'logical': {
      const left = truthy(evaluate(node.left, subject, scope));
      if (node.op === 'and') return left && truthy(evaluate(node.right, subject, scope));
      return left || truthy(evaluate(node.right, subject, scope));
    }
    case 'not':
      return !truthy(evaluate(node.operand, subject, scope));
    case 'compare':
      return compare(node.op, evaluate(node.left, subject, scope), evaluate(node.right, subject, scope));
    case 'call': {
      const [a, b] = node.args.map((arg) => evaluate(arg, subject, scope));
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      if (node.name === 'startswith') return x.startsWith(y);
      if (node.name === 'endswith') return x.endsWith(y);
      return x.includes(y);
    }
    case 'lambda': {
      const collection = readPath(subject, node.collection, scope);
      const elements = Array.isArray(collection) ? collection : [];
      const test = (element: unknown) =>
        truthy(evaluate(node.predicate, subject, { ...scope, [node.variable]: element }));
      return node.op === 'any' ? elements.some(test) : elements.every(test);
    }
  }
}

function readPath(subject: unknown, path: string[], scope: Scope): unknown {
  const head = path[0];
  let value: unknown = subject;
  let rest = path;
  if (head !== undefined && head in scope) {
    value = scope[head];
    rest = path.slice(1);
  }
  for (const name of rest) value = readProperty(value, name);
  return value;
}

function readProperty(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (name in record) return record[name];
  const lowerFirst = name[0]!.toLowerCase() + name.slice(1);
  if (lowerFirst in record) return record[lowerFirst];
  const match = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return match === undefined ? undefined : record[match];
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) {
    if (op === 'eq') return a === b;
    if (op === 'ne') return a !== b;
    return false;
  }
  let x: unknown = a;
  let y: unknown = b;
  if (typeof a === 'string' && typeof b === 'string' && looksLikeDate(a) && looksLikeDate(b)) {
    x = Date.parse(a);
    y = Date.parse(b);
  } else if (typeof a === 'string' && typeof b === 'string') {
    x = a.toLowerCase();
    y = b.toLowerCase();
  } else if (typeof a !== typeof b) {
    throw badRequest(`Invalid filter clause: cannot compare a ${typeof a} with a ${typeof b}.`);
  }
  const xs = x as number | string | boolean;
  const ys = y as number | string | boolean;
  switch (op) {
    case 'eq':
      return xs === ys;
    case 'ne':
      return xs !== ys;
    case 'gt':
      return xs > ys;
    case 'ge':
      return xs >= ys;
    case 'lt':
      return xs < ys;
    default:
      return xs <= ys;
  }
}

function looksLikeDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s));
}

function truthy(v: unknown): boolean {
  return v === true;
}
