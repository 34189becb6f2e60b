const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as RFC 4180 wants it: quoted (with quotes doubled) when it holds a comma, quote, line break or edge space. */
export function formatCsvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record, ending with CRLF as RFC 4180 prescribes. */
export function formatCsvRecord(cells: readonly string[]): string {
  // A lone empty cell would be an empty line, which readers skip: quote it so the record survives.
  if (cells.length === 1 && cells[0] === '') return '""\r\n';
  return cells.map(formatCsvCell).join(',') + '\r\n';
}

/** Turns records into CSV text, one record a chunk, for piping into a file stream without building the file in memory. */
export async function* writeCsv(
  records: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): AsyncGenerator<string> {
  for await (const cells of records) yield formatCsvRecord(cells);
}
