import assert from 'node:assert/strict';
import { percent, timeScale, timeTicks } from '../timeScale.js';

describe('roadmap time scale', () => {
  it('widens a range to whole quarters', () => {
    const ticks = timeTicks('2026-02-10', '2026-08-01', 'quarters');
    assert.deepEqual(
      ticks.map((t) => t.label),
      ['Q1 2026', 'Q2 2026', 'Q3 2026'],
    );
    assert.equal(ticks[0]!.start, '2026-01-01');
    assert.equal(ticks[2]!.end, '2026-10-01');
  });

  it('lists months across a year end', () => {
    const ticks = timeTicks('2025-11-15', '2026-02-01', 'months');
    assert.deepEqual(
      ticks.map((t) => t.label),
      ['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026'],
    );
  });

  it('maps the range onto [0, 1], a bar including its last day, clamped outside', () => {
    const ticks = timeTicks('2026-01-01', '2026-12-31', 'quarters');
    const scale = timeScale(ticks);
    assert.equal(scale.x('2026-01-01'), 0);
    assert.equal(scale.xEnd('2026-12-31'), 1);
    assert.equal(scale.x('2026-01-02'), 1 / 365);
    assert.equal(scale.x('2026-07-02'), 182 / 365);
    assert.equal(scale.x('2020-01-01'), 0);
    assert.equal(scale.xEnd('2030-01-01'), 1);
  });

  it('writes a fraction of the width as a percentage', () => {
    assert.equal(percent(0), '0%');
    assert.equal(percent(0.25), '25%');
    assert.equal(percent(1 / 3), '33.3333%');
    assert.equal(percent(1), '100%');
  });
});
