/**
 * A zod schema written out as TypeScript statements, for code generated at build time: a page cannot compile code as it
 * runs (its CSP forbids `eval`), and straight-line code that names each key it reads and writes is what the engine runs
 * fastest before it has optimised anything, which is where a page's first thousand items are read.
 *
 * The statements check a value exactly as {@link compileSchema} does, node for node, and give the same result. What
 * source cannot hold (a refinement's function, a node the writer does not know, which `compileSchema` checks) is an
 * external: the generated code takes it from the schema itself when it starts, by the path to its node
 * (`refinementAt` and `checkAt`, in schemaPaths.ts). Regular expressions are written as literals.
 */
import { datetimeRegex, z } from 'zod';
import { compileSchema, notAccepted, strips } from './compiledSchema.js';
import type { SchemaStep } from './schemaPaths.js';

/** Something generated statements name and set up once: a regular expression, or a value taken from the schema. */
export type SchemaExternal =
  { kind: 'regex'; literal: string } | { kind: 'refinement' | 'check'; path: readonly SchemaStep[] };

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `object.name`, or `object["name"]` for a name that is not an identifier. */
export function memberOf(object: string, name: string): string {
  return identifier.test(name) ? `${object}.${name}` : `${object}[${JSON.stringify(name)}]`;
}

/** A number as a TypeScript literal (`Infinity`, `-0` and exponents included). */
function numberLiteral(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return Object.is(n, -0) ? '-0' : String(n);
}

const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

/** The string checks the writer writes itself; a string with any other check goes to {@link compileSchema} whole. */
const stringChecks = new Set(['min', 'max', 'length', 'regex', 'trim', 'datetime']);
/** The number checks the writer writes itself. */
const numberChecks = new Set(['int', 'finite', 'min', 'max']);
/** Enums up to this many options are checked by comparisons; larger ones go to {@link compileSchema}. */
const inlineEnumOptions = 16;

/**
 * Writes statements that check a value against a schema. They run in a function that returns `notAccepted` to give up,
 * call `isPlainObject` (both from `@tandem/core`), and name the {@link externals} as `x0`, `x1`…, which the generated
 * code sets up first.
 */
export class SchemaWriter {
  /** The externals the statements written so far name: `x0` is the first. */
  readonly externals: SchemaExternal[] = [];
  private variables = 0;

  /** A fresh variable name (`v1`, `v2`…). */
  variable(): string {
    return `v${++this.variables}`;
  }

  /**
   * Declares the variable `v`, of type `unknown`, holding `init` at first: `let` when `statements` (which follow it)
   * assign to it, `const` otherwise.
   */
  declaration(v: string, init: string, statements: readonly string[]): string {
    const assigned = statements.some((line) => line.trimStart().startsWith(`${v} = `));
    return `${assigned ? 'let' : 'const'} ${v}: unknown = ${init};`;
  }

  private external(external: SchemaExternal): string {
    this.externals.push(external);
    return `x${this.externals.length - 1}`;
  }

