/**
 * A zod schema compiled into plain checks, for reading many items fast. zod builds parse contexts, paths and result
 * objects for every value it visits; reading a thousand list items that way costs a noticeable pause when a page
 * starts. The compiled form walks the same schema with none of that: it accepts a value only where zod would, with
 * the same output (unknown keys stripped, strings trimmed as the schema says), and gives up on everything else.
 *
 * Giving up is always safe: the caller then runs zod itself, which decides and names every issue. So the compiled
 * form handles only the schema nodes and checks it knows exactly (objects, strings, numbers, booleans, enums, arrays,
 * optional and nullable, refinements); any other node is handed to zod as a whole, value by value.
 *
 * `SchemaWriter` (schemaSource.ts) writes these same checks out as source, for code generated at build time: a node or
 * check taught to one is taught to the other (graph's generated item readers are tested against this form).
 */
import { datetimeRegex, z } from 'zod';
import { isPlainObject, notAccepted, type RuleIssue } from './checks.js';

/** A compiled schema: the parsed value, as zod's `safeParse` would give it, or {@link notAccepted}. */
export type CompiledSchema = (value: unknown) => unknown;

/** The checks behind core's refinements made with {@link refineWith}, by the schema each made. */
const predicates = new WeakMap<z.ZodTypeAny, (value: never) => boolean>();

/**
 * `schema.refine(check, message)`, with `check` known to the compiled form, which calls it itself: zod's own wrapper
 * around a refinement makes an error callback on every value it checks, and a page checks thousands. Make `check` with
 * `check()` (checks.ts), so that code generated from the schema can make the same check without zod.
 */
export function refineWith<T extends z.ZodTypeAny>(
  schema: T,
  check: (value: z.output<T>) => boolean,
  message: string,
): z.ZodEffects<T> {
  const refined = schema.refine(check, message);
  predicates.set(refined, check);
  return refined;
}

/**
 * `schema.superRefine(…)` reporting each issue `issues` finds, with `check` (whether it finds none) known to the compiled
 * form, as for {@link refineWith}: for rules across an object's fields, which name the field they are about.
 */
export function refineWithIssues<T extends z.ZodTypeAny>(
  schema: T,
  check: (value: z.output<T>) => boolean,
  issues: (value: z.output<T>) => RuleIssue[],
): z.ZodEffects<T> {
  const refined = schema.superRefine((value, ctx) => {
    for (const issue of issues(value))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
  });
  predicates.set(refined, check);
  return refined;
}

/** The check of a refinement, as a function of the value: `refineWith`'s own, else zod's refinement run on its own. */
export function refinementCheck(
  schema: z.ZodEffects<z.ZodTypeAny>,
  effect: z.RefinementEffect<unknown>,
): CompiledRefinement {
  return (predicates.get(schema) as CompiledRefinement | undefined) ?? compileRefinement(effect.refinement);
}

/** Compiles `schema` (see the module comment). */
export function compileSchema(schema: z.ZodTypeAny): CompiledSchema {
  const def = schema._def as { typeName?: string; coerce?: boolean };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject:
      return compileObject(schema as z.AnyZodObject);
    case z.ZodFirstPartyTypeKind.ZodString:
      return def.coerce ? byZod(schema) : compileString(schema as z.ZodString);
    case z.ZodFirstPartyTypeKind.ZodNumber:
      return def.coerce ? byZod(schema) : compileNumber(schema as z.ZodNumber);
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return def.coerce ? byZod(schema) : (value) => (typeof value === 'boolean' ? value : notAccepted);
    case z.ZodFirstPartyTypeKind.ZodEnum: {
      const options = new Set<unknown>((schema as z.ZodEnum<[string, ...string[]]>).options);
      return (value) => (typeof value === 'string' && options.has(value) ? value : notAccepted);
    }
    case z.ZodFirstPartyTypeKind.ZodArray:
      return compileArray(schema as z.ZodArray<z.ZodTypeAny>);
    case z.ZodFirstPartyTypeKind.ZodOptional: {
      const inner = compileSchema((schema as z.ZodOptional<z.ZodTypeAny>).unwrap());
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case z.ZodFirstPartyTypeKind.ZodNullable: {
      const inner = compileSchema((schema as z.ZodNullable<z.ZodTypeAny>).unwrap());
      return (value) => (value === null ? null : inner(value));
    }
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return compileEffects(schema as z.ZodEffects<z.ZodTypeAny>);
    default:
      return byZod(schema);
  }
}

/** How many strings {@link byZod} remembers zod's answer for, per schema node. */
const rememberedStrings = 500;

/**
 * zod parses the value itself (a node or check the compiled form does not know). Its answer for a string is
 * remembered: the same few emails (owners, sponsors) recur on every item of a list, and zod's email check costs a
 * parse context each time.
 */
function byZod(schema: z.ZodTypeAny): CompiledSchema {
  const answers = new Map<string, unknown>();
  const parse = (value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? (result.data as unknown) : notAccepted;
  };
  return (value) => {
    if (typeof value !== 'string') return parse(value);
    if (answers.has(value)) return answers.get(value);
    const answer = parse(value);
    // Only a string or a refusal is kept: an object a transform made must not be shared between items.
    if (typeof answer !== 'string' && answer !== notAccepted) return answer;
    if (answers.size >= rememberedStrings) answers.clear();
    answers.set(value, answer);
    return answer;
  };
}

