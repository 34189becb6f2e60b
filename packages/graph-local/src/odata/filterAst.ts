/** A `$filter` expression, as parsed by `parseFilter`. */
export type FilterNode =
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: FilterNode; right: FilterNode }
  | { kind: 'literal'; value: string | number | boolean | null; type: LiteralType }
  | { kind: 'property'; path: string[] }
  | { kind: 'call'; name: FilterFunction; args: FilterNode[] }
  | { kind: 'lambda'; op: 'any' | 'all'; collection: string[]; variable: string; predicate: FilterNode };

/** Comparison operators of OData. */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
/** The literal kinds the parser recognises. */
export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'dateTime';
/** String functions the server evaluates. */
export type FilterFunction = 'startswith' | 'endswith' | 'contains';

/** Every property path a filter reads, outside lambda bodies' own variables. */
export function propertiesOf(node: FilterNode): string[][] {
  switch (node.kind) {
    case 'logical':
    case 'compare':
      return [...propertiesOf(node.left), ...propertiesOf(node.right)];
    case 'not':
      return propertiesOf(node.operand);
    case 'call':
      return node.args.flatMap(propertiesOf);
    case 'property':
      return [node.path];
    case 'lambda':
      return [node.collection];
    case 'literal':
      return [];
  }
}
