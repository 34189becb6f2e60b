/**
 * A zod schema written out as TypeScript statements, for code generated at build time: a page cannot compile code as it
 * runs (its CSP forbids `eval`), and straight-line code that names each key it reads and writes is what the engine runs
 * fastest before it has optimised anything, which is where a page's first thousand items are read.
 *
 * The statements check a value exactly as {@link compileSchema} does, node for node, and give the same result, with
 * neither the schema nor zod: regular expressions are written as literals, and a refinement as the named check it was
 * made with (`check('keyOf', 'initiative')`, see checks.ts), which the generated code makes when it starts. A node or
 * check the writer cannot write that way is an error at build time, naming where it is.
 */
import { datetimeRegex, z } from 'zod';
import { checkCallOf, notAccepted, type CheckCall } from './checks.js';
import { compileSchema, refinementCheck, strips } from './compiledSchema.js';

/**
 * A step from a schema node to one within it: `inner` (what an optional, nullable or refinement wraps), `element` (an
 * array's) or `.key` (an object's field). Paths of steps name a node in the writer's errors.
 */
export type SchemaStep = string;

/** Something generated statements name and set up once: a regular expression, or a named check. */
export type SchemaExternal = { kind: 'regex'; literal: string } | { kind: 'check'; call: CheckCall };

/**
 * zod's own rule for `email()` (3.x), which zod does not export: written out (with no needless escapes), so a generated
 * reader accepts exactly the emails zod does (a test holds the two to the same answers).
 */
const zodEmail = /^(?!\.)(?!.*\.\.)([A-Z0-9_'+.-]*)[A-Z0-9_+-]@([A-Z0-9][A-Z0-9-]*\.)+[A-Z]{2,}$/i;

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

/** The string checks the writer writes. */
const stringChecks = new Set(['min', 'max', 'length', 'regex', 'trim', 'datetime', 'email', 'url']);
/** The number checks the writer writes itself. */
const numberChecks = new Set(['int', 'finite', 'min', 'max']);

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

  /** The name of `external`: the one it already has when the statements name it again. */
  private external(external: SchemaExternal): string {
    const key = JSON.stringify(external);
    let index = this.externals.findIndex((known) => JSON.stringify(known) === key);
    if (index < 0) index = this.externals.push(external) - 1;
    return `x${index}`;
  }

  /**
   * Statements that check the value in the variable `v` (declared `let`, of type `unknown`) against `schema`, the node
   * at `path` in the schema being written (for errors): they leave in `v` what `compileSchema(schema)` gives for it, and
   * return `notAccepted` where that gives `notAccepted`.
   */
  statements(schema: z.ZodTypeAny, v: string, path: readonly SchemaStep[]): string[] {
    const def = schema._def as { typeName?: string; coerce?: boolean };
    switch (def.typeName) {
      case z.ZodFirstPartyTypeKind.ZodObject:
        return this.object(schema as z.AnyZodObject, v, path);
      case z.ZodFirstPartyTypeKind.ZodString:
        return def.coerce ? this.unwritable('a coercion', path) : this.string(schema as z.ZodString, v, path);
      case z.ZodFirstPartyTypeKind.ZodNumber:
        return def.coerce ? this.unwritable('a coercion', path) : this.number(schema as z.ZodNumber, v, path);
      case z.ZodFirstPartyTypeKind.ZodBoolean:
        return def.coerce
          ? this.unwritable('a coercion', path)
          : [`if (typeof ${v} !== 'boolean') return notAccepted;`];
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
        if (effects._def.effect.type !== 'refinement') return this.unwritable('a transform', path);
        const inner = this.statements(effects.innerType(), v, [...path, 'inner']);
        return [...inner, `if (!${this.refinement(effects, path)}(${v})) return notAccepted;`];
      }
      default:
        return this.unwritable(`a ${String(def.typeName)}`, path);
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
      refinements.unshift(this.refinement(effects, [...path]));
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

  /** The name of the refinement's check, set up from the call that made it. */
  private refinement(effects: z.ZodEffects<z.ZodTypeAny>, path: readonly SchemaStep[]): string {
    const call = checkCallOf(refinementCheck(effects, effects._def.effect as z.RefinementEffect<unknown>));
    if (!call) return this.unwritable('a refinement not made with a named check (refineWith and checks.ts)', path);
    return this.external({ kind: 'check', call });
  }

  /** Stops the writing: `what`, at `path`, cannot be checked without zod. */
  private unwritable(what: string, path: readonly SchemaStep[]): never {
    throw new TypeError(`the schema writer cannot write ${what} (at ${path.join(' ') || 'the top'})`);
  }

  private unless(condition: string, inner: z.ZodTypeAny, v: string, path: readonly SchemaStep[]): string[] {
    const lines = this.statements(inner, v, [...path, 'inner']);
    return lines.length ? [`if (${condition}) {`, ...indent(lines), '}'] : [];
  }

  private string(schema: z.ZodString, v: string, path: readonly SchemaStep[]): string[] {
    const other = schema._def.checks.find((check) => !stringChecks.has(check.kind));
    if (other) return this.unwritable(`a string's ${other.kind} check`, path);
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
        case 'email': {
          const name = this.external({ kind: 'regex', literal: `/${zodEmail.source}/${zodEmail.flags}` });
          lines.push(`if (!${name}.test(${text})) return notAccepted;`);
          break;
        }
        case 'url': {
          const name = this.external({ kind: 'check', call: { name: 'parsableUrl', args: [] } });
          lines.push(`if (!${name}(${text})) return notAccepted;`);
          break;
        }
      }
    }
    if (trims) lines.push(`${v} = ${text};`);
    return lines;
  }

  private number(schema: z.ZodNumber, v: string, path: readonly SchemaStep[]): string[] {
    const other = schema._def.checks.find((check) => !numberChecks.has(check.kind));
    if (other) return this.unwritable(`a number's ${other.kind} check`, path);
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
    if (options.some((o) => typeof o !== 'string')) return this.unwritable('an enum of other than strings', path);
    return [`if (${options.map((o) => `${v} !== ${JSON.stringify(o)}`).join(' && ')}) return notAccepted;`];
  }

  private array(schema: z.ZodArray<z.ZodTypeAny>, v: string, path: readonly SchemaStep[]): string[] {
    type Length = { value: number } | null;
    const def = schema._def as { exactLength: Length; minLength: Length; maxLength: Length };
    // zod checks an array's length before its elements: exact, then least, then most.
    const lengths = [
      def.exactLength && `if (${v}.length !== ${numberLiteral(def.exactLength.value)}) return notAccepted;`,
      def.minLength && `if (${v}.length < ${numberLiteral(def.minLength.value)}) return notAccepted;`,
      def.maxLength && `if (${v}.length > ${numberLiteral(def.maxLength.value)}) return notAccepted;`,
    ].filter((line): line is string => typeof line === 'string');
    const out = this.variable();
    const index = this.variable();
    const element = this.variable();
    const checks = this.statements(schema.element, element, [...path, 'element']);
    return [
      `if (!Array.isArray(${v})) return notAccepted;`,
      ...lengths,
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
    if (!strips(schema)) return this.unwritable('an object that keeps or refuses unknown keys', path);
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
