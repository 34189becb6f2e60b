import assert from 'node:assert/strict';
import { aLink } from '../../testing/builders.js';
import { groupLinks } from '../linkGroups.js';

describe('links grouped by kind', () => {
  it('keeps the objective’s own links in kind order, newest first, and drops others', () => {
    const links = [
      aLink({ kind: 'meeting', targetKey: 'OBJ-1', title: 'm', linkedAt: '2026-03-01T10:00:00Z' }),
      aLink({ kind: 'commit', targetKey: 'INI-2', title: 'c-old', linkedAt: '2026-01-01T10:00:00Z' }),
      aLink({ kind: 'commit', targetKey: 'INI-2', title: 'c-new', linkedAt: '2026-02-01T10:00:00Z' }),
      aLink({ kind: 'email', targetKey: 'OBJ-9', title: 'elsewhere' }),
    ];
    const groups = groupLinks(links, new Set(['OBJ-1', 'INI-2']));
    assert.deepEqual(
      groups.map((g) => [g.kind, g.links.map((l) => l.title)]),
      [
        ['commit', ['c-new', 'c-old']],
        ['meeting', ['m']],
      ],
    );
  });
});
