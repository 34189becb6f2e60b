import * as assert from 'node:assert/strict';
import { parseBranchName } from '@tandem/core';
import { workBranchName } from '../branchName.js';

describe('workBranchName', () => {
  it('is the key in lower case and the title as a slug', () => {
    assert.equal(workBranchName('INI-7', 'Customer data hub'), 'ini-7/customer-data-hub');
    assert.equal(workBranchName('INI-5', 'Real-time store stock on the web'), 'ini-5/real-time-store-stock-on-the-web');
  });

  it('folds accents, drops punctuation and stays short', () => {
    const name = workBranchName(
      'INI-12',
      'Café “Ünïcode” — déjà vu!!! and a very long tail that goes on and on and on',
    );
    assert.match(name, /^ini-12\/[a-z0-9-]+$/);
    assert.ok(name.length <= 'ini-12/'.length + 40);
    assert.ok(name.startsWith('ini-12/cafe-unicode-deja-vu'));
  });

  it('reads back as its key', () => {
    assert.deepEqual(parseBranchName(workBranchName('INI-42', 'OBJ 3 mention inside')), ['INI-42']);
  });

  it('falls back when the title has no letters, and refuses a non-key', () => {
    assert.equal(workBranchName('INI-1', '!!!'), 'ini-1/work');
    assert.throws(() => workBranchName('nope', 'x'), RangeError);
  });
});
