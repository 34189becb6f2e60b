import { badRequest } from '../http/graphError.js';

/**
 * Applies `$select` to a resource: keeps the named properties (and `@odata.*` annotations and `id`, which Graph
 * always returns); a name the resource does not have is 400, as Graph answers.
 */
export function selectProperties<T extends object>(
  resource: T,
  select: string[] | undefined,
  known: readonly string[] = [],
): Partial<T> {
  if (!select) return resource;
  const record = resource as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (key.startsWith('@odata.')) out[key] = value;
  if ('id' in record) out.id = record.id;
  for (const name of select) {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined) out[key] = record[key];
    else if (!known.some((k) => k.toLowerCase() === name.toLowerCase())) {
      throw badRequest(`Could not find a property named '${name}' on type '${typeName(resource)}'.`);
    }
  }
  return out as Partial<T>;
}

function typeName(resource: object): string {
  const type = (resource as Record<string, unknown>)['@odata.type'];
  return typeof type === 'string' ? type.replace(/^#/, '') : 'microsoft.graph.entity';
}
