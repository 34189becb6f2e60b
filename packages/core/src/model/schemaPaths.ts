/**
 * Values taken from a zod schema by the path to their node, for code generated from the schema at build time (see
 * `SchemaWriter` in schemaSource.ts): a refinement's function and zod's own check of a node cannot be written as
 * source, so the generated code takes them from the schema when it starts.
 */
import { z } from 'zod';
import { compileSchema, refinementCheck, type CompiledRefinement, type CompiledSchema } from './compiledSchema.js';

/**
 * A step from a schema node to one within it: `inner` (what an optional, nullable or refinement wraps), `element` (an
 * array's) or `.key` (an object's field).
 */
export type SchemaStep = string;

/** The node `path` leads to from `schema`; throws when a step does not fit the node it is taken from. */
function nodeAt(schema: z.ZodTypeAny, path: readonly SchemaStep[]): z.ZodTypeAny {
  let node = schema;
  for (const step of path) {
    if (step === 'inner' && node instanceof z.ZodEffects) node = node.innerType() as z.ZodTypeAny;
    else if (step === 'inner' && (node instanceof z.ZodOptional || node instanceof z.ZodNullable))
      node = node.unwrap() as z.ZodTypeAny;
    else if (step === 'element' && node instanceof z.ZodArray) node = node.element as z.ZodTypeAny;
    else if (step.startsWith('.') && node instanceof z.ZodObject && Object.hasOwn(node.shape, step.slice(1)))
      node = (node.shape as z.ZodRawShape)[step.slice(1)]!;
    else throw new TypeError(`no ${step} in the schema's ${String((node._def as { typeName?: string }).typeName)}`);
  }
  return node;
}

/** The refinement at `path` in `schema`, as generated code calls it (throws when there is none). */
export function refinementAt(schema: z.ZodTypeAny, path: readonly SchemaStep[]): CompiledRefinement {
  const node = nodeAt(schema, path);
  if (!(node instanceof z.ZodEffects) || node._def.effect.type !== 'refinement')
    throw new TypeError(`no refinement at ${path.join(' ')}`);
  return refinementCheck(node, node._def.effect);
}

/** `compileSchema` of the node at `path` in `schema` (throws when there is no such node). */
export function checkAt(schema: z.ZodTypeAny, path: readonly SchemaStep[]): CompiledSchema {
  return compileSchema(nodeAt(schema, path));
}
