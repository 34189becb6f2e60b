/** What went wrong in a CSV file, for callers to branch on. */
export type CsvErrorCode = 'unexpectedQuote' | 'textAfterQuote' | 'unterminatedQuote' | 'fieldCount';

/**
 * A malformed CSV file. `row` counts records as a spreadsheet shows them (the header is row 1), so an embedded
 * newline inside a quoted cell does not shift the numbering; `column` is 1-based.
 */
export class CsvError extends Error {
  readonly code: CsvErrorCode;
  readonly row: number;
  readonly column: number;

  constructor(code: CsvErrorCode, row: number, column: number, message: string) {
    super(`row ${row}, column ${column}: ${message}`);
    this.name = 'CsvError';
    this.code = code;
    this.row = row;
    this.column = column;
  }
}
