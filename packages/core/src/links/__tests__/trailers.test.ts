import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { addTrailer, formatKey, parseCommitTrailers } from '@tandem/core';

describe('parseCommitTrailers', () => {
  it('reads Tandem trailers in the last paragraph', () => {
    const message =
      'Add one-page checkout\n\nMoves payment onto the basket page.\n\nObjective: OBJ-12\nInitiative: INI-7\nKey-Result: KR-3\nRefs: INI-8, OBJ-2\n';
    assert.deepEqual(
      parseCommitTrailers(message).map((t) => [t.name, t.keys]),
      [
        ['Objective', ['OBJ-12']],
        ['Initiative', ['INI-7']],
        ['Key-Result', ['KR-3']],
        ['Refs', ['INI-8', 'OBJ-2']],
      ],
    );
  });

  it('matches tokens and keys in any case, and keeps the token as written', () => {
    const [t] = parseCommitTrailers('Fix\n\ninitiative: ini-7');
    assert.deepEqual(t, { token: 'initiative', value: 'ini-7', name: 'Initiative', keys: ['INI-7'] });
    assert.equal(parseCommitTrailers('Fix\n\nKEY-RESULT : kr-2')[0]?.name, 'Key-Result');
  });

  it('ignores other tokens but keeps them from spoiling the block', () => {
    const message =
      'Fix\n\nReviewed-by: Megan <megan@contoso.test>\nInitiative: INI-7\nCo-authored-by: Adele <adele@contoso.test>';
    assert.deepEqual(
      parseCommitTrailers(message).map((t) => t.keys),
      [['INI-7']],
    );
  });

  it('ignores trailer-looking lines that are not in the last paragraph', () => {
    assert.deepEqual(parseCommitTrailers('Fix\n\nInitiative: INI-7\n\nJust prose at the end.'), []);
  });

  it('never reads the title as a trailer', () => {
    assert.deepEqual(parseCommitTrailers('Initiative: INI-7'), []);
    assert.deepEqual(parseCommitTrailers('Initiative: INI-7\n'), []);
  });

  it('refuses a last paragraph that mixes prose in, unless git wrote a line of it (a quarter is enough then)', () => {
    assert.deepEqual(parseCommitTrailers('Fix\n\nThis also touches pricing.\nInitiative: INI-7'), []);
    const signed = 'Fix\n\nsome prose\nmore prose\nInitiative: INI-7\nSigned-off-by: Megan <megan@contoso.test>';
    assert.deepEqual(
      parseCommitTrailers(signed).map((t) => t.keys),
      [['INI-7']],
    );
    const tooMuch = 'Fix\n\na\nb\nc\nd\ne\nf\nг\nSigned-off-by: Megan <megan@contoso.test>';
    assert.deepEqual(parseCommitTrailers(tooMuch + '\nRefs: INI-1'), []);
  });

  it('folds continuation lines into the trailer above', () => {
    assert.deepEqual(parseCommitTrailers('Fix\n\nRefs: INI-7,\n  OBJ-2\nInitiative: INI-8')[0]?.keys, [
      'INI-7',
      'OBJ-2',
    ]);
  });

  it('skips comment lines and trailing blank lines, and reads CRLF messages', () => {
    assert.deepEqual(
      parseCommitTrailers('Fix\r\n\r\nInitiative: INI-7\r\n# Please enter the commit message\r\n\r\n')[0]?.keys,
      ['INI-7'],
    );
  });

  it('takes keys only where they stand alone, once each', () => {
    assert.deepEqual(parseCommitTrailers('Fix\n\nRefs: MINI-7 INI-7 ini-7 OBJ-12a')[0]?.keys, ['INI-7']);
  });

  it('never crashes on any message (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (message) => {
        for (const t of parseCommitTrailers(message)) assert.ok(t.keys.every((k) => /^[A-Z]+-[1-9]\d*$/.test(k)));
      }),
    );
  });
});

const lines = (text: string) => text.split('\n').map((l) => l.replace(/\r$/, ''));

function isSubsequence(small: string[], big: string[]): boolean {
  let i = 0;
  for (const line of big) if (i < small.length && line === small[i]) i++;
  return i === small.length;
}

describe('addTrailer', () => {
  it('appends into an existing trailer block', () => {
    assert.equal(
      addTrailer('Fix\n\nBody.\n\nSigned-off-by: Megan <megan@contoso.test>\n', 'Initiative', 'INI-7'),
      'Fix\n\nBody.\n\nSigned-off-by: Megan <megan@contoso.test>\nInitiative: INI-7\n',
    );
  });

  it('starts a trailer block when there is none', () => {
    assert.equal(addTrailer('Fix checkout', 'Initiative', 'INI-7'), 'Fix checkout\n\nInitiative: INI-7');
    assert.equal(
      addTrailer('Fix checkout\n\nBody.\n', 'Objective', 'obj-2'),
      'Fix checkout\n\nBody.\n\nObjective: OBJ-2\n',
    );
  });

  it('never duplicates a trailer, whatever the case', () => {
    const message = 'Fix\n\ninitiative: ini-7\n';
    assert.equal(addTrailer(message, 'Initiative', 'INI-7'), message);
    const refs = 'Fix\n\nRefs: OBJ-1, INI-7';
    assert.equal(addTrailer(refs, 'refs', 'INI-7'), refs);
  });

  it('adds the same key under another token', () => {
    assert.equal(addTrailer('Fix\n\nRefs: INI-7', 'Initiative', 'INI-7'), 'Fix\n\nRefs: INI-7\nInitiative: INI-7');
  });

  it('keeps trailing comment lines after the trailers, and CRLF line ends', () => {
    assert.equal(
      addTrailer('Fix\n\nRefs: OBJ-1\n# comment\n', 'Initiative', 'INI-7'),
      'Fix\n\nRefs: OBJ-1\nInitiative: INI-7\n# comment\n',
    );
    assert.equal(addTrailer('Fix\r\n', 'Initiative', 'INI-7'), 'Fix\r\n\r\nInitiative: INI-7\r\n');
  });

  it('keeps an empty message from turning the trailer into a title', () => {
    const message = addTrailer('', 'Initiative', 'INI-7');
    assert.deepEqual(parseCommitTrailers(message)[0]?.keys, ['INI-7']);
  });

  it('refuses bad tokens and keys', () => {
    assert.throws(() => addTrailer('Fix', 'Bad token', 'INI-7'), RangeError);
    assert.throws(() => addTrailer('Fix', 'Initiative: INI-8\nX', 'INI-7'), RangeError);
    assert.throws(() => addTrailer('Fix', 'Initiative', 'MINI-7'), RangeError);
  });

  it('round-trips: the key is then read back, and adding again changes nothing (property)', () => {
    const token = fc.constantFrom('Objective', 'Initiative', 'Key-Result', 'Refs', 'refs');
    const key = fc.tuple(
      fc.constantFrom('objective', 'initiative', 'keyResult') as fc.Arbitrary<'objective'>,
      fc.integer({ min: 1, max: 9999 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), token, key, (message, tok, [kind, n]) => {
        const k = formatKey(kind, n);
        const once = addTrailer(message, tok, k);
        assert.equal(addTrailer(once, tok, k), once);
        const found = parseCommitTrailers(once).filter((t) => t.token.toLowerCase() === tok.toLowerCase());
        assert.ok(
          found.some((t) => t.keys.includes(k)),
          JSON.stringify(once),
        );
        assert.ok(isSubsequence(lines(message), lines(once)), 'every line of the message survives, in order');
      }),
    );
  });
});
