import { GraphError, badRequest } from '../http/graphError.js';
import type { ListColumn } from '../lists/columns.js';
import { fieldExpression } from '../lists/columns.js';
import type { FilterNode } from '../odata/filterAst.js';
import type { OrderKey } from '../odata/queryOptions.js';
import { normalizeDateTime } from './fieldValues.js';

/** A SQL fragment over the items table with its bound parameters. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

interface FieldRef {
  sql: string;
  kind: 'text' | 'number' | 'boolean' | 'dateTime' | 'lookup';
  indexed: boolean;
  name: string;
}

/** Built-in fields a filter may name, mapped onto the items table. `id` is always indexed in SharePoint. */
const builtIns: Record<string, FieldRef> = {
  id: { sql: 'id', kind: 'number', indexed: true, name: 'id' },
  created: { sql: 'created', kind: 'dateTime', indexed: false, name: 'Created' },
  modified: { sql: 'modified', kind: 'dateTime', indexed: false, name: 'Modified' },
};

/**
 * Translates a list-item `$filter` and `$orderby` into SQL over the items table. Only `fields/X` (and `id`) can be
 * referenced; a column that is not indexed is refused, as SharePoint refuses it, unless the request carries
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`.
 */
export class ItemQueryCompiler {
  constructor(
    private readonly columns: Map<string, ListColumn>,
    private readonly allowNonIndexed: boolean,
  ) {}

  /** The WHERE clause for a filter. */
  where(node: FilterNode): SqlFragment {
    switch (node.kind) {
      case 'logical': {
        const l = this.where(node.left);
        const r = this.where(node.right);
        return { sql: `(${l.sql} ${node.op.toUpperCase()} ${r.sql})`, params: [...l.params, ...r.params] };
      }
      case 'not': {
        const inner = this.where(node.operand);
        return { sql: `NOT (${inner.sql})`, params: inner.params };
      }
      case 'compare':
        return this.comparison(node.op, node.left, node.right);
      case 'call': {
        const [target, pattern] = node.args;
        if (target?.kind !== 'property' || pattern?.kind !== 'literal' || typeof pattern.value !== 'string') {
          throw badRequest(`Invalid filter clause: ${node.name} takes a field and a string literal.`);
        }
        const field = this.field(target.path);
        if (node.name === 'startswith')
          return { sql: `substr(${field.sql}, 1, ?) = ?`, params: [pattern.value.length, pattern.value] };
        if (node.name === 'endswith')
          return { sql: `substr(${field.sql}, -?) = ?`, params: [pattern.value.length, pattern.value] };
        return { sql: `instr(${field.sql}, ?) > 0`, params: [pattern.value] };
      }
      case 'property': {
        const field = this.field(node.path);
        if (field.kind !== 'boolean')
          throw badRequest(`Invalid filter clause: '${node.path.join('/')}' is not a boolean.`);
        return { sql: `${field.sql} = 1`, params: [] };
      }
      case 'literal':
        throw badRequest('Invalid filter clause: a literal alone is not a condition.');
      case 'lambda':
        throw badRequest(`Invalid filter clause: lambda operators are not supported on list items.`);
    }
  }

  /**
   * The ORDER BY clause (ties broken by id, as SharePoint orders by ID). With a filter, the id is written `+id` so
   * SQLite picks the filtered column's index over walking the primary key in id order.
   */
  orderBy(keys: OrderKey[], filtered: boolean): string {
    const parts = keys.map((k) => `${this.field(k.path).sql} ${k.descending ? 'DESC' : 'ASC'}`);
    return [...parts, filtered ? '+id ASC' : 'id ASC'].join(', ');
  }

  private comparison(op: string, a: FilterNode, b: FilterNode): SqlFragment {
    let property = a;
    let literal = b;
    let operator = op;
    if (a.kind === 'literal' && b.kind === 'property') {
      property = b;
      literal = a;
      operator = ({ gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' } as Record<string, string>)[op] ?? op;
    }
    if (property.kind !== 'property' || literal.kind !== 'literal') {
      throw badRequest('Invalid filter clause: a comparison needs a field on one side and a literal on the other.');
    }
    const field = this.field(property.path);
    const sqlOp = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' }[operator]!;
    if (literal.value === null) {
      if (operator === 'eq') return { sql: `${field.sql} IS NULL`, params: [] };
      if (operator === 'ne') return { sql: `${field.sql} IS NOT NULL`, params: [] };
      throw badRequest(`Invalid filter clause: null can only be compared with eq or ne.`);
    }
    const value = this.coerce(field, literal.value);
    // `ne` in SharePoint also matches items where the field is empty.
    if (operator === 'ne') return { sql: `(${field.sql} IS NULL OR ${field.sql} <> ?)`, params: [value] };
    return { sql: `${field.sql} ${sqlOp} ?`, params: [value] };
  }

  private coerce(field: FieldRef, value: string | number | boolean): unknown {
    switch (field.kind) {
      case 'boolean':
        if (typeof value === 'boolean') return value ? 1 : 0;
        if (value === 1 || value === 0) return value;
        throw badRequest(`Invalid filter clause: field '${field.name}' is a boolean.`);
      case 'number':
      case 'lookup': {
        const n = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
        if (typeof n !== 'number') throw badRequest(`Invalid filter clause: field '${field.name}' is a number.`);
        return n;
      }
      case 'dateTime':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
          throw badRequest(`Invalid filter clause: field '${field.name}' is a date-time.`);
        }
        return normalizeDateTime(value);
      case 'text':
        if (typeof value !== 'string') throw badRequest(`Invalid filter clause: field '${field.name}' is text.`);
        return value;
    }
  }

  private field(path: string[]): FieldRef {
    const name =
      path.length === 2 && path[0]!.toLowerCase() === 'fields' ? path[1]! : path.length === 1 ? path[0]! : undefined;
    if (name === undefined)
      throw badRequest(`Invalid filter clause: '${path.join('/')}' is not a field of a list item.`);
    const builtIn = builtIns[name.toLowerCase()];
    let ref: FieldRef;
    if (builtIn) ref = builtIn;
    else {
      if (path.length === 1) throw badRequest(`Invalid filter clause: use 'fields/${name}' to filter on a column.`);
      const column = this.columns.get(name.toLowerCase());
      if (!column) throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      const isLookup = column.type === 'lookup' || column.type === 'personOrGroup';
      const kind: FieldRef['kind'] = isLookup
        ? 'lookup'
        : column.type === 'number'
          ? 'number'
          : column.type === 'boolean'
            ? 'boolean'
            : column.type === 'dateTime'
              ? 'dateTime'
              : 'text';
      ref = { sql: fieldExpression(column), kind, indexed: column.indexed, name: column.name };
    }
    if (!ref.indexed && !this.allowNonIndexed) {
      throw new GraphError(
        400,
        'invalidRequest',
        `Field '${ref.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    return ref;
  }
}

/** True when the request's Prefer header allows filters on columns that are not indexed. */
export function honorsNonIndexed(prefer: string | string[] | undefined): boolean {
  const values = Array.isArray(prefer) ? prefer : prefer ? [prefer] : [];
  return values.some((v) =>
    v
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .includes('honornonindexedquerieswarningmayfailrandomly'),
  );
}
