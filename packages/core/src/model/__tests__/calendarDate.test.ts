import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isoDateSchema } from '@tandem/core';

/** The rule as JavaScript's own dates state it: the day the digits name exists, read back unchanged. */
function existsAsWritten(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const accepts = (text: string) => isoDateSchema.safeParse(text).success;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('calendar dates (YYYY-MM-DD)', () => {
  it('accepts exactly the days that exist, leap days included, in every month of years around each rule', () => {
    for (const year of [0, 99, 100, 400, 1600, 1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          assert.equal(accepts(text), existsAsWritten(text), text);
        }
      }
    }
  });

  it('refuses anything not written as YYYY-MM-DD, as the rule does', () => {
    for (const text of [
      '2026-2-01',
      '2026-02-1',
      '2026/02/01',
      ' 2026-02-01',
      '2026-02-01 ',
      '2026-02-01\n',
      '２０２６-02-01',
      '+2026-02-01',
      '2026-02-01T00:00:00Z',
      '',
    ]) {
      assert.equal(accepts(text), false, JSON.stringify(text));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/), (any, shaped) => {
        assert.equal(accepts(any), existsAsWritten(any), JSON.stringify(any));
        assert.equal(accepts(shaped), existsAsWritten(shaped), shaped);
      }),
      { numRuns: 2000 },
    );
  });
});
