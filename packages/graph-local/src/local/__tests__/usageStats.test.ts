import { strict as assert } from 'node:assert';
import { UsageStats } from '../usageStats.js';

describe('UsageStats', () => {
  it('keeps only the last minute of charges even when nothing reads them', () => {
    const stats = new UsageStats();
    const start = Date.parse('2026-05-01T09:00:00Z');
    // One charge a second for ten minutes, and lastMinute never called.
    for (let s = 0; s < 600; s++) stats.charge('app', 1, new Date(start + s * 1000));
    assert.ok(stats.windowLength('app') <= 60, `window holds ${stats.windowLength('app')} entries`);
    assert.equal(stats.snapshot().apps['app']?.resourceUnits, 600);
    const last = stats.lastMinute('app', new Date(start + 599_000));
    assert.equal(last.units, 60);
    assert.equal(last.secondsUntilRelief, 1);
  });

  it('counts a charge exactly a minute old as gone, as lastMinute does', () => {
    const stats = new UsageStats();
    const start = Date.parse('2026-05-01T09:00:00Z');
    stats.charge('app', 2, new Date(start));
    stats.charge('app', 1, new Date(start + 59_999));
    assert.equal(stats.windowLength('app'), 2);
    stats.charge('app', 1, new Date(start + 60_000));
    assert.equal(stats.windowLength('app'), 2);
    assert.equal(stats.lastMinute('app', new Date(start + 60_000)).units, 2);
  });
});
