import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { generatedAndExpected } from '../../../../../shared/generated.mjs';
import {
  demoPortfolio,
  ENTITY_KINDS,
  notAccepted,
  validateEntity,
  ValidationError,
  type EntityKind,
} from '@tandem/core';
import { listSchemaOf } from '../../provisioning/listSchema.js';
import { decodeItem, encodeFields, readItem } from '../itemCodec.js';
import { itemReader } from '../itemReaders.js';
import { itemReadersSource } from '../itemReaderSource.js';

const demo = demoPortfolio(new Date('2026-03-15T12:00:00Z'));
const demoEntities = (kind: EntityKind) => (demo[kind] as Record<string, unknown>[] | undefined) ?? [];

/** The cells of a list item holding `value`, as Graph answers them. */
const cellsOf = (kind: EntityKind, value: Record<string, unknown>) => encodeFields(kind, value);

/**
 * The general way of reading cells, written out again as the oracle: each non-empty cell into its field (JSON columns
 * parsed), then core's validateEntity. Returns the entity, or `refused` when the general way refuses the item.
 */
const refused = Symbol('refused');
function readGenerally(kind: EntityKind, cells: Record<string, unknown>): unknown {
  const raw: Record<string, unknown> = {};
  for (const field of listSchemaOf(kind).fields) {
    const cell = cells[field.column];
    if (cell === undefined || cell === null || cell === '') continue;
    if (field.type !== 'json') raw[field.field] = cell;
    else {
      if (typeof cell !== 'string') return refused;
      try {
        raw[field.field] = JSON.parse(cell) as unknown;
      } catch {
        return refused;
      }
    }
  }
  try {
    return validateEntity(kind, raw);
  } catch (error) {
    if (error instanceof ValidationError) return refused;
    throw error;
  }
}

/** A cell's possible contents: empty, wrong-typed, out of range, padded, malformed JSON, JSON of the wrong shape. */
const cellValue = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, '', ' ', 'x', '  padded  ', 0, -1, 1, 7, 101, 1.5, NaN, true, false),
  fc.constantFrom<unknown>(
    'INI-7',
    'OBJ-2',
    'ini-7',
    '2026-02-30',
    '2000-01-01',
    '2099-12-31',
    '2026-03-01T09:30:00Z',
    'a@b.c',
  ),
  fc.constantFrom<unknown>('[', '{}', '[]', '["OBJ-1"]', '["OBJ-1","OBJ-1"]', '[1]', 'null', '"text"'),
  fc.constantFrom<unknown>('{"email":"megan@contoso.test","displayName":"Megan"}', '{"email":"no","displayName":"x"}'),
  fc.string(),
  fc.integer(),
  fc.double(),
);

/** How a test changes one cell: to a value above, to another demo entity's cell, or padded with spaces. */
type CellChange = { to: unknown } | { from: number } | { padded: true };

/**
 * The cells of a demo entity of `kind` with one to three cells changed (so that fields valid alone can disagree, such as
 * an end before the start, and text that must be trimmed is met).
 */
function mutatedCells(kind: EntityKind): fc.Arbitrary<Record<string, unknown>> {
  const entities = demoEntities(kind).map((e) => cellsOf(kind, e));
  const columns = [...new Set(listSchemaOf(kind).fields.map((f) => f.column)), 'Unknown'];
  const entity = fc.nat({ max: entities.length - 1 });
  const change: fc.Arbitrary<CellChange> = fc.oneof(
    cellValue.map((to) => ({ to })),
    entity.map((from) => ({ from })),
    fc.constant({ padded: true as const }),
  );
  return fc
    .tuple(entity, fc.array(fc.tuple(fc.constantFrom(...columns), change), { minLength: 1, maxLength: 3 }))
    .map(([index, changes]) => {
      const cells = { ...entities[index]! };
      for (const [column, how] of changes) {
        if ('to' in how) cells[column] = how.to;
        else if ('from' in how) cells[column] = entities[how.from]![column];
        else if (typeof cells[column] === 'string') cells[column] = ` ${cells[column] as string}  `;
      }
      return cells;
    });
}

describe('generated list item readers', () => {
  it('are the ones the list schema and entity schemas make now (npm run generate -w @tandem/graph)', async () => {
    const file = fileURLToPath(new URL('../itemReaders.generated.ts', import.meta.url));
    const [generated, expected] = await generatedAndExpected(file, itemReadersSource());
    assert.equal(generated, expected, 'itemReaders.generated.ts is stale: run npm run generate -w @tandem/graph');
  });

  it('exist for every kind, each written from the schemas as they are now', () => {
    for (const kind of ENTITY_KINDS) assert.ok(itemReader(kind), `${kind} has a current reader`);
  });

  it('read every demo item themselves, into exactly what the general way gives, keys in the same order', () => {
    let read = 0;
    for (const kind of ENTITY_KINDS) {
      for (const entity of demoEntities(kind)) {
        const cells = cellsOf(kind, entity);
        const value = itemReader(kind)!(cells);
        assert.notEqual(value, notAccepted, `${kind} ${String(entity.id)} is read by its reader`);
        const general = readGenerally(kind, cells);
        assert.deepEqual(value, general, kind);
        assert.deepEqual(Object.keys(value as object), Object.keys(general as object), `${kind}: key order`);
        read++;
      }
    }
    assert.ok(read > 100, `read ${read} demo items`);
  });

  it('accept a changed item only as the general way does, and with the same entity', () => {
    for (const kind of ENTITY_KINDS) {
      if (demoEntities(kind).length === 0) continue;
      const reader = itemReader(kind)!;
      fc.assert(
        fc.property(mutatedCells(kind), (cells) => {
          const value = reader(cells);
          const general = readGenerally(kind, cells);
          if (general === refused) assert.equal(value, notAccepted, `${kind}: refused the general way`);
          else if (value !== notAccepted) assert.deepEqual(value, general, `${kind}: as the general way reads it`);
        }),
        { numRuns: 400 },
      );
    }
  });

  it('leave a bad item to the general way, which names the field and its column', async () => {
    const initiative = demoEntities('initiative')[0]!;
    const item = { id: '7', eTag: '"e,1"', fields: { ...cellsOf('initiative', initiative), Start: '2026-02-30' } };
    assert.equal(readItem('initiative', item), undefined);
    await assert.rejects(
      decodeItem('initiative', item),
      (error: unknown) =>
        error instanceof ValidationError &&
        /initiative in list item 7/.test(error.message) &&
        error.issues.some((i) => i.path === 'start (column Start)'),
    );
  });
});
