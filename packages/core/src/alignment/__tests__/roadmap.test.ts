import { strict as assert } from 'node:assert';
import { checkDependencies, layoutRoadmap, type InitiativeStatus } from '@tandem/core';

const ini = (
  key: string,
  start: string,
  end: string,
  objectiveKeys: string[],
  status: InitiativeStatus = 'planned',
  dependsOn: string[] = [],
) => ({
  key,
  title: key,
  start,
  end,
  objectiveKeys,
  status,
  dependsOn,
});

describe('layoutRoadmap', () => {
  const objectives = [
    { key: 'OBJ-1', title: 'Grow online' },
    { key: 'OBJ-2', title: 'Stable platform' },
    { key: 'OBJ-3', title: 'Empty' },
  ];

  it('lanes per objective, overlapping bars in rows, touching days overlap', () => {
    const layout = layoutRoadmap(
      [
        ini('INI-1', '2026-01-10', '2026-03-31', ['OBJ-1']),
        ini('INI-2', '2026-02-01', '2026-04-30', ['OBJ-1', 'OBJ-2']),
        ini('INI-3', '2026-04-01', '2026-06-30', ['OBJ-1']),
        ini('INI-4', '2026-03-31', '2026-05-01', ['OBJ-1']),
        ini('INI-5', '2026-07-01', '2026-07-31', []),
        ini('INI-6', '2026-01-01', '2026-12-31', ['OBJ-2'], 'cancelled'),
      ],
      objectives,
    );
    assert.deepEqual(
      layout.lanes.map((l) => [l.objectiveKey, l.rows, l.bars.map((b) => `${b.key}@${b.row}`)]),
      [
        ['OBJ-1', 3, ['INI-1@0', 'INI-2@1', 'INI-4@2', 'INI-3@0']],
        ['OBJ-2', 1, ['INI-2@0']],
        [undefined, 1, ['INI-5@0']],
      ],
    );
    assert.deepEqual(
      layout.quarters.map((q) => [q.label, q.start, q.end]),
      [
        ['2026 Q1', '2026-01-01', '2026-03-31'],
        ['2026 Q2', '2026-04-01', '2026-06-30'],
        ['2026 Q3', '2026-07-01', '2026-09-30'],
      ],
    );
  });

  it('shows an initiative once per objective it names, however often it names it; unknown objectives leave it unaligned', () => {
    const layout = layoutRoadmap(
      [
        ini('INI-1', '2026-01-10', '2026-03-31', ['OBJ-1', 'OBJ-1', 'OBJ-2', 'OBJ-1']),
        ini('INI-2', '2026-02-01', '2026-04-30', ['OBJ-9', 'OBJ-9']),
        ini('INI-3', '2026-02-01', '2026-04-30', ['OBJ-9', 'OBJ-2', 'OBJ-2']),
      ],
      objectives,
    );
    assert.deepEqual(
      layout.lanes.map((l) => [l.objectiveKey, l.bars.map((b) => `${b.key}@${b.row}`)]),
      [
        ['OBJ-1', ['INI-1@0']],
        ['OBJ-2', ['INI-1@0', 'INI-3@1']],
        [undefined, ['INI-2@0']],
      ],
    );
  });

  it('crosses years and can show cancelled work', () => {
    const layout = layoutRoadmap([ini('INI-1', '2026-11-15', '2027-02-01', ['OBJ-1'], 'cancelled')], objectives, {
      includeCancelled: true,
    });
    assert.deepEqual(
      layout.quarters.map((q) => q.label),
      ['2026 Q4', '2027 Q1'],
    );
    assert.deepEqual(layoutRoadmap([], objectives), { quarters: [], lanes: [] });
  });
});

describe('checkDependencies', () => {
  it('finds ordering problems, missing and cancelled dependencies', () => {
    const issues = checkDependencies([
      ini('INI-1', '2026-01-01', '2026-02-28', []),
      ini('INI-2', '2026-03-01', '2026-04-30', [], 'planned', ['INI-1']), // fine
      ini('INI-3', '2026-02-28', '2026-05-31', [], 'planned', ['INI-1', 'INI-9']), // starts the day INI-1 ends; INI-9 missing
      ini('INI-4', '2026-01-01', '2026-01-31', [], 'cancelled'),
      ini('INI-5', '2026-06-01', '2026-06-30', [], 'planned', ['INI-4']),
    ]);
    assert.deepEqual(issues, [
      { kind: 'ordering', key: 'INI-3', dependsOn: 'INI-1', dependencyEnd: '2026-02-28', start: '2026-02-28' },
      { kind: 'missing', key: 'INI-3', dependsOn: 'INI-9' },
      { kind: 'cancelledDependency', key: 'INI-5', dependsOn: 'INI-4' },
    ]);
  });

  it('finds each cycle once, listed from its lowest key', () => {
    const issues = checkDependencies([
      ini('INI-10', '2026-01-01', '2026-01-02', [], 'done', ['INI-2']),
      ini('INI-2', '2026-01-01', '2026-01-02', [], 'done', ['INI-3']),
      ini('INI-3', '2026-01-01', '2026-01-02', [], 'done', ['INI-10']),
      ini('INI-4', '2026-01-01', '2026-01-02', [], 'done', ['INI-4']),
      ini('INI-5', '2026-01-01', '2026-01-02', [], 'done', ['INI-2']),
    ]);
    assert.deepEqual(
      issues.filter((i) => i.kind === 'cycle'),
      [
        { kind: 'cycle', keys: ['INI-2', 'INI-3', 'INI-10'] },
        { kind: 'cycle', keys: ['INI-4'] },
      ],
    );
  });

  it('handles a long chain without recursion limits', () => {
    const chain = Array.from({ length: 20000 }, (_, i) =>
      ini(`INI-${i + 1}`, '2026-01-01', '2026-01-01', [], 'done', i ? [`INI-${i}`] : ['INI-20000']),
    );
    const cycles = checkDependencies(chain).filter((i) => i.kind === 'cycle');
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0]!.kind === 'cycle' && cycles[0]!.keys.length, 20000);
  });
});
