import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from '../format.js';

describe('dates as people read them (en-GB, UTC)', () => {
  it('writes a calendar day as day, short month and year, whatever the time zone', () => {
    assert.equal(formatDate('2026-03-01'), '1 Mar 2026');
    assert.equal(formatDate('2026-09-05'), '5 Sept 2026');
    assert.equal(formatDate('2024-02-29'), '29 Feb 2024');
    assert.equal(formatDate('2026-12-31'), '31 Dec 2026');
    assert.equal(formatDate('2026-12-31T23:30:00-05:00'), '1 Jan 2027', 'a timestamp is shown on its UTC day');
  });

  it('writes a timestamp with its 24-hour UTC time', () => {
    assert.equal(formatDateTime('2026-09-05T07:03:00Z'), '5 Sept 2026, 07:03 UTC');
    assert.equal(formatDateTime('2026-01-10T17:33:59+01:00'), '10 Jan 2026, 16:33 UTC');
  });

  it('leaves what is not a date as it is, and shows a dash for nothing', () => {
    assert.equal(formatDate('soon'), 'soon');
    assert.equal(formatDateTime('later'), 'later');
    assert.equal(formatDate(undefined), '—');
    assert.equal(formatDateTime(''), '—');
  });
});
