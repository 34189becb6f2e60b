import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KEY_PREFIXES, KEYED_KINDS, formatKey, isEntityKey, isKeyOf, nextKey, parseKey } from '@tandem/core';

describe('entity keys', () => {
  it('formats a key from kind and number', () => {
    assert.equal(formatKey('initiative', 7), 'INI-7');
    assert.equal(formatKey('keyResult', 3), 'KR-3');
    assert.equal(formatKey('idea', 9), 'IDEA-9');
  });

  it('refuses numbers that cannot be keys', () => {
    for (const n of [0, -1, 1.5, Number.NaN, 1e10]) assert.throws(() => formatKey('objective', n), RangeError);
  });

  it('parses keys in any case and trims', () => {
    assert.deepEqual(parseKey('INI-7'), { kind: 'initiative', prefix: 'INI', number: 7, key: 'INI-7' });
    assert.deepEqual(parseKey(' ini-7 '), { kind: 'initiative', prefix: 'INI', number: 7, key: 'INI-7' });
    assert.equal(parseKey('Kpi-4')?.kind, 'kpi');
    assert.equal(parseKey('KR-3')?.kind, 'keyResult');
  });

  it('parses nothing that is not exactly one key', () => {
    for (const text of [
      '',
      'INI',
      'INI-',
      'INI-0',
      'INI-07',
      'MINI-7',
      'INI-7a',
      'INI-7 OBJ-2',
      'XYZ-1',
      'INI_7',
      'INI-1234567890',
    ]) {
      assert.equal(parseKey(text), undefined, text);
    }
  });

  it('tells canonical keys', () => {
    assert.equal(isEntityKey('INI-7'), true);
    assert.equal(isEntityKey('ini-7'), false);
    assert.equal(isEntityKey('MINI-7'), false);
    assert.equal(isEntityKey('OBJ-12a'), false);
    assert.equal(isKeyOf('objective', 'OBJ-12'), true);
    assert.equal(isKeyOf('objective', 'INI-12'), false);
    assert.equal(isKeyOf('keyResult', 'KR-3'), true);
    assert.equal(isKeyOf('kpi', 'KR-3'), false);
    assert.equal(isKeyOf('objective', 'obj-12'), false);
    assert.equal(isKeyOf('objective', ' OBJ-12'), false);
  });

  it('tells a key of a kind exactly when parsing it gives that kind and it is canonical (property)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.constantFrom('OBJ', 'KR', 'INI', 'KPI', 'SVC', 'DEC', 'IDEA', 'ini', 'MINI', 'Kr'),
          fc.string({ maxLength: 5 }),
        )
        .map(([prefix, rest]) => `${prefix}-${rest}`),
      fc
        .tuple(fc.constantFrom(...Object.values(KEY_PREFIXES)), fc.integer({ min: 0, max: 2_000_000_000 }))
        .map(([prefix, n]) => `${prefix}-${n}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...KEYED_KINDS), text, (kind, value) => {
        assert.equal(isKeyOf(kind, value), isEntityKey(value) && parseKey(value)?.kind === kind, value);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the next key of a kind, ignoring other kinds and junk', () => {
    assert.equal(nextKey('initiative', []), 'INI-1');
    assert.equal(nextKey('initiative', ['INI-2', 'INI-10', 'OBJ-99', 'nonsense', 'INI-3']), 'INI-11');
    assert.equal(nextKey('objective', new Set(['OBJ-1'])), 'OBJ-2');
  });

  it('round-trips every kind and number (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYED_KINDS), fc.integer({ min: 1, max: 999_999_999 }), (kind, n) => {
        const key = formatKey(kind, n);
        assert.ok(key.startsWith(KEY_PREFIXES[kind] + '-'));
        assert.equal(isEntityKey(key), true);
        assert.deepEqual(parseKey(key), { kind, prefix: KEY_PREFIXES[kind], number: n, key });
        assert.deepEqual(parseKey(key.toLowerCase())?.key, key);
      }),
    );
  });

  it('never crashes and agrees with isEntityKey on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const parsed = parseKey(text);
        if (isEntityKey(text)) assert.equal(parsed?.key, text);
        if (parsed) assert.equal(isEntityKey(parsed.key), true);
      }),
    );
  });

  it('nextKey is above every existing key of its kind (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 })), (ns) => {
        const next = parseKey(
          nextKey(
            'decision',
            ns.map((n) => formatKey('decision', n)),
          ),
        )!;
        assert.ok(ns.every((n) => n < next.number));
      }),
    );
  });
});
