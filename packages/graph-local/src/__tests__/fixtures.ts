import type { Client } from '@microsoft/microsoft-graph-client';
import type { List, Site } from '@microsoft/microsoft-graph-types';
import { column, listBody } from './builders.js';

/** A list on the root site with an indexed `Key` text column and a plain `Score` number column. */
export async function createKeyedList(client: Client, name: string): Promise<{ site: Site; list: List; base: string }> {
  const site = (await client.api('/sites/root').get()) as Site;
  const list = (await client
    .api(`/sites/${site.id}/lists`)
    .post(listBody(name, [column('Key', 'text', true), column('Score', 'number')]))) as List;
  return { site, list, base: `/sites/${site.id}/lists/${list.id}` };
}
