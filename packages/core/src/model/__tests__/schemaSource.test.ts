import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { z } from 'zod';
import { check, SchemaWriter, type SchemaExternal } from '@tandem/core';
import { refineWith } from '../compiledSchema.js';

/** The regular expression a writer set up for the statements it wrote. */
function regexOf(external: SchemaExternal | undefined): RegExp {
  assert.equal(external?.kind, 'regex');
  const literal = (external as { literal: string }).literal;
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.string(),
  fc.constantFrom(
    'a@b.c',
    'a@b.co',
    '.a@b.co',
    'a..b@c.de',
    'a.@b.co',
    "o'neil@contoso.test",
    'megan@contoso',
    'megan@-contoso.test',
    'MEGAN@CONTOSO.TEST',
    'a+tag@sub.contoso.test',
    'ü@contoso.test',
    'a@b.c0m',
  ),
);

describe('the schema writer', () => {
  it('checks an email exactly as zod does, with zod’s own rule written out', () => {
    const writer = new SchemaWriter();
    writer.statements(z.string().email(), 'v', []);
    const rule = regexOf(writer.externals[0]);
    const zod = z.string().email();
    fc.assert(
      fc.property(emailLike, (text) => assert.equal(rule.test(text), zod.safeParse(text).success, text)),
      { numRuns: 2000 },
    );
  });

  it('checks a URL with the named check that agrees with zod’s', () => {
    const writer = new SchemaWriter();
    writer.statements(z.string().url(), 'v', []);
    assert.deepEqual(writer.externals, [{ kind: 'check', call: { name: 'parsableUrl', args: [] } }]);
    const parsable = check('parsableUrl');
    const zod = z.string().url();
    const urls = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('https://x', 'mailto:a@b.c', 'http//x', 'x:', ''));
    fc.assert(
      fc.property(urls, (text) => assert.equal(parsable(text), zod.safeParse(text).success, text)),
      {
        numRuns: 1000,
      },
    );
  });

  it('names a refinement by the check it was made with, once however often the statements use it', () => {
    const writer = new SchemaWriter();
    const date = refineWith(z.string(), check('calendarDate'), 'must be a date');
    const lines = writer.statements(z.object({ start: date, end: date }), 'v', []);
    assert.deepEqual(writer.externals, [{ kind: 'check', call: { name: 'calendarDate', args: [] } }]);
    assert.equal(lines.filter((line) => line.includes('x0(')).length, 2);
  });

  it('refuses what it cannot check without zod, naming where it is', () => {
    const unnamed = z.object({ when: z.string().refine((s) => s.length > 2) });
    assert.throws(
      () => new SchemaWriter().statements(unnamed, 'v', []),
      /refinement not made with a named check.*\.when/,
    );
    assert.throws(() => new SchemaWriter().statements(z.object({ n: z.coerce.number() }), 'v', []), /coercion.*\.n/);
    assert.throws(() => new SchemaWriter().statements(z.string().uuid(), 'v', []), /uuid check/);
  });

  it('writes an array’s length limits before its elements’ checks', () => {
    const lines = new SchemaWriter().statements(z.array(z.string()).min(1).max(3), 'v', []);
    const least = lines.findIndex((line) => line.includes('.length < 1'));
    const most = lines.findIndex((line) => line.includes('.length > 3'));
    const loop = lines.findIndex((line) => line.startsWith('for '));
    assert.ok(least > 0 && most > least && loop > most, lines.join('\n'));
  });
});