  /**
   * Statements that check the value in the variable `v` (declared `let`, of type `unknown`) against `schema`, the node
   * at `path` in the schema the generated code takes its externals from: they leave in `v` what `compileSchema(schema)`
   * gives for it, and return `notAccepted` where that gives `notAccepted`.
   */
  statements(schema: z.ZodTypeAny, v: string, path: readonly SchemaStep[]): string[] {
    const def = schema._def as { typeName?: string; coerce?: boolean };
    switch (def.typeName) {
      case z.ZodFirstPartyTypeKind.ZodObject:
        return this.object(schema as z.AnyZodObject, v, path);
      case z.ZodFirstPartyTypeKind.ZodString:
        return def.coerce ? this.compiled(v, path) : this.string(schema as z.ZodString, v, path);
      case z.ZodFirstPartyTypeKind.ZodNumber:
        return def.coerce ? this.compiled(v, path) : this.number(schema as z.ZodNumber, v, path);
      case z.ZodFirstPartyTypeKind.ZodBoolean:
        return def.coerce ? this.compiled(v, path) : [`if (typeof ${v} !== 'boolean') return notAccepted;`];
      case z.ZodFirstPartyTypeKind.ZodEnum:
        return this.enumeration(schema as z.ZodEnum<[string, ...string[]]>, v, path);
      case z.ZodFirstPartyTypeKind.ZodArray:
        return this.array(schema as z.ZodArray<z.ZodTypeAny>, v, path);
      case z.ZodFirstPartyTypeKind.ZodOptional:
        return this.unless(`${v} !== undefined`, (schema as z.ZodOptional<z.ZodTypeAny>).unwrap(), v, path);
      case z.ZodFirstPartyTypeKind.ZodNullable:
        return this.unless(`${v} !== null`, (schema as z.ZodNullable<z.ZodTypeAny>).unwrap(), v, path);
      case z.ZodFirstPartyTypeKind.ZodEffects: {
        const effects = schema as z.ZodEffects<z.ZodTypeAny>;
        if (effects._def.effect.type !== 'refinement') return this.compiled(v, path);
        const inner = this.statements(effects.innerType(), v, [...path, 'inner']);
        return [...inner, `if (!${this.external({ kind: 'refinement', path })}(${v})) return notAccepted;`];
      }
      default:
        return this.compiled(v, path);
    }
  }

  /**
   * An object schema within any number of refinements, as generated code builds it: its keys with their schemas and
   * paths, and the names of its refinements, innermost first (the order zod runs them in); undefined for anything else.
   */
  objectParts(
    schema: z.ZodTypeAny,
  ): { fields: { key: string; schema: z.ZodTypeAny; path: SchemaStep[] }[]; refinements: string[] } | undefined {
    const refinements: string[] = [];
    const path: SchemaStep[] = [];
    let node = schema;
    while (node instanceof z.ZodEffects) {
      const effects = node as z.ZodEffects<z.ZodTypeAny>;
      if (effects._def.effect.type !== 'refinement') return undefined;
      refinements.unshift(this.external({ kind: 'refinement', path: [...path] }));
      path.push('inner');
      node = effects.innerType();
    }
    if (!(node instanceof z.ZodObject) || !strips(node)) return undefined;
    const fields = Object.entries(node.shape as z.ZodRawShape)
      .filter(([key]) => key !== '__proto__')
      .map(([key, field]) => ({ key, schema: field, path: [...path, `.${key}`] }));
    return { fields, refinements };
  }

  /**
   * What `compileSchema(schema)` makes of `undefined` (an absent key), worked out as the code is written: `refused` (a
   * required field), `absent` (an optional one, left out) or `other` (a default, say: the statements must run).
   */
  emptyValue(schema: z.ZodTypeAny): 'refused' | 'absent' | 'other' {
    const empty = compileSchema(schema)(undefined);
    return empty === notAccepted ? 'refused' : empty === undefined ? 'absent' : 'other';
  }

  /** `compileSchema` of the node, as an external: for a node the writer does not write itself. */
  private compiled(v: string, path: readonly SchemaStep[]): string[] {
    const check = this.external({ kind: 'check', path });
    return [`${v} = ${check}(${v});`, `if (${v} === notAccepted) return notAccepted;`];
  }

  private unless(condition: string, inner: z.ZodTypeAny, v: string, path: readonly SchemaStep[]): string[] {
    const lines = this.statements(inner, v, [...path, 'inner']);
    return lines.length ? [`if (${condition}) {`, ...indent(lines), '}'] : [];
  }

