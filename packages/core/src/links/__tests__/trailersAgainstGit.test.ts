// git itself is the oracle for trailer blocks: whatever `git interpret-trailers --parse` reads from a message,
// findTrailerBlock must read too, line for line.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { findTrailerBlock } from '@tandem/core';

describe('trailer blocks, checked against git', function () {
  this.timeout(120_000);
  let home: string;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'tandem-git-'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  function gitTrailers(message: string): string[] {
    const r = spawnSync('git', ['interpret-trailers', '--parse', '--no-divider'], {
      input: message,
      encoding: 'utf8',
      // A clean configuration: no configured trailer tokens may change git's verdict.
      env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.trimEnd());
  }

  const ours = (message: string) =>
    (findTrailerBlock(message.split('\n'))?.trailers ?? []).map((t) => `${t.token}: ${t.value}`.trimEnd());

  it('agrees on hand-picked messages', () => {
    const messages = [
      'Fix\n\nInitiative: INI-7\n',
      'Initiative: INI-7\n',
      '\nInitiative: INI-7\n',
      'Fix\n\nsome prose\nInitiative: INI-7\nSigned-off-by: M <m@contoso.test>\n',
      'Fix\n\nsome prose\nmore\nmore\nmore\nInitiative: INI-7\nSigned-off-by: M <m@contoso.test>\n',
      'Fix\n\nRefs: INI-7,\n  OBJ-2\nInitiative : ini-8\n# comment\n',
      'Fix\n\nRefs: INI-7\n# comment\n  continued?\n',
      'Fix\n\nInitiative: INI-7\n\nprose after\n',
      'Fix\n\nhttp://contoso.test/a\n',
      'Fix\n\n(cherry picked from commit 0123456789abcdef)\nRefs: INI-7\n',
      'Fix\n\n-odd: token\n: no token\nToken with space: x\n',
    ];
    for (const m of messages) assert.deepEqual(ours(m), gitTrailers(m), JSON.stringify(m));
  });

  it('agrees on generated messages (property)', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'Fix checkout',
        'some prose about INI-7',
        'http://contoso.test/a',
        '# a comment',
        '',
        '   ',
        '  OBJ-2 continued',
        '\tmore',
        'Signed-off-by: Megan <megan@contoso.test>',
        '(cherry picked from commit 0123abc)',
        ': no token',
        'Token with space: x',
      ),
      fc
        .tuple(
          fc.constantFrom('Initiative', 'refs', 'Key-Result', 'Co-authored-by', 'X', '-odd'),
          fc.constantFrom('', ' ', '\t'),
          fc.constantFrom('', ' ', '  '),
          fc.constantFrom('INI-7', 'ini-7, OBJ-2', '', 'a value  '),
        )
        .map(([token, before, after, value]) => `${token}${before}:${after}${value}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 9 }), fc.boolean(), (lines, newline) => {
        const message = lines.join('\n') + (newline ? '\n' : '');
        assert.deepEqual(ours(message), gitTrailers(message), JSON.stringify(message));
      }),
      { numRuns: 150 },
    );
  });
});
