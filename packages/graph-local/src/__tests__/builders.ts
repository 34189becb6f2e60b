import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';

/** A column definition of a given kind, indexed or not. */
export function column(
  name: string,
  kind: 'text' | 'number' | 'boolean' | 'dateTime',
  indexed = false,
): ColumnDefinition {
  return { name, indexed, [kind]: {} };
}

/** A choice column. */
export function choiceColumn(name: string, choices: string[], indexed = false): ColumnDefinition {
  return { name, indexed, choice: { choices } };
}

/** A lookup column to another list. */
export function lookupColumn(name: string, listId: string, indexed = false): ColumnDefinition {
  return { name, indexed, lookup: { listId, columnName: 'Title' } };
}

/** A person column. */
export function personColumn(name: string, indexed = false): ColumnDefinition {
  return { name, indexed, personOrGroup: { chooseFromType: 'peopleOnly' } };
}

/** The body of `POST /sites/{id}/lists`. */
export function listBody(displayName: string, columns: ColumnDefinition[]): List {
  return { displayName, columns, list: { template: 'genericList' } };
}

/** The body of `POST .../items`. */
export function itemBody(fields: Record<string, unknown>): { fields: Record<string, unknown> } {
  return { fields };
}
