import * as assert from 'node:assert/strict';
import { TempRepo } from '../../testing/tempRepo.js';
import { parseBlamePorcelain, isUncommitted } from '../blamePorcelain.js';
import { businessBlame } from '../businessBlame.js';

describe('business blame (real git)', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('names the keys of the commits behind the lines, most lines first', async () => {
    repo.commit('Start', { 'a.ts': 'one\ntwo\nthree\n' });
    repo.commit('Checkout work\n\nInitiative: INI-1', { 'a.ts': 'ONE\nTWO\nthree\n' });
    repo.commit('[INI-3] search', { 'a.ts': 'ONE\nTWO\nTHREE\n' });
    const blamed = await businessBlame(repo.dir, 'a.ts');
    assert.deepEqual(
      blamed.map((b) => [b.key, b.lines]),
      [
        ['INI-1', [0, 1]],
        ['INI-3', [2]],
      ],
    );
    assert.equal(blamed[0]!.commits.length, 1);
  });

  it('leaves unsaved lines out when given the editor’s text', async () => {
    repo.commit('Add\n\nInitiative: INI-9', { 'b.ts': 'a\n' });
    const blamed = await businessBlame(repo.dir, 'b.ts', 'a\nnew line not saved\n');
    assert.deepEqual(
      blamed.map((b) => [b.key, b.lines]),
      [['INI-9', [0]]],
    );
  });

  it('parses porcelain headers, including lines not yet committed', () => {
    const zero = '0'.repeat(40);
    const sha = 'a'.repeat(40);
    const out = `${sha} 1 1 2\nauthor X\n\tline\n${sha} 2 2\n\tline\n${zero} 3 3 1\n\tnew\n`;
    const lines = parseBlamePorcelain(out);
    assert.deepEqual(
      lines.map((l) => l.line),
      [0, 1, 2],
    );
    assert.ok(isUncommitted(lines[2]!.sha));
  });
});
