/**
 * Reading a kind's list items fast. Every page reads hundreds or thousands of items as it starts, and the general path
 * (cells into an object, then core's compiled schema over it) reads and writes each field by a key held in a variable,
 * through a chain of small functions per field: before the engine has optimised anything, that costs more than the
 * checks themselves. So each kind has a reader generated from its list schema and its entity schema
 * (`itemReaders.generated.ts`, written by `npm run generate -w @tandem/graph`; see `itemReaderSource.ts`):
 * straight-line code that names every cell it reads and every field it writes, with core's checks written out.
 *
 * A reader gives exactly what the general path gives, or gives up (`notAccepted`); the general path then decides and
 * names every issue. A test keeps the generated file current; a reader generated for other fields than the schemas'
 * now, or whose refinements are no longer where it looks, is not used (the console says so).
 */
import { entitySchemas, entityShape, type EntityKind, type EntityOf, type notAccepted } from '@tandem/core';
import type { z } from 'zod';
import { listSchemaOf } from '../provisioning/listSchema.js';
import { generatedReaders } from './itemReaders.generated.js';

/** The entity's fields with the columns they are read from (`id=TandemId key=Key …`), as the reader was generated for. */
export function readerFields(kind: EntityKind): string {
  const columns = new Map(listSchemaOf(kind).fields.map((f) => [f.field, f]));
  return Object.keys(entityShape(kind))
    .filter((field) => field !== '__proto__')
    .map((field) => {
      const column = columns.get(field);
      return column ? `${field}=${column.column}${column.type === 'json' ? ' json' : ''}` : field;
    })
    .join(' ');
}

/** A kind's reader: the entity in a list item's `fields`, or `notAccepted`. */
export type ItemReader<K extends EntityKind> = (cells: Record<string, unknown>) => EntityOf<K> | typeof notAccepted;

const readers = new Map<EntityKind, ItemReader<EntityKind> | undefined>();

/** `kind`'s reader, or undefined when its generated one is stale. */
export function itemReader<K extends EntityKind>(kind: K): ItemReader<K> | undefined {
  if (!readers.has(kind)) readers.set(kind, makeReader(kind));
  return readers.get(kind) as ItemReader<K> | undefined;
}

function makeReader(kind: EntityKind): ItemReader<EntityKind> | undefined {
  const generated = generatedReaders[kind];
  const stale = `Tandem reads ${kind} items the slow way: its generated reader is stale (npm run generate -w @tandem/graph)`;
  if (!generated || generated.fields !== readerFields(kind)) {
    console.warn(stale);
    return undefined;
  }
  try {
    return generated.reader(entitySchemas[kind] as z.ZodTypeAny) as ItemReader<EntityKind>;
  } catch (error) {
    console.warn(`${stale}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
