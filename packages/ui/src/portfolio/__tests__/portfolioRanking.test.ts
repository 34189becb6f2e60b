import assert from 'node:assert/strict';
import { anInitiative } from '../../testing/builders.js';
import { draftPatch, parseScoreInput, rankWithDrafts } from '../portfolioRanking.js';

describe('portfolio ranking with drafts', () => {
  const a = anInitiative({ key: 'INI-1', businessValue: 10, timeCriticality: 5, riskReduction: 5, jobSize: 5 }); // 4
  const b = anInitiative({ key: 'INI-2', businessValue: 3, timeCriticality: 3, riskReduction: 3, jobSize: 3 }); // 3
  const c = anInitiative({ key: 'INI-3', businessValue: 2, timeCriticality: 2, riskReduction: 2, jobSize: 3 }); // 2

  it('keeps the saved order and shows where a draft would move each row', () => {
    const rows = rankWithDrafts([c, b, a], new Map([[c.id, { jobSize: '1' }]]), 'wsjf');
    assert.deepEqual(
      rows.map((r) => [r.initiative.key, r.rank, r.draftRank, r.delta]),
      [
        ['INI-1', 1, 2, -1],
        ['INI-2', 2, 3, -1],
        ['INI-3', 3, 1, 2],
      ],
    );
    assert.equal(rows[2]!.draftScore, 6);
  });

  it('ignores a value that is not valid yet, and ranks by RICE on request', () => {
    const rows = rankWithDrafts([a, b], new Map([[b.id, { jobSize: '0' }]]), 'wsjf');
    assert.equal(rows[1]!.delta, 0);
    assert.deepEqual(draftPatch({ jobSize: '0', businessValue: '13' }), { businessValue: 13 });
    const rice = rankWithDrafts([a, { ...b, reach: 50_000 }], new Map(), 'rice');
    assert.equal(rice[0]!.initiative.key, 'INI-2');
  });

  it('explains each input’s range', () => {
    assert.deepEqual(parseScoreInput('jobSize', '21'), { error: 'A whole number from 1 to 20' });
    assert.deepEqual(parseScoreInput('impact', '0.5'), { value: 0.5 });
    assert.deepEqual(parseScoreInput('impact', '0.7'), { error: 'One of 0.25, 0.5, 1, 2, 3' });
    assert.deepEqual(parseScoreInput('confidence', ''), { error: 'Enter a number' });
  });
});
