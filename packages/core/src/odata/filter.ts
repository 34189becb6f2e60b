/** A value that can stand in an OData filter. */
export type ODataValue = string | number | boolean | null;

declare const filterBrand: unique symbol;

/**
 * A `$filter` expression built by this module, so every value in it was escaped. Plain strings are not accepted
 * where a filter is expected; build them with `eq`, `and`, … instead. Still needs URL-encoding (URLSearchParams) in a query string.
 */
export type ODataFilter = string & { readonly [filterBrand]: true };

// Fields are column paths such as `fields/Status`; anything else could smuggle an expression in.
const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Quotes a string as an OData literal, doubling single quotes: `O'Brien` → `'O''Brien'`. */
export function odataString(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`odataString needs a string, got ${typeof value}`);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Reads back a literal made by `odataString` (the inverse, for servers that parse filters). Throws a SyntaxError otherwise. */
export function parseODataString(literal: string): string {
  if (literal.length < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
    throw new SyntaxError(`not an OData string literal: ${literal}`);
  }
  const inner = literal.slice(1, -1);
  if (/'/.test(inner.replace(/''/g, ''))) throw new SyntaxError(`unescaped quote in OData string literal: ${literal}`);
  return inner.replace(/''/g, "'");
}

/** Any value as an OData literal. Throws a RangeError for NaN and infinities, a TypeError for other types. */
export function odataLiteral(value: ODataValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return odataString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`OData cannot hold ${value}`);
      return String(value);
    default:
      throw new TypeError(`not an OData value: ${typeof value}`);
  }
}

/** Checks a field path (`fields/Status`) and returns it. Throws a RangeError for anything else. */
export function odataField(field: string): string {
  if (typeof field !== 'string' || !fieldPattern.test(field)) {
    throw new RangeError(`not an OData field path: ${JSON.stringify(field)}`);
  }
  return field;
}

function brand(expression: string): ODataFilter {
  return expression as ODataFilter;
}

function comparison(op: string) {
  return (field: string, value: ODataValue): ODataFilter => brand(`${odataField(field)} ${op} ${odataLiteral(value)}`);
}

/** `field eq value` */
export const eq = comparison('eq');
/** `field ne value` */
export const ne = comparison('ne');
/** `field gt value` */
export const gt = comparison('gt');
/** `field ge value` */
export const ge = comparison('ge');
/** `field lt value` */
export const lt = comparison('lt');
/** `field le value` */
export const le = comparison('le');

/** `startswith(field, 'prefix')` */
export function startsWith(field: string, prefix: string): ODataFilter {
  return brand(`startswith(${odataField(field)}, ${odataString(prefix)})`);
}

/** Whether `expression` has `and`/`or` outside quotes and parentheses, so that it needs parentheses as an operand. */
function isCompound(expression: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === "'")
      quoted = !quoted; // a doubled quote toggles twice: still right
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === ' ' && /^ (and|or) /.test(expression.slice(i, i + 5))) return true;
  }
  return false;
}

function join(op: 'and' | 'or', filters: (ODataFilter | undefined | false)[]): ODataFilter {
  const present = filters.filter((f): f is ODataFilter => typeof f === 'string');
  if (present.length === 0) throw new RangeError(`${op}() needs at least one filter`);
  if (present.length === 1) return present[0]!;
  return brand(present.map((f) => (isCompound(f) ? `(${f})` : f)).join(` ${op} `));
}

/** All of the filters; `undefined` and `false` are skipped, so optional conditions can be written inline. */
export function and(...filters: (ODataFilter | undefined | false)[]): ODataFilter {
  return join('and', filters);
}

/** Any of the filters; `undefined` and `false` are skipped. */
export function or(...filters: (ODataFilter | undefined | false)[]): ODataFilter {
  return join('or', filters);
}

/** The negation of a filter. */
export function not(filter: ODataFilter): ODataFilter {
  return brand(`not (${filter})`);
}

/** `field` equals one of `values` (an `or` of `eq`s; SharePoint through Graph has no `in`). */
export function isIn(field: string, values: readonly ODataValue[]): ODataFilter {
  return or(...values.map((v) => eq(field, v)));
}
