import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KEYED_KINDS, findKeyMentions, formatKey } from '@tandem/core';

describe('findKeyMentions', () => {
  it('finds keys in prose, in order, once each', () => {
    assert.deepEqual(findKeyMentions('Follows INI-7 and OBJ-12; see also INI-7 (again) and KR-3.'), [
      'INI-7',
      'OBJ-12',
      'KR-3',
    ]);
  });

  it('finds keys in code comments', () => {
    const code = '// INI-7: keep in sync with the pricing service\nconst x = 1; /* OBJ-2 */\n# SVC-4 owns this';
    assert.deepEqual(findKeyMentions(code), ['INI-7', 'OBJ-2', 'SVC-4']);
  });

  it('never finds a key inside a longer token', () => {
    for (const text of [
      'MINI-72',
      'OBJ-12a',
      'xINI-7',
      'INI-7_b',
      'X-INI-7',
      'INI-7-2',
      'INI-07',
      'INI-0',
      'KPI-1234567890',
      'éINI-7',
      'INI-7é',
    ]) {
      assert.deepEqual(findKeyMentions(text), [], text);
    }
  });

  it('accepts keys next to punctuation and brackets', () => {
    assert.deepEqual(findKeyMentions('(INI-7) [OBJ-1], "KR-2"… DEC-5! IDEA-9? INI-8-short'), [
      'INI-7',
      'OBJ-1',
      'KR-2',
      'DEC-5',
      'IDEA-9',
      'INI-8',
    ]);
  });

  it('reads only the canonical upper case in prose', () => {
    assert.deepEqual(findKeyMentions('mini-7 ini-7 Ini-7'), []);
  });

  it('tells KPI from KR and IDEA from DEC', () => {
    assert.deepEqual(findKeyMentions('KPI-4 KR-4 IDEA-4 DEC-4'), ['KPI-4', 'KR-4', 'IDEA-4', 'DEC-4']);
  });

  it('finds exactly the keys placed between separators (property)', () => {
    const key = fc
      .tuple(fc.constantFrom(...KEYED_KINDS), fc.integer({ min: 1, max: 999_999_999 }))
      .map(([k, n]) => formatKey(k, n));
    const filler = fc.string({ unit: fc.constantFrom('a', 'z', ' ', '.', ',', '\n', '(', ')', 'é', '#') });
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, key)), filler, (parts, tail) => {
        const text = parts.map(([f, k]) => `${f} ${k} `).join('') + tail;
        const expected = [...new Set(parts.map(([, k]) => k))];
        assert.deepEqual(findKeyMentions(text), expected);
      }),
    );
  });

  it('never crashes and returns only canonical keys that occur in the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const key of findKeyMentions(text)) assert.ok(text.includes(key));
      }),
    );
  });
});