  private string(schema: z.ZodString, v: string, path: readonly SchemaStep[]): string[] {
    if (schema._def.checks.some((check) => !stringChecks.has(check.kind))) return this.compiled(v, path);
    const lines = [`if (typeof ${v} !== 'string') return notAccepted;`];
    // A trimmed string is kept in a variable of its own, which stays a string to the compiler through the assignment.
    const trims = schema._def.checks.some((check) => check.kind === 'trim');
    const text = trims ? this.variable() : v;
    if (trims) lines.push(`let ${text}: string = ${v};`);
    for (const check of schema._def.checks) {
      switch (check.kind) {
        case 'min':
          lines.push(`if (${text}.length < ${numberLiteral(check.value)}) return notAccepted;`);
          break;
        case 'max':
          lines.push(`if (${text}.length > ${numberLiteral(check.value)}) return notAccepted;`);
          break;
        case 'length':
          lines.push(`if (${text}.length !== ${numberLiteral(check.value)}) return notAccepted;`);
          break;
        case 'trim':
          lines.push(`${text} = ${text}.trim();`);
          break;
        case 'regex':
        case 'datetime': {
          // A datetime's rule is zod's own for its options, built here once (zod builds it for every value it parses).
          const regex = check.kind === 'regex' ? check.regex : datetimeRegex(check);
          const name = this.external({ kind: 'regex', literal: `/${regex.source}/${regex.flags}` });
          if (regex.global || regex.sticky) lines.push(`${name}.lastIndex = 0;`);
          lines.push(`if (!${name}.test(${text})) return notAccepted;`);
          break;
        }
      }
    }
    if (trims) lines.push(`${v} = ${text};`);
    return lines;
  }

  private number(schema: z.ZodNumber, v: string, path: readonly SchemaStep[]): string[] {
    if (schema._def.checks.some((check) => !numberChecks.has(check.kind))) return this.compiled(v, path);
    // zod tells NaN from a number before any check.
    const lines = [`if (typeof ${v} !== 'number' || Number.isNaN(${v})) return notAccepted;`];
    for (const check of schema._def.checks) {
      if (check.kind === 'int') lines.push(`if (!Number.isInteger(${v})) return notAccepted;`);
      else if (check.kind === 'finite') lines.push(`if (!Number.isFinite(${v})) return notAccepted;`);
      else if (check.kind === 'min')
        lines.push(`if (${v} ${check.inclusive ? '<' : '<='} ${numberLiteral(check.value)}) return notAccepted;`);
      else if (check.kind === 'max')
        lines.push(`if (${v} ${check.inclusive ? '>' : '>='} ${numberLiteral(check.value)}) return notAccepted;`);
    }
    return lines;
  }

  private enumeration(schema: z.ZodEnum<[string, ...string[]]>, v: string, path: readonly SchemaStep[]): string[] {
    const options = schema.options;
    if (options.length > inlineEnumOptions || options.some((o) => typeof o !== 'string')) return this.compiled(v, path);
    return [`if (${options.map((o) => `${v} !== ${JSON.stringify(o)}`).join(' && ')}) return notAccepted;`];
  }

  private array(schema: z.ZodArray<z.ZodTypeAny>, v: string, path: readonly SchemaStep[]): string[] {
    const def = schema._def as { exactLength: unknown; minLength: unknown; maxLength: unknown };
    if (def.exactLength !== null || def.minLength !== null || def.maxLength !== null) return this.compiled(v, path);
    const out = this.variable();
    const index = this.variable();
    const element = this.variable();
    const checks = this.statements(schema.element, element, [...path, 'element']);
    return [
      `if (!Array.isArray(${v})) return notAccepted;`,
      `const ${out}: unknown[] = new Array<unknown>(${v}.length);`,
      `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {`,
      `  ${this.declaration(element, `${v}[${index}]`, checks)}`,
      ...indent(checks),
      `  ${out}[${index}] = ${element};`,
      '}',
      `${v} = ${out};`,
    ];
  }

  private object(schema: z.AnyZodObject, v: string, path: readonly SchemaStep[]): string[] {
    if (!strips(schema)) return this.compiled(v, path);
    const out = this.variable();
    const lines = [`if (!isPlainObject(${v})) return notAccepted;`, `const ${out}: Record<string, unknown> = {};`];
    for (const [key, field] of Object.entries(schema.shape as z.ZodRawShape)) {
      if (key === '__proto__') continue;
      const value = this.variable();
      const checks = this.statements(field, value, [...path, `.${key}`]);
      lines.push(
        this.declaration(value, memberOf(v, key), checks),
        ...checks,
        // As zod: a key comes out when it has a value, or when the input has it (even undefined).
        `if (${value} !== undefined || ${JSON.stringify(key)} in ${v}) ${memberOf(out, key)} = ${value};`,
      );
    }
    lines.push(`${v} = ${out};`);
    return lines;
  }
}
