/** How a field's value is written in a CSV cell. */
export type CellType = 'string' | 'number' | 'boolean' | 'json';

/** One column of an entity's CSV: the field name is the header. */
export interface EntityColumn {
  name: string;
  type: CellType;
  optional: boolean;
}

interface ZodDefLike {
  typeName?: string;
  schema?: unknown;
  innerType?: unknown;
  type?: unknown;
  in?: unknown;
  shape?: () => Record<string, unknown>;
  options?: unknown[];
  value?: unknown;
}

function defOf(schema: unknown): ZodDefLike {
  return ((schema as { _def?: ZodDefLike } | undefined)?._def ?? {}) as ZodDefLike;
}

/** Peels refinements, defaults and optionality off a schema, noting whether the field may be left out. */
function unwrap(schema: unknown): { inner: unknown; optional: boolean } {
  let optional = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    switch (def.typeName) {
      case 'ZodEffects':
        current = def.schema;
        break;
      case 'ZodOptional':
      case 'ZodNullable':
      case 'ZodDefault':
        if (def.typeName !== 'ZodNullable') optional = true;
        current = def.innerType;
        break;
      case 'ZodBranded':
      case 'ZodReadonly':
        current = def.type ?? def.innerType;
        break;
      case 'ZodPipeline':
        current = def.in;
        break;
      default:
        return { inner: current, optional };
    }
  }
}

function cellTypeOf(schema: unknown): CellType {
  const def = defOf(schema);
  switch (def.typeName) {
    case 'ZodNumber':
      return 'number';
    case 'ZodBoolean':
      return 'boolean';
    case 'ZodString':
    case 'ZodEnum':
    case 'ZodNativeEnum':
      return 'string';
    case 'ZodLiteral':
      return typeof def.value === 'number' ? 'number' : typeof def.value === 'boolean' ? 'boolean' : 'string';
    case 'ZodUnion': {
      const types = new Set((def.options ?? []).map((option) => cellTypeOf(unwrap(option).inner)));
      return types.size === 1 ? [...types][0]! : 'json';
    }
    default:
      return 'json';
  }
}

/**
 * The CSV columns of an entity schema, in the schema's field order: strings, enums and dates as text, numbers as numbers,
 * lists and nested objects (people, votes) as JSON in the cell. Throws when the schema is not an object.
 */
export function entityColumns(schema: unknown): EntityColumn[] {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.typeName !== 'ZodObject' || !def.shape) throw new TypeError('entity schema must be an object schema');
  return Object.entries(def.shape()).map(([name, field]) => {
    const { inner: fieldType, optional } = unwrap(field);
    return { name, type: cellTypeOf(fieldType), optional };
  });
}
