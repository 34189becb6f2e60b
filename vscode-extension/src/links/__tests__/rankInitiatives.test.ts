import * as assert from 'node:assert/strict';
import { demoPortfolio } from '@tandem/core';
import { rankInitiatives } from '../rankInitiatives.js';

const demo = demoPortfolio(new Date('2026-11-20T12:00:00Z'));

describe('rankInitiatives', () => {
  it('puts this branch first, then recent ones by recency, then mine', () => {
    const ranked = rankInitiatives(demo.initiative, {
      branchKeys: ['INI-7'],
      recentKeys: ['INI-4', 'INI-13'],
      me: 'MEGAN@contoso.test',
    });
    assert.deepEqual(
      ranked.slice(0, 3).map((r) => r.initiative.key),
      ['INI-7', 'INI-4', 'INI-13'],
    );
    assert.deepEqual(ranked[0]!.reasons, ['this branch']);
    const mine = ranked.slice(3).filter((r) => r.reasons.includes('mine'));
    assert.ok(mine.length > 0 && ranked.indexOf(mine[0]!) === 3, 'mine come next');
  });

  it('sends done and cancelled work to the end', () => {
    const ranked = rankInitiatives(demo.initiative, { branchKeys: [], recentKeys: [] });
    const statuses = ranked.map((r) => r.initiative.status);
    const firstClosed = statuses.findIndex((s) => s === 'done' || s === 'cancelled');
    assert.ok(statuses.slice(firstClosed).every((s) => s === 'done' || s === 'cancelled'));
  });
});
