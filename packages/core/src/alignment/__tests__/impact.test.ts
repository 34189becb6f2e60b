import { strict as assert } from 'node:assert';
import { impactSummary, type Link } from '@tandem/core';

const link = (kind: Link['kind'], targetKey: string, linkedAt: string, occurredAt?: string) => ({
  kind,
  targetKey,
  linkedAt,
  ...(occurredAt ? { occurredAt } : {}),
});

describe('impactSummary', () => {
  it('counts what moved an objective in the period', () => {
    const summary = impactSummary(
      'OBJ-1',
      { start: '2026-04-01', end: '2026-06-30' },
      {
        initiatives: [
          { key: 'INI-1', objectiveKeys: ['OBJ-1'], status: 'done', end: '2026-05-31' },
          { key: 'INI-2', objectiveKeys: ['OBJ-1', 'OBJ-2'], status: 'done', end: '2026-07-31' }, // ends after
          { key: 'INI-3', objectiveKeys: ['OBJ-1'], status: 'inProgress', end: '2026-06-30' }, // not done
          { key: 'INI-4', objectiveKeys: ['OBJ-2'], status: 'done', end: '2026-05-31' }, // other objective
        ],
        keyResults: [{ key: 'KR-1', objectiveKey: 'OBJ-1' }],
        links: [
          link('commit', 'INI-1', '2026-05-02T10:00:00Z'),
          link('commit', 'INI-2', '2026-07-02T10:00:00Z', '2026-06-30T23:00:00Z'), // happened in the period
          link('commit', 'INI-4', '2026-05-02T10:00:00Z'), // other objective
          link('meeting', 'OBJ-1', '2026-04-01T08:00:00Z'),
          link('email', 'KR-1', '2026-06-30T18:00:00Z'),
          link('email', 'KR-1', '2026-03-31T18:00:00Z'), // before
        ],
        kpis: [
          { key: 'KPI-1', objectiveKey: 'OBJ-1', name: 'Revenue', unit: 'M€', direction: 'higherIsBetter' },
          { key: 'KPI-2', objectiveKey: 'OBJ-1', name: 'Cost', unit: '€', direction: 'lowerIsBetter' },
          { key: 'KPI-3', objectiveKey: 'OBJ-1', name: 'Lonely', unit: '', direction: 'lowerIsBetter' },
        ],
        measurements: [
          { kpiKey: 'KPI-1', measuredOn: '2026-06-01', value: 12 },
          { kpiKey: 'KPI-1', measuredOn: '2026-04-01', value: 10 },
          { kpiKey: 'KPI-1', measuredOn: '2026-07-01', value: 99 },
          { kpiKey: 'KPI-2', measuredOn: '2026-04-01', value: 6 },
          { kpiKey: 'KPI-2', measuredOn: '2026-06-01', value: 6.5 },
          { kpiKey: 'KPI-3', measuredOn: '2026-06-01', value: 1 },
        ],
      },
    );
    assert.deepEqual(summary.initiativesCompleted, ['INI-1']);
    assert.deepEqual(summary.linksByKind, {
      commit: 2,
      pullRequest: 0,
      meeting: 1,
      email: 1,
      workItem: 0,
      document: 0,
    });
    assert.deepEqual(
      summary.kpiChanges.map((c) => [c.kpiKey, c.from, c.to, c.change, c.improved]),
      [
        ['KPI-1', 10, 12, 2, true],
        ['KPI-2', 6, 6.5, 0.5, false],
      ],
    );
  });
});
