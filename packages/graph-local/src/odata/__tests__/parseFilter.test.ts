import { strict as assert } from 'node:assert';
import { parseFilter } from '../parseFilter.js';
import { evaluateFilter } from '../evaluateFilter.js';
import type { FilterNode } from '../filterAst.js';

/** A compact rendering of a tree, to read precedence at a glance. */
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'logical':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'not':
      return `(not ${show(node.operand)})`;
    case 'compare':
      return `[${show(node.left)} ${node.op} ${show(node.right)}]`;
    case 'literal':
      return JSON.stringify(node.value);
    case 'property':
      return node.path.join('/');
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
    case 'lambda':
      return `${node.collection.join('/')}/${node.op}(${node.variable}: ${show(node.predicate)})`;
  }
}

describe('$filter parser', () => {
  it('binds and tighter than or, not tighter than and, comparisons tightest', () => {
    assert.equal(show(parseFilter(`a eq 1 or b eq 2 and c eq 3`)), '([a eq 1] or ([b eq 2] and [c eq 3]))');
    assert.equal(show(parseFilter(`not a eq 1 and b eq 2`)), '((not [a eq 1]) and [b eq 2])');
    assert.equal(show(parseFilter(`(a eq 1 or b eq 2) and c eq 3`)), '(([a eq 1] or [b eq 2]) and [c eq 3])');
  });

  it('reads strings with doubled quotes, numbers, booleans, null and unquoted date-times', () => {
    assert.equal(show(parseFilter(`fields/Title eq 'O''Brien'`)), `[fields/Title eq "O'Brien"]`);
    assert.equal(
      show(parseFilter(`x ge -1.5 and y eq true and z eq null`)),
      '(([x ge -1.5] and [y eq true]) and [z eq null])',
    );
    assert.equal(show(parseFilter(`d lt 2026-01-02T03:04:05Z`)), '[d lt "2026-01-02T03:04:05Z"]');
  });

  it('parses functions and lambdas', () => {
    assert.equal(show(parseFilter(`startswith(fields/Key, 'INI-')`)), 'startswith(fields/Key, "INI-")');
    assert.equal(show(parseFilter(`Extensions/any(f: f/id eq 'Com.X')`)), 'Extensions/any(f: [f/id eq "Com.X"])');
  });

  it('refuses malformed input with a 400', () => {
    for (const bad of [`a eq`, `a eq 'x`, `(a eq 1`, `a eq 1 b`, `foo(a)`, `a eq #`, ``]) {
      assert.throws(
        () => parseFilter(bad),
        (e: { status?: number }) => e.status === 400,
        bad,
      );
    }
  });

  it('evaluates over JSON, with lambdas over arrays and dates as instants', () => {
    const message = { categories: ['INI-7'], receivedDateTime: '2026-03-01T10:00:00Z', extensions: [{ id: 'Com.X' }] };
    assert.equal(evaluateFilter(parseFilter(`categories/any(c: c eq 'INI-7')`), message), true);
    assert.equal(evaluateFilter(parseFilter(`Extensions/any(f: f/id eq 'Com.Y')`), message), false);
    assert.equal(evaluateFilter(parseFilter(`receivedDateTime ge 2026-02-28T00:00:00+01:00`), message), true);
    assert.equal(evaluateFilter(parseFilter(`not (receivedDateTime lt 2026-03-01T10:00:00Z)`), message), true);
  });
});
