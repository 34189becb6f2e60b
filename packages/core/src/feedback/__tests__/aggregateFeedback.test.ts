import { strict as assert } from 'node:assert';
import { aggregateFeedback } from '@tandem/core';
import { build } from '../../checkins/__tests__/portfolioBuilder.js';

describe('aggregateFeedback', () => {
  const feedback = [
    build('feedback', { targetKey: 'SVC-2', at: '2026-02-03T09:00:00Z', score: 5, comment: 'Great' }),
    build('feedback', { targetKey: 'SVC-2', at: '2026-02-20T09:00:00Z', score: 2, comment: '  ' }),
    build('feedback', { targetKey: 'SVC-2', at: '2026-02-28T23:59:00Z', score: 4, comment: undefined }),
    build('feedback', { targetKey: 'SVC-2', at: '2026-03-01T00:00:00Z', score: 3, comment: 'Slow' }),
    build('feedback', { targetKey: 'SVC-1', at: '2026-02-10T09:00:00Z', score: 1 }),
  ];

  it('aggregates per calendar month by default', () => {
    const periods = aggregateFeedback(feedback, 'SVC-2');
    assert.deepEqual(
      periods.map((p) => [p.periodStart, p.periodEnd, p.count, p.average, p.satisfied]),
      [
        ['2026-02-01', '2026-02-28', 3, 3.67, 2 / 3],
        ['2026-03-01', '2026-03-31', 1, 3, 0],
      ],
    );
    assert.deepEqual(periods[0]!.distribution, [0, 1, 0, 1, 1]);
    assert.deepEqual(
      periods[0]!.comments.map((c) => c.comment),
      ['Great'],
    );
  });

  it('aggregates over the periods given (beside the SLA), empty ones included', () => {
    const periods = aggregateFeedback(feedback, 'SVC-2', [
      { start: '2026-02-01', end: '2026-02-14' },
      { start: '2026-04-01', end: '2026-04-30' },
    ]);
    assert.deepEqual(
      periods.map((p) => [p.count, p.average]),
      [
        [1, 5],
        [0, undefined],
      ],
    );
    assert.throws(() => aggregateFeedback(feedback, 'SVC-2', [{ start: 'soon', end: 'later' }]), RangeError);
  });
});
