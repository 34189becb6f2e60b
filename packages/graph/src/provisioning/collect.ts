import type { GraphClient } from '../client/graphClient.js';

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Reads every page of a collection, following `@odata.nextLink`. */
export async function collectPages<T>(
  client: GraphClient,
  path: string,
  headers?: Record<string, string>,
): Promise<T[]> {
  const all: T[] = [];
  for (let next: string | undefined = path; next;) {
    const page: Page<T> = await client.get<Page<T>>(next, headers);
    all.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return all;
}
