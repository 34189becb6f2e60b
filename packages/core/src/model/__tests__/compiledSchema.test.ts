import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { z } from 'zod';
import {
  ENTITY_KINDS,
  entitySchemas,
  entityShape,
  timestampSchema,
  validateEntity,
  type EntityKind,
} from '@tandem/core';
import { notAccepted } from '../checks.js';
import { compileSchema } from '../compiledSchema.js';
import { samples } from './samples.js';

/** Values a field may be set to: valid-looking, wrong-typed, out of range, padded, malformed. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    '  ',
    '  padded title  ',
    'x'.repeat(256),
    'INI-7',
    'ini-7',
    'OBJ-1',
    'IDEA-3',
    '2026-02-30',
    '2026-02-28',
    '2026-13-01',
    '2026-03-01T09:30:00Z',
    '2026-03-01T09:30:00',
    'https://contoso.test/a',
    'javascript:alert(1)',
    'adele@contoso.test',
    'not an email',
    '30000000-0000-4000-8000-000000000001',
    'low',
    'inProgress',
    0,
    -1,
    0.25,
    0.5,
    1,
    3,
    20,
    21,
    100,
    101,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    [],
    ['INI-1'],
    ['OBJ-1', 'OBJ-2'],
    ['bad key'],
    {},
    { email: 'adele@contoso.test', displayName: ' Adele ' },
    { email: 'adele@contoso.test', displayName: '' },
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.anything(),
);

/** A sample of `kind` with a few fields changed (or removed), and sometimes an unknown field added. */
function mutated(kind: EntityKind): fc.Arbitrary<unknown> {
  const fields = [...Object.keys(entityShape(kind)), 'unknownField'];
  return fc
    .array(fc.tuple(fc.constantFrom(...fields), fieldValue, fc.boolean()), { minLength: 1, maxLength: 3 })
    .map((changes) => {
      const value: Record<string, unknown> = structuredClone(samples()[kind]) as Record<string, unknown>;
      for (const [field, next, remove] of changes) {
        if (remove) delete value[field];
        else value[field] = next;
      }
      return value;
    });
}

describe('compiled entity schemas', () => {
  it('accept every valid sample, with exactly what zod gives', () => {
    for (const kind of ENTITY_KINDS) {
      const schema = entitySchemas[kind] as z.ZodTypeAny;
      const sample = samples()[kind];
      const compiled = compileSchema(schema)(sample);
      assert.notEqual(compiled, notAccepted, `${kind}: the sample is accepted without zod`);
      assert.deepEqual(compiled, schema.parse(sample), kind);
    }
  });

  it('check objects, their fields and refinements themselves: zod does not parse the initiative or objective', () => {
    for (const kind of ['initiative', 'objective'] as const) {
      const schema = entitySchemas[kind] as z.ZodTypeAny;
      const compiled = compileSchema(schema);
      const parse = schema.safeParse;
      let calls = 0;
      schema.safeParse = (value: unknown) => {
        calls++;
        return parse(value);
      };
      try {
        assert.notEqual(compiled(samples()[kind]), notAccepted);
      } finally {
        schema.safeParse = parse;
      }
      assert.equal(calls, 0, `${kind} went to zod`);
    }
  });

  it('ask zod once per distinct string it leaves to zod (the same owners’ emails on every item)', () => {
    const schema = entitySchemas.initiative as z.ZodTypeAny;
    const compiled = compileSchema(schema);
    const sample = samples().initiative as Record<string, unknown>;
    // zod binds safeParse to each schema when it is made, so its string parser is what is counted.
    const prototype = z.ZodString.prototype as unknown as { _parse: (input: unknown) => unknown };
    const parse = prototype._parse;
    let calls = 0;
    prototype._parse = function (this: z.ZodString, input: unknown) {
      calls++;
      return parse.call(this, input);
    };
    try {
      for (let n = 0; n < 200; n++) assert.notEqual(compiled({ ...sample, key: `INI-${n + 1}` }), notAccepted);
      assert.ok(calls <= 4, `zod was asked ${calls} times for 200 items with the same two people`);
      const other = { ...sample, itOwner: { email: 'not an email', displayName: 'Nobody' } };
      assert.equal(compiled(other), notAccepted, 'a bad email is still refused');
      assert.equal(compiled(other), notAccepted, 'and refused again from memory');
    } finally {
      prototype._parse = parse;
    }
  });

  it('check timestamps with zod’s own rule: the same ones accepted and refused', () => {
    const compiled = compileSchema(timestampSchema);
    for (const at of [
      '2026-11-28T10:00:00Z',
      '2026-11-28T10:00:00.123Z',
      '2026-11-28T10:00:00+01:00',
      '2026-11-28T10:00:00+0100',
      '2026-11-28T10:00:00',
      '2026-11-28 10:00:00Z',
      '2026-13-28T10:00:00Z',
      '2026-11-28T24:00:00Z',
      '2026-11-28',
      ' 2026-11-28T10:00:00Z',
      '',
    ]) {
      const zod = timestampSchema.safeParse(at);
      const result = compiled(at);
      assert.equal(result !== notAccepted, zod.success, `${JSON.stringify(at)}: zod says ${String(zod.success)}`);
      if (zod.success) assert.equal(result, zod.data);
    }
  });

  it('accept a value only where zod does, and then give what zod gives (changed fields of every kind)', () => {
    for (const kind of ENTITY_KINDS) {
      const schema = entitySchemas[kind] as z.ZodTypeAny;
      const compiled = compileSchema(schema);
      fc.assert(
        fc.property(mutated(kind), (value) => {
          const result = compiled(value);
          const zod = schema.safeParse(value);
          if (result === notAccepted) return;
          assert.ok(zod.success, `${kind}: accepted ${JSON.stringify(value)}, which zod refuses`);
          assert.deepEqual(result, zod.data, `${kind}: not what zod gives`);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('leave refusals and their issues to zod: validateEntity still names the field', () => {
    const value = { ...(samples().initiative as Record<string, unknown>), end: '2020-01-01', title: '   ' };
    assert.throws(
      () => validateEntity('initiative', value),
      (error: { issues: { path: string }[] }) =>
        ['title', 'end'].every((path) => error.issues.some((i) => i.path === path)),
    );
  });

  it('trim text and strip unknown fields as zod does', () => {
    const value = { ...(samples().initiative as Record<string, unknown>), title: '  Padded  ', unknownField: 1 };
    const parsed = validateEntity('initiative', value) as unknown as Record<string, unknown>;
    assert.equal(parsed.title, 'Padded');
    assert.equal('unknownField' in parsed, false);
  });
});
