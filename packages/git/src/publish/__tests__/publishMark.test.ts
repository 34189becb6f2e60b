import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TempRepo } from '../../testing/tempRepo.js';
import { gitFolderPublishState } from '../publishMark.js';

describe('gitFolderPublishState (real git)', () => {
  let repo: TempRepo;
  beforeEach(() => (repo = new TempRepo()));
  afterEach(() => repo.remove());

  it('remembers one mark per repository inside .git, never in the work tree', async () => {
    const sha = repo.commit('One');
    const state = gitFolderPublishState(repo.dir);
    assert.equal(await state.lastPublished('https://github.com/contoso/shop'), undefined);
    await state.setLastPublished('https://github.com/contoso/shop', sha);
    assert.equal(await gitFolderPublishState(repo.dir).lastPublished('https://github.com/contoso/shop'), sha);
    assert.equal(await state.lastPublished('https://github.com/contoso/other'), undefined);
    assert.equal(readdirSync(join(repo.dir, '.git', 'tandem')).length, 1);
    assert.equal(repo.git('status', '--porcelain'), '');
    assert.ok(!existsSync(join(repo.dir, 'tandem')));
  });
});
