/**
 * Reading a kind's list items fast. Every page reads hundreds or thousands of items as it starts, and the general path
 * (cells into an object, then core's compiled schema over it) reads and writes each field by a key held in a variable,
 * through a chain of small functions per field: before the engine has optimised anything, that costs more than the
 * checks themselves. So each kind has a reader generated from its list schema and its entity schema
 * (`itemReaders.generated.ts`, written by `npm run generate -w @tandem/graph`; see `itemReaderSource.ts`):
 * straight-line code that names every cell it reads and every field it writes, with core's checks written out. It needs
 * neither zod nor the schema, so a page reads its first items before it has loaded either.
 *
 * A reader gives exactly what the general path gives, or gives up (`notAccepted`); the general path then decides and
 * names every issue. A test keeps the generated file current with the schemas.
 */
import type { EntityKind, EntityOf, notAccepted } from '@tandem/core';
import { generatedReaders } from './itemReaders.generated.js';

/** A kind's reader: the entity in a list item's `fields`, or `notAccepted`. */
export type ItemReader<K extends EntityKind> = (cells: Record<string, unknown>) => EntityOf<K> | typeof notAccepted;

const readers = new Map<EntityKind, ItemReader<EntityKind>>();

/** `kind`'s reader, made on first use. */
export function itemReader<K extends EntityKind>(kind: K): ItemReader<K> {
  let reader = readers.get(kind);
  if (!reader) {
    reader = generatedReaders[kind]() as ItemReader<EntityKind>;
    readers.set(kind, reader);
  }
  return reader as ItemReader<K>;
}
