import { CsvError } from './csvError.js';

/** One record of a CSV file. */
export interface CsvRecord {
  /** The record's number as a spreadsheet shows it: the first record (usually the header) is row 1. */
  row: number;
  cells: string[];
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const BOM = '\uFEFF';

/**
 * Reads RFC 4180 CSV from a stream of text or bytes, one record at a time, so a file of any size never sits in memory.
 * Accepts CRLF and LF (and a lone CR) as line ends, quoted cells with `""` escapes and embedded line breaks, and a
 * leading UTF-8 byte-order mark. Lines that are entirely empty are skipped (spreadsheets leave them at the end) but still counted.
 * Throws a `CsvError` naming the row and column of a stray quote, text after a closing quote, or a quote left open.
 */
export async function* readCsv(
  source: AsyncIterable<string | Uint8Array> | Iterable<string>,
): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let first = true;
  let cells: string[] = [];
  let cell = '';
  // inQuotes: inside a quoted cell; afterQuote: just saw a quote inside a quoted cell (an escape or the end).
  let inQuotes = false;
  let afterQuote = false;
  let quotedCell = false;
  let pendingCr = false;
  let row = 1;
  let quoteRow = 1;

  const endRecord = (): CsvRecord | undefined => {
    cells.push(cell);
    const record = cells.length === 1 && cells[0] === '' && !quotedCell ? undefined : { row, cells };
    cells = [];
    cell = '';
    quotedCell = false;
    // A skipped empty line still counts, so row numbers match what a spreadsheet shows.
    row++;
    return record;
  };

  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.startsWith(BOM)) text = text.slice(1);
      first = false;
    }
    let start = 0; // start of the run of plain characters not yet copied into `cell`
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (afterQuote) {
          afterQuote = false;
          if (c === QUOTE) {
            cell += '"';
            start = i + 1;
            continue;
          }
          inQuotes = false;
          // fall through: the quote closed the cell; `c` must end it
        } else {
          if (c === QUOTE) {
            cell += text.slice(start, i);
            afterQuote = true;
            start = i + 1;
          }
          continue;
        }
        if (c !== COMMA && c !== LF && c !== CR) {
          throw new CsvError(
            'textAfterQuote',
            row,
            cells.length + 1,
            'text after a closing quote (a quote inside a quoted cell must be doubled: "")',
          );
        }
      }
      if (c === COMMA) {
        cell += text.slice(start, i);
        cells.push(cell);
        cell = '';
        start = i + 1;
      } else if (c === LF || c === CR) {
        cell += text.slice(start, i);
        start = i + 1;
        if (c === CR) pendingCr = true;
        const record = endRecord();
        if (record) yield record;
      } else if (c === QUOTE) {
        cell += text.slice(start, i);
        if (cell.length > 0) {
          throw new CsvError(
            'unexpectedQuote',
            row,
            cells.length + 1,
            'a quote inside an unquoted cell (quote the whole cell and double the quote: "a ""b"" c")',
          );
        }
        inQuotes = true;
        quotedCell = true;
        quoteRow = row;
        start = i + 1;
      }
    }
    cell += text.slice(start);
  }
  const tail = decoder.decode();
  if (tail.length > 0) {
    // A truncated multi-byte sequence at the very end: keep the replacement character rather than drop it.
    cell += tail;
  }
  if (inQuotes && !afterQuote) {
    throw new CsvError('unterminatedQuote', quoteRow, cells.length + 1, 'a quoted cell is never closed');
  }
  const record = endRecord();
  if (record) yield record;
}
