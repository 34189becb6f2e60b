import { strict as assert } from 'node:assert';
import { draftCheckIn } from '@tandem/core';
import { adele, build, megan, portfolioOf } from './portfolioBuilder.js';

const now = new Date('2026-03-20T12:00:00Z');
const lastCheckIn = '2026-03-06T16:00:00Z';

function scenario() {
  const link = (kind: 'commit' | 'meeting' | 'email', targetKey: string, title: string, occurredAt: string) =>
    build('link', {
      kind,
      targetKey,
      title,
      externalId: title,
      occurredAt,
      linkedAt: occurredAt,
      sha: undefined,
      repository: undefined,
    });
  return portfolioOf({
    objective: [build('objective', { key: 'OBJ-1' })],
    initiative: [
      build('initiative', {
        key: 'INI-1',
        description: 'Runs on SVC-1, the web shop.',
        start: '2026-02-01',
        end: '2026-05-31',
        percentComplete: 40,
      }),
      build('initiative', { key: 'INI-2', description: undefined }),
    ],
    checkIn: [
      build('checkIn', { targetKey: 'INI-1', at: '2026-02-20T09:00:00Z', status: 'onTrack' }),
      build('checkIn', { targetKey: 'INI-1', at: lastCheckIn, status: 'offTrack' }),
    ],
    link: [
      link('commit', 'INI-1', 'before the last check-in', '2026-03-06T15:59:59Z'),
      link('commit', 'INI-1', 'at the last check-in', lastCheckIn),
      link('commit', 'INI-1', 'Pay with saved card', '2026-03-07T10:00:00Z'),
      link('commit', 'INI-1', 'Validate addresses', '2026-03-12T10:00:00Z'),
      link('meeting', 'INI-1', 'Checkout design review', '2026-03-10T14:00:00Z'),
      link('email', 'INI-1', 'RE: payment copy', '2026-03-11T08:00:00Z'),
      link('email', 'INI-1', 'tomorrow', '2026-03-21T08:00:00Z'),
      link('commit', 'INI-2', 'another initiative', '2026-03-12T10:00:00Z'),
    ],
    kpi: [build('kpi', { key: 'KPI-1', objectiveKey: 'OBJ-1', baseline: 800 })],
    kpiMeasurement: [
      build('kpiMeasurement', { kpiKey: 'KPI-1', measuredOn: '2026-03-01', value: 870 }),
      build('kpiMeasurement', { kpiKey: 'KPI-1', measuredOn: '2026-03-15', value: 910 }),
    ],
    service: [build('service', { key: 'SVC-1' }), build('service', { key: 'SVC-2', name: 'Payments' })],
    slaRecord: [
      // 60 minutes down in a 14-day period misses 99.9%: a breach, ending after the last check-in.
      build('slaRecord', {
        serviceKey: 'SVC-1',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-14',
        downtimeMinutes: 60,
      }),
      build('slaRecord', {
        serviceKey: 'SVC-1',
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
        downtimeMinutes: 600,
      }),
      build('slaRecord', {
        serviceKey: 'SVC-2',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-14',
        downtimeMinutes: 600,
      }),
    ],
    decision: [
      build('decision', { key: 'DEC-1', relatedKeys: ['INI-1'], status: 'accepted', decidedOn: '2026-03-09' }),
      build('decision', { key: 'DEC-2', relatedKeys: ['INI-1'], status: 'accepted', decidedOn: '2026-03-01' }),
      build('decision', { key: 'DEC-3', relatedKeys: ['INI-1'], status: 'proposed', decidedOn: undefined, votes: [] }),
      build('decision', { key: 'DEC-4', relatedKeys: ['INI-2'], status: 'rejected', decidedOn: '2026-03-10' }),
    ],
  });
}

describe('draftCheckIn', () => {
  it('lists exactly what moved an initiative since its last check-in, with counts', () => {
    const draft = draftCheckIn(scenario(), 'INI-1', undefined, now);
    assert.equal(draft.since, lastCheckIn);
    assert.deepEqual(
      draft.commits.map((c) => c.title),
      ['Pay with saved card', 'Validate addresses'],
    );
    assert.deepEqual(
      draft.meetings.map((m) => m.title),
      ['Checkout design review'],
    );
    assert.deepEqual(
      draft.emails.map((m) => m.title),
      ['RE: payment copy'],
    );
    assert.deepEqual(
      draft.kpiChanges.map((k) => [k.kpiKey, k.from, k.to, k.improved]),
      [['KPI-1', 870, 910, true]],
    );
    assert.deepEqual(
      draft.slaBreaches.map((b) => [b.serviceKey, b.periodEnd]),
      [['SVC-1', '2026-03-14']],
    );
    assert.deepEqual(
      draft.decisions.map((d) => d.key),
      ['DEC-1'],
    );
    assert.deepEqual(draft.counts, { commits: 2, meetings: 1, emails: 1, kpiChanges: 1, slaBreaches: 1, decisions: 1 });
    // 40% done at 40% of the time: on track by the numbers, where the last check-in said off track.
    assert.deepEqual(draft.healthChange, { from: 'offTrack', to: 'onTrack' });
    assert.equal(draft.status, 'onTrack');
    assert.equal(draft.progress, 40);
    assert.match(draft.note, /2 commits linked/);
    assert.match(draft.note, /Checkout design review/);
    assert.match(draft.note, /SLA missed: SVC-1/);
    assert.match(draft.note, /Decision DEC-1 accepted/);
  });

  it('counts an objective’s initiatives and key results for it, and honours an explicit since', () => {
    const draft = draftCheckIn(scenario(), 'OBJ-1', '2026-03-11T00:00:00Z', now);
    assert.deepEqual(draft.commits.map((c) => c.title).sort(), ['Validate addresses', 'another initiative']);
    assert.equal(draft.counts.emails, 1);
    assert.equal(draft.counts.meetings, 0);
    assert.deepEqual(
      draft.decisions.map((d) => d.key),
      [],
    );
    assert.equal(draft.counts.kpiChanges, 1);
  });

  it('says nothing moved when nothing did, and refuses unknown keys', () => {
    const quiet = portfolioOf({
      initiative: [build('initiative', { key: 'INI-1', percentComplete: 40 })],
      checkIn: [build('checkIn', { targetKey: 'INI-1', at: '2026-03-19T12:00:00Z', status: 'onTrack', author: megan })],
    });
    const draft = draftCheckIn(quiet, 'INI-1', undefined, now);
    assert.deepEqual(draft.counts, { commits: 0, meetings: 0, emails: 0, kpiChanges: 0, slaBreaches: 0, decisions: 0 });
    assert.equal(draft.healthChange, undefined);
    assert.match(draft.note, /Nothing linked or measured/);
    assert.throws(() => draftCheckIn(quiet, 'INI-9', undefined, now), RangeError);
    void adele;
  });
});
