import { strict as assert } from 'node:assert';
import { composeDigest, demoPortfolio, renderDigestHtml } from '@tandem/core';
import { build, portfolioOf } from '../../checkins/__tests__/portfolioBuilder.js';

function week() {
  return portfolioOf({
    objective: [
      build('objective', {
        key: 'OBJ-1',
        title: 'Grow <online> revenue',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      }),
      build('objective', { key: 'OBJ-2', status: 'proposed' }),
    ],
    keyResult: [build('keyResult', { objectiveKey: 'OBJ-1', startValue: 0, targetValue: 100, currentValue: 25 })],
    initiative: [
      build('initiative', { key: 'INI-1', start: '2026-03-16', end: '2026-06-30', status: 'inProgress' }),
      build('initiative', {
        key: 'INI-2',
        start: '2026-01-10',
        end: '2026-03-18',
        status: 'done',
        percentComplete: 100,
      }),
      build('initiative', {
        key: 'INI-3',
        start: '2026-03-17',
        end: '2026-08-01',
        status: 'proposed',
        businessValue: 20,
      }),
      build('initiative', {
        key: 'INI-4',
        start: '2026-01-10',
        end: '2026-03-10',
        status: 'done',
        percentComplete: 100,
      }),
    ],
    decision: [
      build('decision', { key: 'DEC-1', status: 'accepted', decidedOn: '2026-03-17' }),
      build('decision', { key: 'DEC-2', status: 'rejected', decidedOn: '2026-03-22' }),
      build('decision', { key: 'DEC-3', status: 'accepted', decidedOn: '2026-03-10' }),
      build('decision', { key: 'DEC-4', status: 'proposed', decidedOn: undefined, votes: [] }),
    ],
    kpi: [build('kpi', { key: 'KPI-1', objectiveKey: 'OBJ-1' }), build('kpi', { key: 'KPI-2', objectiveKey: 'OBJ-1' })],
    kpiMeasurement: [
      build('kpiMeasurement', { kpiKey: 'KPI-1', measuredOn: '2026-03-01', value: 870 }),
      build('kpiMeasurement', { kpiKey: 'KPI-1', measuredOn: '2026-03-20', value: 900 }),
      build('kpiMeasurement', { kpiKey: 'KPI-2', measuredOn: '2026-03-01', value: 10 }),
    ],
    service: [build('service', { key: 'SVC-1' })],
    slaRecord: [
      build('slaRecord', {
        serviceKey: 'SVC-1',
        periodStart: '2026-03-16',
        periodEnd: '2026-03-22',
        downtimeMinutes: 120,
      }),
      build('slaRecord', {
        serviceKey: 'SVC-1',
        periodStart: '2026-03-09',
        periodEnd: '2026-03-15',
        downtimeMinutes: 120,
      }),
    ],
  });
}

describe('composeDigest', () => {
  it('sums up the seven days ending the given day for business and IT', () => {
    const digest = composeDigest(week(), '2026-03-22');
    assert.equal(digest.weekStart, '2026-03-16');
    assert.deepEqual(
      digest.objectives.map((o) => [o.key, o.progress]),
      [['OBJ-1', 25]],
    );
    assert.deepEqual(
      digest.initiativesStarted.map((i) => i.key),
      ['INI-1'],
    );
    assert.deepEqual(
      digest.initiativesDone.map((i) => i.key),
      ['INI-2'],
    );
    assert.deepEqual(
      digest.decisionsTaken.map((d) => [d.key, d.status]),
      [
        ['DEC-1', 'accepted'],
        ['DEC-2', 'rejected'],
      ],
    );
    assert.deepEqual(
      digest.decisionsAwaiting.map((d) => d.key),
      ['DEC-4'],
    );
    assert.deepEqual(
      digest.kpiMovement.map((k) => [k.kpiKey, k.from, k.to]),
      [['KPI-1', 870, 900]],
    );
    assert.deepEqual(
      digest.slaBreaches.map((b) => b.periodEnd),
      ['2026-03-22'],
    );
    assert.deepEqual(
      digest.topInitiatives.map((t) => t.key),
      ['INI-3', 'INI-1'],
    );
  });

  it('reports the objectives whose health changed over the week', () => {
    const p = week();
    const checkIns = [build('checkIn', { targetKey: 'OBJ-1', at: '2026-03-18T10:00:00Z', status: 'offTrack' })];
    const digest = composeDigest({ ...p, checkIn: checkIns }, '2026-03-22');
    const obj = digest.objectives.find((o) => o.key === 'OBJ-1')!;
    assert.equal(obj.health, 'offTrack');
    assert.notEqual(obj.healthBefore, undefined);
  });

  it('renders HTML with every value escaped and the figures in it', () => {
    const html = renderDigestHtml(composeDigest(week(), '2026-03-22'), { siteName: 'Contoso <script>' });
    assert.ok(!html.includes('<online>'));
    assert.ok(html.includes('Grow &#60;online&#62; revenue'));
    assert.ok(!html.includes('<script>'));
    assert.match(html, /1 initiatives started, 1 done, 2 decisions taken, 1 awaiting, 1 SLA breaches/);
    assert.match(html, /870 → 900/);
  });

  it('works over the demo portfolio and refuses a bad date', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const digest = composeDigest(demoPortfolio(now), '2026-06-14');
    assert.ok(digest.objectives.length > 0);
    assert.equal(digest.topInitiatives.length, 5);
    assert.throws(() => composeDigest(week(), '2026-02-30'), RangeError);
  });
});
