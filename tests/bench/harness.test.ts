import assert from 'node:assert/strict';
import { median, ratioInterval } from './harness.js';

describe('the bench harness', () => {
  it('gives a ratio of medians measured without noise an interval of that ratio alone', () => {
    const baseline = [200, 210, 190, 205, 220];
    assert.deepEqual(
      ratioInterval(
        baseline,
        baseline.map((ms) => ms * 1.5),
      ),
      [1.5, 1.5],
    );
  });

  it('gives a noisy ratio an interval around it, narrower with more pairs, the same each time', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 120;
    const pairs = (n: number) => {
      const baseline = Array.from({ length: n }, () => 200 + noise());
      return { baseline, subject: baseline.map(() => 300 + noise()) };
    };
    const few = pairs(11);
    const many = pairs(101);
    const [fewLow, fewHigh] = ratioInterval(few.baseline, few.subject);
    const [manyLow, manyHigh] = ratioInterval(many.baseline, many.subject);
    const point = median(many.subject) / median(many.baseline);
    assert.ok(manyLow <= point && point <= manyHigh, `${point} in [${manyLow}, ${manyHigh}]`);
    assert.ok(manyHigh - manyLow < fewHigh - fewLow);
    assert.deepEqual(ratioInterval(many.baseline, many.subject), [manyLow, manyHigh]);
  });

  it('refuses samples that are not pairs', () => {
    assert.throws(() => ratioInterval([1, 2], [1]), /pairs/);
    assert.throws(() => ratioInterval([], []), /pairs/);
  });
});
