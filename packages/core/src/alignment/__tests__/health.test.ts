import { strict as assert } from 'node:assert';
import { assessHealth, initiativeHealth, objectiveHealth, type CheckIn } from '@tandem/core';

const quarter = { start: '2026-01-01', end: '2026-03-31' }; // 90 days
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
const checkIn = (status: CheckIn['status'], at: string, targetKey = 'INI-1'): CheckIn => ({
  id: '0b6c6c1e-8a51-4a4e-9a34-3f1f6c0b00ff',
  targetKey,
  author: { email: 'megan@contoso.test', displayName: 'Megan Bowen' },
  at,
  status,
  note: '',
});

describe('health', () => {
  it('on track while progress keeps pace with time', () => {
    assert.equal(assessHealth({ progress: 0.45, ...quarter, now: day(45) }).status, 'onTrack');
    assert.equal(assessHealth({ progress: 0, ...quarter, now: day(0) }).status, 'onTrack');
  });

  it('at risk when progress trails by more than 10 points, off track beyond 25', () => {
    assert.equal(assessHealth({ progress: 0.3, ...quarter, now: day(45) }).status, 'atRisk');
    assert.equal(assessHealth({ progress: 0.2, ...quarter, now: day(45) }).status, 'offTrack');
  });

  it('off track once past the end unfinished; on track when complete', () => {
    assert.equal(assessHealth({ progress: 0.95, ...quarter, now: day(95) }).status, 'offTrack');
    assert.equal(assessHealth({ progress: 1, ...quarter, now: day(95) }).status, 'onTrack');
  });

  it('the latest check-in can make it worse, never better, and future check-ins do not count', () => {
    const ini = { key: 'INI-1', ...quarter, status: 'inProgress' as const, percentComplete: 50 };
    const checkIns = [
      checkIn('offTrack', '2026-01-20T10:00:00Z'),
      checkIn('atRisk', '2026-02-10T10:00:00Z'),
      checkIn('offTrack', '2026-03-01T10:00:00Z'),
    ];
    const h = initiativeHealth(ini, { now: day(45), checkIns });
    assert.equal(h.status, 'atRisk');
    assert.equal(h.checkIn?.at, '2026-02-10T10:00:00Z');
    const good = initiativeHealth(
      { ...ini, percentComplete: 10 },
      { now: day(45), checkIns: [checkIn('onTrack', '2026-02-10T10:00:00Z')] },
    );
    assert.equal(good.status, 'offTrack');
  });

  it('ignores check-ins on other keys', () => {
    const ini = { key: 'INI-1', ...quarter, status: 'inProgress' as const, percentComplete: 50 };
    assert.equal(
      initiativeHealth(ini, { now: day(45), checkIns: [checkIn('offTrack', '2026-02-01T00:00:00Z', 'INI-2')] }).status,
      'onTrack',
    );
  });

  it('done and cancelled initiatives are on track', () => {
    const ini = { key: 'INI-1', ...quarter, percentComplete: 20 };
    assert.equal(initiativeHealth({ ...ini, status: 'done' }, { now: day(200) }).status, 'onTrack');
    assert.equal(initiativeHealth({ ...ini, status: 'cancelled' }, { now: day(200) }).status, 'onTrack');
  });

  it('objectives use their period and rolled-up progress (unmeasured counts as 0)', () => {
    const obj = { key: 'OBJ-1', periodStart: quarter.start, periodEnd: quarter.end };
    assert.equal(objectiveHealth(obj, { progress: 0.5, now: day(45) }).status, 'onTrack');
    assert.equal(objectiveHealth(obj, { progress: undefined, now: day(60) }).status, 'offTrack');
  });
});
