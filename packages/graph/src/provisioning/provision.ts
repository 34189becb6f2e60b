import type { EntityKind } from '@tandem/core';
import { ENTITY_KINDS } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { GraphError } from '../client/graphError.js';
import { collectPages } from './collect.js';
import { listSchemas, schemaFingerprint, settingsListName, type FieldColumn, type ListSchema } from './listSchema.js';

/** What provisioning found and did. */
export interface ProvisionResult {
  siteId: string;
  /** The list id of every entity kind. */
  listIds: Record<EntityKind, string>;
  /** The id of the settings list holding the schema version. */
  settingsListId: string;
  /** Lists created by this run (display names). */
  createdLists: string[];
  /** Columns added to existing lists by this run (`List/Column`). */
  addedColumns: string[];
  /** Columns made indexed (or unique) by this run (`List/Column`). */
  indexedColumns: string[];
  /** Choice columns given the choices a newer model added, by this run (`List/Column`). */
  widenedColumns: string[];
  /** The schema version before this run (undefined on a fresh site) and after. */
  previousVersion: string | undefined;
  version: string;
}

interface GraphList {
  id: string;
  displayName: string;
}

interface GraphColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  choice?: { choices?: string[]; displayAs?: string; allowTextEntry?: boolean };
}

interface SettingsItem {
  id: string;
  fields?: { Title?: string; Value?: string };
}

const versionItemTitle = 'schemaVersion';

/**
 * Creates or upgrades Tandem's lists in the site. Idempotent: a site already at this schema version costs two reads,
 * sent at once.
 * An older (or unknown) version is upgraded in place: missing lists and columns are added and filtered columns indexed;
 * nothing is ever removed or retyped, so no data is lost. The version is written last, so an interrupted run is redone.
 */
export async function provision(client: GraphClient, siteId: string): Promise<ProvisionResult> {
  const site = `/sites/${encodeURIComponent(siteId).replace(/%2C/gi, ',')}`;
  // The settings list is read by its title (Graph addresses a list by id or by title) beside the list of lists, so
  // the version check of a ready site costs no round trip of its own. A site without it answers 404. Both are sent
  // before anything else is worked out here: a page's first reads, asked for just before, leave with them.
  const [lists, settingsByTitle] = await Promise.all([
    collectPages<GraphList>(client, `${site}/lists?$select=id,displayName`),
    collectPages<SettingsItem>(
      client,
      `${site}/lists/${encodeURIComponent(settingsListName)}/items?$expand=fields($select=Title,Value)`,
    ).catch((error: unknown) => {
      if (error instanceof GraphError && error.status === 404) return undefined;
      throw error;
    }),
  ]);
  const fingerprint = schemaFingerprint();
  const existing = new Map(lists.map((l) => [l.displayName, l.id]));
  const result: ProvisionResult = {
    siteId,
    listIds: {} as Record<EntityKind, string>,
    settingsListId: '',
    createdLists: [],
    addedColumns: [],
    indexedColumns: [],
    widenedColumns: [],
    previousVersion: undefined,
    version: fingerprint,
  };

  let settingsId = existing.get(settingsListName);
  let versionItem: SettingsItem | undefined;
  if (settingsId) {
    const items =
      settingsByTitle ??
      (await collectPages<SettingsItem>(
        client,
        `${site}/lists/${settingsId}/items?$expand=fields($select=Title,Value)`,
      ));
    versionItem = items.find((i) => i.fields?.Title === versionItemTitle);
    result.previousVersion = versionItem?.fields?.Value;
  }
  const upToDate =
    result.previousVersion === fingerprint && ENTITY_KINDS.every((k) => existing.has(listSchemas[k].displayName));

  for (const kind of ENTITY_KINDS) {
    const schema = listSchemas[kind];
    const listId = existing.get(schema.displayName);
    if (!listId) {
      result.listIds[kind] = await createList(
        client,
        site,
        schema.displayName,
        schema.fields.filter(notTitle).map(columnDefinition),
      );
      result.createdLists.push(schema.displayName);
    } else {
      result.listIds[kind] = listId;
      if (!upToDate) await upgradeList(client, site, listId, schema, result);
    }
  }

  if (!settingsId) {
    settingsId = await createList(client, site, settingsListName, [
      { name: 'Value', text: { allowMultipleLines: true } },
    ]);
    result.createdLists.push(settingsListName);
  }
  result.settingsListId = settingsId;
  if (!upToDate) {
    const fields = { Title: versionItemTitle, Value: fingerprint };
    if (versionItem) await client.patch(`${site}/lists/${settingsId}/items/${versionItem.id}/fields`, fields);
    else await client.post(`${site}/lists/${settingsId}/items`, { fields });
  }
  return result;
}

/**
 * Whether a provisioning run changed the site (created a list, or added, indexed or widened a column): reads sent
 * before it finished may have missed what it added.
 */
export function siteChanged(result: ProvisionResult): boolean {
  return (
    result.createdLists.length +
      result.addedColumns.length +
      result.indexedColumns.length +
      result.widenedColumns.length >
    0
  );
}

/** The version of the list schema this build provisions (`<schemaVersion>.<fingerprint>`). */
export function currentSchemaVersion(): string {
  return schemaFingerprint();
}

async function createList(client: GraphClient, site: string, displayName: string, columns: object[]): Promise<string> {
  const list = await client.post<GraphList>(`${site}/lists`, {
    displayName,
    columns,
    list: { template: 'genericList' },
  });
  return list.id;
}

async function upgradeList(
  client: GraphClient,
  site: string,
  listId: string,
  schema: ListSchema,
  result: ProvisionResult,
): Promise<void> {
  const columns = new Map(
    (await collectPages<GraphColumn>(client, `${site}/lists/${listId}/columns`)).map((c) => [c.name, c]),
  );
  for (const field of schema.fields) {
    const column = columns.get(field.column);
    if (!column) {
      await client.post(`${site}/lists/${listId}/columns`, columnDefinition(field));
      result.addedColumns.push(`${schema.displayName}/${field.column}`);
    } else if ((field.indexed && !column.indexed) || (field.unique && !column.enforceUniqueValues)) {
      await client.patch(`${site}/lists/${listId}/columns/${column.id}`, {
        indexed: field.indexed || column.indexed === true,
        ...(field.unique ? { enforceUniqueValues: true } : {}),
      });
      result.indexedColumns.push(`${schema.displayName}/${field.column}`);
    }
    const had = column?.choice?.choices;
    const missing = had ? (field.choices ?? []).filter((c) => !had.includes(c)) : [];
    if (column && had && missing.length > 0) {
      // A value the model added (a new audited kind, a new status) would be refused by the old column's choices.
      await client.patch(`${site}/lists/${listId}/columns/${column.id}`, {
        choice: { ...column.choice, choices: [...had, ...missing] },
      });
      result.widenedColumns.push(`${schema.displayName}/${field.column}`);
    }
  }
}

function notTitle(field: FieldColumn): boolean {
  return field.column !== 'Title';
}

/** Graph's `columnDefinition` for a field. */
export function columnDefinition(field: FieldColumn): Record<string, unknown> {
  const base = {
    name: field.column,
    displayName: field.column,
    indexed: field.indexed,
    ...(field.unique ? { enforceUniqueValues: true } : {}),
  };
  switch (field.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
    case 'json':
      return { ...base, text: { allowMultipleLines: true } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'choice':
      return {
        ...base,
        choice: { choices: [...(field.choices ?? [])], displayAs: 'dropDownMenu', allowTextEntry: false },
      };
  }
}