function compileObject(schema: z.AnyZodObject): CompiledSchema {
  // Only zod's default: unknown keys are stripped (strict, passthrough and catch-all objects go to zod).
  if (!strips(schema)) return byZod(schema);
  const entries = Object.entries(schema.shape as z.ZodRawShape).filter(([key]) => key !== '__proto__');
  // Two arrays walked by index: the first thousand items of a page run before the engine optimises this loop, and
  // there an iterator and a destructured object per field cost more than the checks themselves.
  const keys = entries.map(([key]) => key);
  const parsers = entries.map(([, field]) => compileSchema(field));
  const count = keys.length;
  return (value) => {
    if (!isPlainObject(value)) return notAccepted;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const parsed = parsers[i]!(value[key]);
      if (parsed === notAccepted) return notAccepted;
      // As zod: a key comes out when it has a value, or when the input has it (even undefined).
      if (parsed !== undefined || key in value) out[key] = parsed;
    }
    return out;
  };
}

/** Whether an object schema strips unknown keys (zod's default), the only handling the compiled form knows. */
export function strips(schema: z.AnyZodObject): boolean {
  const def = schema._def as { unknownKeys: string; catchall: z.ZodTypeAny };
  return def.unknownKeys === 'strip' && def.catchall instanceof z.ZodNever;
}

/** A refinement of a whole value, compiled: whether the value passes it. */
export type CompiledRefinement = (value: unknown) => boolean;

function compileString(schema: z.ZodString): CompiledSchema {
  type Check = (text: string) => string | typeof notAccepted;
  const checks: Check[] = [];
  for (const check of schema._def.checks) {
    switch (check.kind) {
      case 'min':
        checks.push((s) => (s.length < check.value ? notAccepted : s));
        break;
      case 'max':
        checks.push((s) => (s.length > check.value ? notAccepted : s));
        break;
      case 'length':
        checks.push((s) => (s.length !== check.value ? notAccepted : s));
        break;
      case 'regex':
        checks.push((s) => {
          check.regex.lastIndex = 0;
          return check.regex.test(s) ? s : notAccepted;
        });
        break;
      case 'trim':
        checks.push((s) => s.trim());
        break;
      case 'datetime': {
        // zod's own rule for the check's options, built once here (zod builds it again for every value it parses).
        const rule = datetimeRegex(check);
        checks.push((s) => (rule.test(s) ? s : notAccepted));
        break;
      }
      default:
        // email, url and the rest: zod's own implementation decides.
        return byZod(schema);
    }
  }
  const count = checks.length;
  return (value) => {
    if (typeof value !== 'string') return notAccepted;
    let text: string | typeof notAccepted = value;
    for (let i = 0; i < count; i++) {
      text = checks[i]!(text);
      if (text === notAccepted) return notAccepted;
    }
    return text;
  };
}

function compileNumber(schema: z.ZodNumber): CompiledSchema {
  const checks: ((n: number) => boolean)[] = [];
  for (const check of schema._def.checks) {
    switch (check.kind) {
      case 'int':
        checks.push((n) => Number.isInteger(n));
        break;
      case 'finite':
        checks.push((n) => Number.isFinite(n));
        break;
      case 'min':
        checks.push(check.inclusive ? (n) => n >= check.value : (n) => n > check.value);
        break;
      case 'max':
        checks.push(check.inclusive ? (n) => n <= check.value : (n) => n < check.value);
        break;
      default:
        return byZod(schema);
    }
  }
  return (value) => {
    // zod tells NaN from a number before any check.
    if (typeof value !== 'number' || Number.isNaN(value)) return notAccepted;
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(value)) return notAccepted;
    return value;
  };
}

function compileArray(schema: z.ZodArray<z.ZodTypeAny>): CompiledSchema {
  const def = schema._def as { exactLength: unknown; minLength: unknown; maxLength: unknown };
  if (def.exactLength !== null || def.minLength !== null || def.maxLength !== null) return byZod(schema);
  const element = compileSchema(schema.element);
  return (value) => {
    if (!Array.isArray(value)) return notAccepted;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const parsed = element(value[i]);
      if (parsed === notAccepted) return notAccepted;
      out[i] = parsed;
    }
    return out;
  };
}

function compileEffects(schema: z.ZodEffects<z.ZodTypeAny>): CompiledSchema {
  const effect = schema._def.effect;
  // Transforms and preprocessing change the value in ways only zod knows: zod runs them.
  if (effect.type !== 'refinement') return byZod(schema);
  const inner = compileSchema(schema.innerType());
  const passes = refinementCheck(schema, effect);
  return (value) => {
    const parsed = inner(value);
    return parsed === notAccepted || !passes(parsed) ? notAccepted : parsed;
  };
}

/** A zod refinement (`refine` and `superRefine` both end as one) as a check of a value. */
function compileRefinement(refinement: (value: unknown, ctx: z.RefinementCtx) => unknown): CompiledRefinement {
  // One context for every value: a refinement only reports through it, and runs to the end before the next value.
  let failed = false;
  const ctx = {
    addIssue: () => {
      failed = true;
    },
    path: [],
  } as unknown as z.RefinementCtx;
  return (value) => {
    failed = false;
    const result: unknown = refinement(value, ctx);
    // An async refinement is zod's to report (it refuses them in a synchronous parse).
    return !failed && !(result instanceof Promise);
  };
}
