import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { keyResultProgress, objectiveProgress, objectiveProgressAll, type KeyResultMeasure } from '@tandem/core';

const kr = (
  direction: KeyResultMeasure['direction'],
  startValue: number,
  targetValue: number,
  currentValue: number,
) => ({
  direction,
  startValue,
  targetValue,
  currentValue,
});

describe('keyResultProgress', () => {
  it('increase: share of the way, clamped', () => {
    assert.equal(keyResultProgress(kr('increase', 2, 4, 3)), 0.5);
    assert.equal(keyResultProgress(kr('increase', 2, 4, 5)), 1);
    assert.equal(keyResultProgress(kr('increase', 2, 4, 1)), 0);
  });

  it('decrease: share of the way down, clamped', () => {
    assert.equal(keyResultProgress(kr('decrease', 40, 20, 35)), 0.25);
    assert.equal(keyResultProgress(kr('decrease', 40, 20, 10)), 1);
    assert.equal(keyResultProgress(kr('decrease', 40, 20, 45)), 0);
  });

  it('target equal to start: reached or not, in the right direction', () => {
    assert.equal(keyResultProgress(kr('increase', 5, 5, 5)), 1);
    assert.equal(keyResultProgress(kr('increase', 5, 5, 4)), 0);
    assert.equal(keyResultProgress(kr('decrease', 5, 5, 4)), 1);
    assert.equal(keyResultProgress(kr('decrease', 5, 5, 6)), 0);
  });

  it('stay above / below: the threshold holds or not', () => {
    assert.equal(keyResultProgress(kr('stayAbove', 0, 99.5, 99.7)), 1);
    assert.equal(keyResultProgress(kr('stayAbove', 0, 99.5, 99.4)), 0);
    assert.equal(keyResultProgress(kr('stayBelow', 0, 300, 300)), 1);
    assert.equal(keyResultProgress(kr('stayBelow', 0, 300, 301)), 0);
  });

  it('non-finite values give 0', () => assert.equal(keyResultProgress(kr('increase', 0, 10, Number.NaN)), 0));

  it('is always within 0..1 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('increase', 'decrease', 'stayAbove', 'stayBelow') as fc.Arbitrary<
          KeyResultMeasure['direction']
        >,
        fc.double(),
        fc.double(),
        fc.double(),
        (d, s, t, c) => {
          const p = keyResultProgress(kr(d, s, t, c));
          assert.ok(p >= 0 && p <= 1, String(p));
        },
      ),
    );
  });
});

describe('objectiveProgress', () => {
  const objectives = [
    { key: 'OBJ-1' },
    { key: 'OBJ-2', parentKey: 'OBJ-1', weight: 3 },
    { key: 'OBJ-3', parentKey: 'OBJ-1' },
    { key: 'OBJ-4', parentKey: 'OBJ-1' },
  ];
  const keyResults = [
    { objectiveKey: 'OBJ-1', weight: 1, ...kr('increase', 0, 10, 10) }, // 1
    { objectiveKey: 'OBJ-2', weight: 1, ...kr('increase', 0, 10, 5) }, // .5
    { objectiveKey: 'OBJ-2', weight: 3, ...kr('increase', 0, 10, 1) }, // .1 → OBJ-2 = (0.5 + 0.3) / 4 = 0.2
    { objectiveKey: 'OBJ-3', weight: 2, ...kr('stayBelow', 0, 5, 4) }, // 1
  ];

  it('weights key results', () => assert.equal(objectiveProgress('OBJ-2', { objectives, keyResults }), 0.2));

  it('rolls up children by their weight, skipping unmeasured ones', () => {
    // OBJ-1: own KR 1 (w1), OBJ-2 0.2 (w3), OBJ-3 1 (w1); OBJ-4 has nothing → (1 + 0.6 + 1) / 5
    assert.equal(objectiveProgress('OBJ-1', { objectives, keyResults }), 2.6 / 5);
    assert.equal(objectiveProgress('OBJ-4', { objectives, keyResults }), undefined);
  });

  it('survives a parent cycle', () => {
    const cyclic = [
      { key: 'OBJ-1', parentKey: 'OBJ-2' },
      { key: 'OBJ-2', parentKey: 'OBJ-1' },
    ];
    const all = objectiveProgressAll({
      objectives: cyclic,
      keyResults: [{ objectiveKey: 'OBJ-2', weight: 1, ...kr('increase', 0, 2, 1) }],
    });
    assert.equal(all.get('OBJ-2'), 0.5);
    assert.equal(all.get('OBJ-1'), 0.5);
  });
});
