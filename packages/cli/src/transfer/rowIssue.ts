/** One problem with one row of an import, named by row and column as a spreadsheet shows them. */
export interface RowIssue {
  /** The row (CSV: record number, header is 1; JSON: the item's position, from 1). */
  row: number;
  /** The column number from 1, when the source has columns (CSV). */
  column?: number;
  /** The entity field at fault, when one is. */
  field?: string;
  message: string;
}

/** `row 3, column 5 (status): must be one of …` */
export function formatRowIssue(issue: RowIssue): string {
  const where = [`row ${issue.row}`];
  if (issue.column !== undefined) where.push(`column ${issue.column}${issue.field ? ` (${issue.field})` : ''}`);
  else if (issue.field) where.push(`field ${issue.field}`);
  return `${where.join(', ')}: ${issue.message}`;
}
