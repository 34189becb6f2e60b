import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KEYED_KINDS, commitKeys, formatKey, parseBranchName, parseSubjectKeys } from '@tandem/core';

describe('parseBranchName', () => {
  it('reads the usual shapes', () => {
    assert.deepEqual(parseBranchName('ini-7/short-title'), ['INI-7']);
    assert.deepEqual(parseBranchName('feature/INI-7-short-title'), ['INI-7']);
    assert.deepEqual(parseBranchName('refs/heads/obj-2/kr-5-pricing'), ['OBJ-2', 'KR-5']);
    assert.deepEqual(parseBranchName('bugfix/INI-7_payment'), []);
    assert.deepEqual(parseBranchName('fix-ini-7'), ['INI-7']);
  });

  it('finds nothing in branches without keys or with keys inside words', () => {
    for (const branch of ['main', 'release/2026-01', 'feature/mini-7', 'feature/ini-7a', 'ini-07/x', '']) {
      assert.deepEqual(parseBranchName(branch), [], branch);
    }
  });

  it('round-trips any key in a branch, in any case (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYED_KINDS),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.constantFrom('', 'feature/', 'users/megan/'),
        fc.stringMatching(/^[a-z]+(-[a-z]+)*$/),
        fc.boolean(),
        (kind, n, prefix, title, lower) => {
          const key = formatKey(kind, n);
          const branch = `${prefix}${lower ? key.toLowerCase() : key}/${title}`;
          assert.deepEqual(parseBranchName(branch), [key]);
        },
      ),
    );
  });

  it('never crashes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (b) => Array.isArray(parseBranchName(b))));
  });
});

describe('parseSubjectKeys', () => {
  it('reads bracketed keys', () => {
    assert.deepEqual(parseSubjectKeys('[INI-7] Add checkout'), ['INI-7']);
    assert.deepEqual(parseSubjectKeys('[ini-7, OBJ-2] Add checkout [KR-3]'), ['INI-7', 'OBJ-2', 'KR-3']);
    assert.deepEqual(parseSubjectKeys('[INI-7][INI-7] twice'), ['INI-7']);
  });

  it('ignores brackets that hold anything but keys, and later lines', () => {
    assert.deepEqual(parseSubjectKeys('[WIP] Add checkout'), []);
    assert.deepEqual(parseSubjectKeys('[INI-7 fix] Add checkout'), []);
    assert.deepEqual(parseSubjectKeys('[] INI-7'), []);
    assert.deepEqual(parseSubjectKeys('Add checkout\n\n[INI-7]'), []);
    assert.deepEqual(parseSubjectKeys('[MINI-7] x'), []);
  });

  it('never crashes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => Array.isArray(parseSubjectKeys(s))));
  });
});

describe('commitKeys', () => {
  it('gathers subject, body, trailers and branch, deduplicated, in order', () => {
    const message =
      '[INI-7] Add one-page checkout\n\nAlso helps OBJ-2 and KR-3.\n\nRefs: INI-7, obj-4\nInitiative: ini-9\n';
    assert.deepEqual(commitKeys({ message, branch: 'feature/INI-7-checkout' }), [
      'INI-7',
      'OBJ-2',
      'KR-3',
      'OBJ-4',
      'INI-9',
    ]);
    assert.deepEqual(commitKeys({ message: 'Tidy', branch: 'kr-2/tidy' }), ['KR-2']);
    assert.deepEqual(commitKeys({ message: 'Tidy' }), []);
  });

  it('ignores comment lines git strips', () => {
    assert.deepEqual(commitKeys({ message: 'Tidy\n# On branch ini-7 touching INI-7\n' }), []);
  });

  it('every key it returns is canonical and unique (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (message, branch) => {
        const keys = commitKeys({ message, branch });
        assert.equal(new Set(keys).size, keys.length);
        assert.ok(keys.every((k) => /^[A-Z]+-[1-9]\d*$/.test(k)));
      }),
    );
  });
});
