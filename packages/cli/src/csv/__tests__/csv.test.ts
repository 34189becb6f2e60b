import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvError } from '../csvError.js';
import { readCsv, type CsvRecord } from '../csvReader.js';
import { formatCsvRecord } from '../csvWriter.js';

async function readAll(chunks: Iterable<string | Uint8Array>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(toAsync(chunks))) out.push(record);
  return out;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

async function readError(text: string): Promise<CsvError> {
  try {
    await readAll([text]);
  } catch (error) {
    assert.ok(error instanceof CsvError, `expected a CsvError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the CSV to be refused');
}

describe('readCsv', () => {
  it('reads plain records with LF and CRLF alike', async () => {
    const lf = await readAll(['a,b\n1,2\n']);
    const crlf = await readAll(['a,b\r\n1,2\r\n']);
    assert.deepEqual(lf, [
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
    ]);
    assert.deepEqual(crlf, lf);
  });

  it('reads quoted cells with commas, doubled quotes and embedded line breaks, counting rows as records', async () => {
    const records = await readAll(['k,v\r\n"x, y","say ""hi""\r\nthere"\r\nz,""\r\n']);
    assert.deepEqual(records, [
      { row: 1, cells: ['k', 'v'] },
      { row: 2, cells: ['x, y', 'say "hi"\r\nthere'] },
      { row: 3, cells: ['z', ''] },
    ]);
  });

  it('drops a UTF-8 byte-order mark, even when it arrives as bytes split across chunks', async () => {
    const bytes = new TextEncoder().encode('\uFEFFkey,title\nOBJ-1,Café\n');
    const records = await readAll([bytes.slice(0, 2), bytes.slice(2, 21), bytes.slice(21)]);
    assert.deepEqual(records, [
      { row: 1, cells: ['key', 'title'] },
      { row: 2, cells: ['OBJ-1', 'Café'] },
    ]);
  });

  it('reads a last record without a line end, and skips empty lines while still counting them', async () => {
    const records = await readAll(['a\n\nb']);
    assert.deepEqual(records, [
      { row: 1, cells: ['a'] },
      { row: 3, cells: ['b'] },
    ]);
  });

  it('keeps a CRLF split across two chunks as one line end', async () => {
    const records = await readAll(['a,b\r', '\n1,2\r', '\n']);
    assert.deepEqual(
      records.map((r) => r.cells),
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    );
  });

  it('names the row and column of a quote inside an unquoted cell', async () => {
    const error = await readError('a,b\n1,x"y\n');
    assert.equal(error.code, 'unexpectedQuote');
    assert.equal(error.row, 2);
    assert.equal(error.column, 2);
  });

  it('names the row and column of text after a closing quote', async () => {
    const error = await readError('a,b,c\n1,2,"x"y\n');
    assert.equal(error.code, 'textAfterQuote');
    assert.deepEqual([error.row, error.column], [2, 3]);
    assert.match(error.message, /^row 2, column 3: /);
  });

  it('names the row where a quoted cell that never closes began', async () => {
    const error = await readError('a,b\n1,2\n3,"open\n4,5\n');
    assert.equal(error.code, 'unterminatedQuote');
    assert.deepEqual([error.row, error.column], [3, 2]);
  });

  it('reads back whatever the writer wrote, however the text is split into chunks', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\r', '\n', ' ', 'x', '😀') });
    const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(records, fc.array(fc.nat(), { maxLength: 6 }), async (input, cuts) => {
        const text = input.map(formatCsvRecord).join('');
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let from = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.slice(from, p));
          from = p;
        }
        const read = await readAll(chunks);
        assert.deepEqual(
          read.map((r) => r.cells),
          input,
        );
        assert.deepEqual(
          read.map((r) => r.row),
          input.map((_, i) => i + 1),
        );
      }),
      { numRuns: 300 },
    );
  });
});
