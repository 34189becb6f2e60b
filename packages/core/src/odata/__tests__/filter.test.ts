import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  and,
  eq,
  ge,
  gt,
  isIn,
  le,
  lt,
  ne,
  not,
  odataField,
  odataLiteral,
  odataString,
  or,
  parseODataString,
  startsWith,
} from '@tandem/core';

describe('OData filter builder', () => {
  it('quotes and escapes strings', () => {
    assert.equal(odataString('INI-7'), "'INI-7'");
    assert.equal(odataString("O'Brien"), "'O''Brien'");
    assert.equal(odataString("''"), "''''''");
    assert.equal(odataString(''), "''");
  });

  it('writes literals of every type', () => {
    assert.equal(odataLiteral(3), '3');
    assert.equal(odataLiteral(-2.5), '-2.5');
    assert.equal(odataLiteral(true), 'true');
    assert.equal(odataLiteral(null), 'null');
    assert.throws(() => odataLiteral(Number.NaN), RangeError);
    assert.throws(() => odataLiteral(Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => odataLiteral({} as unknown as string), TypeError);
  });

  it('builds comparisons', () => {
    assert.equal(eq('fields/Key', 'INI-7'), "fields/Key eq 'INI-7'");
    assert.equal(ne('fields/Status', 'done'), "fields/Status ne 'done'");
    assert.equal(gt('fields/Score', 3), 'fields/Score gt 3');
    assert.equal(ge('fields/End', '2026-01-01'), "fields/End ge '2026-01-01'");
    assert.equal(lt('fields/Score', 3), 'fields/Score lt 3');
    assert.equal(le('fields/Score', 3), 'fields/Score le 3');
    assert.equal(startsWith('fields/Title', "Rock 'n' roll"), "startswith(fields/Title, 'Rock ''n'' roll')");
  });

  it('combines with parentheses only where precedence needs them', () => {
    const a = eq('fields/A', 1);
    const b = eq('fields/B', 2);
    const c = eq('fields/C', 3);
    assert.equal(and(a, b), 'fields/A eq 1 and fields/B eq 2');
    assert.equal(and(or(a, b), c), '(fields/A eq 1 or fields/B eq 2) and fields/C eq 3');
    assert.equal(or(and(a, b), c), '(fields/A eq 1 and fields/B eq 2) or fields/C eq 3');
    assert.equal(not(or(a, b)), 'not (fields/A eq 1 or fields/B eq 2)');
    assert.equal(and(a, undefined, false), a);
    assert.equal(and(eq('fields/T', "x' or 1 eq 1 or 'a"), b), "fields/T eq 'x'' or 1 eq 1 or ''a' and fields/B eq 2");
    assert.equal(isIn('fields/Status', ['a', 'b']), "fields/Status eq 'a' or fields/Status eq 'b'");
    assert.throws(() => and(), RangeError);
    assert.throws(() => isIn('fields/Status', []), RangeError);
  });

  it('refuses field paths that could carry an expression', () => {
    for (const bad of ['', 'fields/', "fields/A eq 'x' or fields/B", 'a b', 'fields//A', '1abc', 'fields/A)']) {
      assert.throws(() => eq(bad, 1), RangeError, bad);
    }
    assert.equal(odataField('fields/Key_x0020_Result'), 'fields/Key_x0020_Result');
  });

  it('round-trips any string through odataString (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const literal = odataString(s);
        assert.equal(parseODataString(literal), s);
        // No quote inside stands alone: every one is doubled, so the literal ends where it should.
        assert.equal(/'/.test(literal.slice(1, -1).replace(/''/g, '')), false);
      }),
    );
  });

  it('keeps any value inside its literal in a built filter (property)', () => {
    // A tiny reader of `field eq '…'`: the value must come back whole, with nothing after it.
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const filter = eq('fields/Title', s);
        const match = /^fields\/Title eq ('(?:[^']|'')*')$/s.exec(filter);
        assert.ok(match, filter);
        assert.equal(parseODataString(match[1]!), s);
      }),
    );
  });

  it('either refuses a field path or puts it first, for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (field, value) => {
        let filter: string;
        try {
          filter = eq(field, value);
        } catch (error) {
          assert.ok(error instanceof RangeError);
          return;
        }
        assert.ok(filter.startsWith(`${field} eq '`));
        assert.ok(/^[A-Za-z_][A-Za-z0-9_/]*$/.test(field));
      }),
    );
  });

  it('refuses literals that were not escaped', () => {
    assert.throws(() => parseODataString("'a'b'"), SyntaxError);
    assert.throws(() => parseODataString('abc'), SyntaxError);
    assert.throws(() => parseODataString("'"), SyntaxError);
  });
});
