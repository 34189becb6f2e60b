import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rankPortfolio, riceScore, wsjfScore, type RankableInitiative } from '@tandem/core';

function ini(key: string, over: Partial<RankableInitiative> = {}): RankableInitiative {
  return {
    key,
    status: 'planned',
    businessValue: 8,
    timeCriticality: 5,
    riskReduction: 3,
    jobSize: 8,
    reach: 1000,
    impact: 1,
    confidence: 50,
    effort: 2,
    ...over,
  };
}

describe('scoring', () => {
  it('WSJF is cost of delay over job size', () => assert.equal(wsjfScore(ini('INI-1')), 2));
  it('RICE is reach × impact × confidence over effort', () => assert.equal(riceScore(ini('INI-1')), 250));
  it('refuses a zero job size or effort', () => {
    assert.throws(() => wsjfScore(ini('INI-1', { jobSize: 0 })), RangeError);
    assert.throws(() => riceScore(ini('INI-1', { effort: 0 })), RangeError);
  });
});

describe('rankPortfolio', () => {
  const portfolio = [
    ini('INI-10', { jobSize: 2 }), // 8
    ini('INI-2'), // 2
    ini('INI-3', { businessValue: 16, jobSize: 3 }), // 8, older than INI-10
    ini('INI-4', { status: 'done', jobSize: 1 }),
    ini('INI-5', { reach: 100000 }),
  ];

  it('ranks by WSJF, ties to the lower key number, closed work left out', () => {
    assert.deepEqual(
      rankPortfolio(portfolio).map((r) => [r.rank, r.initiative.key, r.score]),
      [
        [1, 'INI-3', 8],
        [2, 'INI-10', 8],
        [3, 'INI-2', 2],
        [4, 'INI-5', 2],
      ],
    );
  });

  it('ranks by RICE, and can include closed work', () => {
    assert.equal(rankPortfolio(portfolio, { by: 'rice' })[0]?.initiative.key, 'INI-5');
    assert.equal(rankPortfolio(portfolio, { includeClosed: true })[0]?.initiative.key, 'INI-4');
  });

  it('does not depend on input order, and scores never increase down the list (property)', () => {
    const arb = fc.array(
      fc.record({
        n: fc.integer({ min: 1, max: 50 }),
        bv: fc.integer({ min: 1, max: 20 }),
        tc: fc.integer({ min: 1, max: 20 }),
        js: fc.integer({ min: 1, max: 20 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer(), (rows, seed) => {
        const unique = [...new Map(rows.map((r) => [r.n, r])).values()];
        const items = unique.map((r) =>
          ini(`INI-${r.n}`, { businessValue: r.bv, timeCriticality: r.tc, jobSize: r.js }),
        );
        const shuffled = [...items].sort(
          (a, b) => ((a.key.length * seed) % 7) - ((b.key.length * seed) % 7) || (a.key < b.key ? 1 : -1),
        );
        const one = rankPortfolio(items).map((r) => r.initiative.key);
        assert.deepEqual(
          rankPortfolio(shuffled).map((r) => r.initiative.key),
          one,
        );
        const scores = rankPortfolio(items).map((r) => r.score);
        for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! >= scores[i]!);
      }),
    );
  });
});
