import { badRequest } from '../http/graphError.js';

/** The OData system query options a route accepts. */
export type QueryOption = '$select' | '$expand' | '$filter' | '$orderby' | '$top' | '$skiptoken' | '$skip' | '$count';

/**
 * Refuses any `$option` the route does not implement: Graph answers 400 for an option it does not support on a
 * resource, and a server that ignored one silently would let a client believe it had been applied.
 */
export function checkQueryOptions(query: URLSearchParams, allowed: readonly QueryOption[]): void {
  for (const key of new Set(query.keys())) {
    const option = optionName(key);
    if (option === undefined) continue;
    if (!allowed.includes(option)) {
      throw badRequest(
        `Query option '${key}' is not allowed on this resource. Allowed: ${allowed.join(', ') || 'none'}.`,
      );
    }
  }
}

/** OData system query options Graph recognises, with or without their `$`. */
const systemOptions = [
  'select',
  'expand',
  'filter',
  'orderby',
  'top',
  'skiptoken',
  'skip',
  'count',
  'search',
  'format',
  'apply',
];

/**
 * The system query option a query key names, or undefined for a plain parameter (`token`, `startDateTime`).
 * Graph accepts the options without their `$` too (`expand=fields`, as its list item pages show).
 */
function optionName(key: string): QueryOption | undefined {
  const bare = key.toLowerCase().replace(/^\$/, '');
  return key.startsWith('$') || systemOptions.includes(bare) ? (`$${bare}` as QueryOption) : undefined;
}

/** Reads a query option case-insensitively, with or without its `$` (`$Filter`, `filter` and `$filter` are one). */
export function option(query: URLSearchParams, name: QueryOption): string | undefined {
  for (const [key, value] of query) if (optionName(key) === name) return value;
  return undefined;
}

/** `$top` as a positive integer no larger than `max`, or undefined. */
export function parseTop(query: URLSearchParams, max: number): number | undefined {
  const raw = option(query, '$top');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw badRequest(`Invalid value '${raw}' for $top: a positive integer is required.`);
  const top = Number(raw);
  if (top > max) throw badRequest(`Invalid value '${raw}' for $top: the maximum is ${max}.`);
  return top;
}

/** `$select=a,b` as a list of names, or undefined. */
export function parseSelect(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) if (!/^[A-Za-z_@][A-Za-z0-9_.@]*$/.test(n)) throw badRequest(`Invalid $select item '${n}'.`);
  return names;
}

/** One item of `$expand`: a navigation property with its own nested options, e.g. `fields($select=Title)`. */
export interface ExpandItem {
  name: string;
  options: URLSearchParams;
}

/** Parses `$expand=a($select=x,y;$filter=...),b` respecting nested parentheses and quoted strings. */
export function parseExpand(raw: string | undefined): ExpandItem[] {
  if (raw === undefined) return [];
  const items: ExpandItem[] = [];
  for (const part of splitTopLevel(raw, ',')) {
    const open = part.indexOf('(');
    if (open === -1) {
      items.push({ name: part.trim(), options: new URLSearchParams() });
      continue;
    }
    if (!part.trimEnd().endsWith(')')) throw badRequest(`Invalid $expand item '${part}'.`);
    const name = part.slice(0, open).trim();
    const inner = part.trimEnd().slice(open + 1, -1);
    const options = new URLSearchParams();
    for (const opt of splitTopLevel(inner, ';')) {
      const eq = opt.indexOf('=');
      if (eq === -1) throw badRequest(`Invalid nested option '${opt}' in $expand.`);
      options.append(opt.slice(0, eq).trim(), opt.slice(eq + 1).trim());
    }
    items.push({ name, options });
  }
  return items;
}

/** One `$orderby` key. */
export interface OrderKey {
  path: string[];
  descending: boolean;
}

/** Parses `$orderby=fields/Due desc,fields/Title`. */
export function parseOrderBy(raw: string | undefined): OrderKey[] {
  if (raw === undefined) return [];
  return raw.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw badRequest(`Invalid $orderby clause '${part}'.`);
    return { path: m[1]!.split('/'), descending: m[2]?.toLowerCase() === 'desc' };
  });
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inString = !inString;
    else if (!inString && c === '(') depth++;
    else if (!inString && c === ')') depth--;
    else if (!inString && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Encodes a paging or delta position as an opaque URL-safe token. */
export function encodeToken(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a token made by `encodeToken`, or undefined when it is not one. */
export function decodeToken<T>(token: string): T | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as T) : undefined;
  } catch (error) {
    void error; // a token that is not ours is answered by the caller as Graph does
    return undefined;
  }
}

/** The URL of the same request with `name` set to `value`, for `@odata.nextLink`. */
export function linkWith(
  serviceRoot: string,
  path: string,
  query: URLSearchParams,
  name: string,
  value: string,
): string {
  const next = new URLSearchParams();
  for (const [k, v] of query) if (k.toLowerCase() !== name.toLowerCase()) next.append(k, v);
  next.append(name, value);
  return `${serviceRoot}${path}?${next.toString().replace(/%24/g, '$')}`;
}
