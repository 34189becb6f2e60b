import { ENTITY_KINDS, isEntityKind, type EntityKind } from '@tandem/core';
import { UsageError } from '../command.js';

/** The `--kind` option's value, checked: one of core's entity kinds. */
export function entityKindOption(value: string | undefined): EntityKind {
  if (value === undefined) throw new UsageError(`--kind is required: one of ${ENTITY_KINDS.join(', ')}.`);
  if (!isEntityKind(value)) throw new UsageError(`--kind must be one of ${ENTITY_KINDS.join(', ')}, not '${value}'.`);
  return value;
}

/** The usage line of `--kind`. */
export const kindUsage = `  --kind KIND     the entity kind: ${ENTITY_KINDS.join(', ')}`;
