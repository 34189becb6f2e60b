import assert from 'node:assert/strict';
import { layoutRoadmap } from '@tandem/core';
import { anInitiative, anObjective } from '../../testing/builders.js';
import { moveBarFocus, roadmapRows } from '../roadmapRows.js';

describe('roadmap rows and keyboard moves', () => {
  const objectives = [anObjective({ key: 'OBJ-1', title: 'One' }), anObjective({ key: 'OBJ-2', title: 'Two' })];
  const initiatives = [
    anInitiative({ key: 'INI-1', objectiveKeys: ['OBJ-1'], start: '2026-01-01', end: '2026-03-31' }),
    anInitiative({ key: 'INI-2', objectiveKeys: ['OBJ-1'], start: '2026-02-01', end: '2026-05-31' }),
    anInitiative({ key: 'INI-3', objectiveKeys: ['OBJ-1'], start: '2026-04-01', end: '2026-06-30' }),
    anInitiative({ key: 'INI-4', objectiveKeys: ['OBJ-2'], start: '2026-03-01', end: '2026-04-30' }),
  ];
  const rows = roadmapRows(layoutRoadmap(initiatives, objectives));

  it('puts each lane heading before its rows of bars', () => {
    assert.deepEqual(
      rows.map((r) => (r.type === 'lane' ? r.lane.objectiveKey : r.bars.map((b) => b.key).join('+'))),
      ['OBJ-1', 'INI-1+INI-3', 'INI-2', 'OBJ-2', 'INI-4'],
    );
  });

  it('moves right and left in reading order across rows', () => {
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 1, barIndex: 0 }, 'ArrowRight'), { rowIndex: 1, barIndex: 1 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 1, barIndex: 1 }, 'ArrowRight'), { rowIndex: 2, barIndex: 0 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 4, barIndex: 0 }, 'ArrowRight'), { rowIndex: 4, barIndex: 0 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 4, barIndex: 0 }, 'ArrowLeft'), { rowIndex: 2, barIndex: 0 });
  });

  it('moves up and down to the nearest bar in time, skipping lane headings', () => {
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 2, barIndex: 0 }, 'ArrowDown'), { rowIndex: 4, barIndex: 0 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 4, barIndex: 0 }, 'ArrowUp'), { rowIndex: 2, barIndex: 0 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 2, barIndex: 0 }, 'ArrowUp'), { rowIndex: 1, barIndex: 0 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 2, barIndex: 0 }, 'End'), { rowIndex: 4, barIndex: 0 });
    assert.deepEqual(moveBarFocus(rows, { rowIndex: 4, barIndex: 0 }, 'Home'), { rowIndex: 1, barIndex: 0 });
  });
});
