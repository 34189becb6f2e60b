import { strict as assert } from 'node:assert';
import {
  availabilityPercent,
  kpiAttainment,
  responseTimePercentile,
  slaAttainment,
  type KpiMeasurement,
  type SlaRecord,
} from '@tandem/core';

const m = (measuredOn: string, value: number, kpiKey = 'KPI-1'): KpiMeasurement => ({
  id: '0b6c6c1e-8a51-4a4e-9a34-3f1f6c0b0100',
  kpiKey,
  measuredOn,
  value,
});

describe('kpiAttainment', () => {
  const up = { key: 'KPI-1', baseline: 100, target: 200, direction: 'higherIsBetter' as const };
  const down = { key: 'KPI-1', baseline: 40, target: 20, direction: 'lowerIsBetter' as const };

  it('uses the latest measurement, up to asOf', () => {
    const ms = [m('2026-03-01', 150), m('2026-01-01', 110), m('2026-02-01', 300, 'KPI-2')];
    const a = kpiAttainment(up, ms);
    assert.equal(a.latest?.measuredOn, '2026-03-01');
    assert.equal(a.attainment, 0.5);
    assert.equal(a.met, false);
    assert.equal(a.changeFromBaseline, 50);
    assert.equal(kpiAttainment(up, ms, { asOf: '2026-02-15' }).attainment, 0.1);
  });

  it('works downwards and clamps', () => {
    assert.equal(kpiAttainment(down, [m('2026-01-01', 30)]).attainment, 0.5);
    const beyond = kpiAttainment(down, [m('2026-01-01', 10)]);
    assert.equal(beyond.attainment, 1);
    assert.equal(beyond.met, true);
    assert.equal(kpiAttainment(down, [m('2026-01-01', 50)]).attainment, 0);
  });

  it('handles no measurements and baseline equal to target', () => {
    assert.deepEqual(kpiAttainment(up, []), { kpiKey: 'KPI-1', attainment: 0, met: false, changeFromBaseline: 0 });
    assert.equal(kpiAttainment({ ...up, baseline: 200 }, [m('2026-01-01', 200)]).attainment, 1);
    assert.equal(kpiAttainment({ ...up, baseline: 200 }, [m('2026-01-01', 199)]).attainment, 0);
  });
});

describe('SLA attainment', () => {
  const service = { key: 'SVC-1', availabilityTarget: 99.9, responseTimeTargetMs: 500 };
  const rec = (
    periodStart: string,
    periodEnd: string,
    downtimeMinutes: number,
    responseTimeMs: number,
    serviceKey = 'SVC-1',
  ): SlaRecord => ({
    id: '0b6c6c1e-8a51-4a4e-9a34-3f1f6c0b0101',
    serviceKey,
    periodStart,
    periodEnd,
    downtimeMinutes,
    responseTimeMs,
    incidents: 0,
  });

  it('availability from downtime minutes over the inclusive period', () => {
    assert.equal(availabilityPercent('2026-01-01', '2026-01-01', 144), 90);
    assert.equal(availabilityPercent('2026-04-01', '2026-04-30', 0), 100);
    assert.equal(availabilityPercent('2026-01-01', '2026-01-01', 5000), 0);
  });

  it('per period, oldest first, both targets needed', () => {
    // January has 44,640 minutes: 99.9 % allows 44.64 minutes down.
    const s = slaAttainment(service, [
      rec('2026-02-01', '2026-02-28', 10, 600),
      rec('2026-01-01', '2026-01-31', 44, 480),
      rec('2026-03-01', '2026-03-31', 45, 480),
      rec('2026-01-01', '2026-01-31', 9999, 9999, 'SVC-2'),
    ]);
    assert.deepEqual(
      s.periods.map((p) => [p.periodStart, p.availabilityMet, p.responseTimeMet, p.met]),
      [
        ['2026-01-01', true, true, true],
        ['2026-02-01', true, false, false],
        ['2026-03-01', false, true, false],
      ],
    );
    assert.equal(s.attainment, 1 / 3);
    assert.ok(Math.abs(s.overallAvailability - 100 * (1 - 99 / ((31 + 28 + 31) * 1440))) < 1e-9);
    assert.equal(slaAttainment(service, []).attainment, 0);
  });

  it('response-time percentile by nearest rank', () => {
    const samples = [300, 100, 200, 500, 400, 600, 700, 800, 900, 1000];
    assert.equal(responseTimePercentile(samples, 95), 1000);
    assert.equal(responseTimePercentile(samples, 50), 500);
    assert.equal(responseTimePercentile(samples, 10), 100);
    assert.equal(responseTimePercentile([], 95), undefined);
    assert.throws(() => responseTimePercentile(samples, 0), RangeError);
  });
});
