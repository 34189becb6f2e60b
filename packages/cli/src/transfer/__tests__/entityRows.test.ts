import assert from 'node:assert/strict';
import { readEntityCsv, type EntityRow } from '../entityRows.js';
import { readEntityJson } from '../entitySource.js';
import { CsvError } from '../../csv/csvError.js';
import type { EntityKind } from '@tandem/core';

const owner = '"{""email"":""ada@contoso.com"",""displayName"":""Ada Lovelace""}"';
const header = 'id,key,kind,title,owner,periodStart,periodEnd,status,parentKey,weight';
const good = `,OBJ-1,business,Grow revenue,${owner},2026-01-01,2026-12-31,active,,`;

async function* chunks(text: string): AsyncGenerator<string> {
  yield text;
}

async function rows(kind: EntityKind, text: string): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  for await (const row of readEntityCsv(kind, chunks(text))) out.push(row);
  return out;
}

describe('readEntityCsv', () => {
  it('turns rows into valid entities: numbers as numbers, JSON cells as objects, empty optional cells left out', async () => {
    const [row] = await rows('objective', `${header}\n${good.replace(/,$/, ',40')}\n`);
    assert.ok(row?.entity, JSON.stringify(row?.issues));
    assert.equal(row.row, 2);
    const objective = row.entity as Record<string, unknown>;
    assert.deepEqual(objective.owner, { email: 'ada@contoso.com', displayName: 'Ada Lovelace' });
    assert.equal(objective.weight, 40);
    assert.equal('parentKey' in objective, false);
    assert.match(String(objective.id), /^[0-9a-f-]{36}$/);
  });

  it('names the row, column and field of a wrong type, in the schema’s own words', async () => {
    const text = `${header}\n${good}\n${good.replace('OBJ-1', 'OBJ-2').replace(/,$/, ',heavy').replace('active', 'running')}\n`;
    const [first, second] = await rows('objective', text);
    assert.ok(first?.entity);
    const issues = second?.issues ?? [];
    assert.deepEqual(
      issues.map((i) => [i.row, i.column, i.field]).sort(),
      [
        [3, 10, 'weight'],
        [3, 8, 'status'],
      ].sort(),
    );
    assert.match(issues.find((i) => i.field === 'weight')!.message, /must be a number/);
  });

  it('refuses unknown, repeated and missing columns at the header', async () => {
    const [result] = await rows('objective', `id,key,kind,title,colour,title,periodStart,periodEnd,status\n${good}\n`);
    const issues = result?.issues ?? [];
    assert.equal(result?.row, 1);
    assert.deepEqual(
      issues.filter((i) => i.column !== undefined).map((i) => [i.column, i.field]),
      [
        [5, 'colour'],
        [6, 'title'],
      ],
    );
    assert.ok(issues.some((i) => i.field === 'owner' && /missing/.test(i.message)));
  });

  it('names the cell whose JSON does not parse, and a row with too few cells', async () => {
    const text = `${header}\n${good.replace(owner, '{ada}')}\nOBJ-3,business\n`;
    const [bad, short] = await rows('objective', text);
    assert.deepEqual(
      bad?.issues?.map((i) => [i.row, i.column, i.field]),
      [[2, 5, 'owner']],
    );
    assert.match(bad!.issues![0]!.message, /must be JSON/);
    assert.equal(short?.issues?.[0]?.row, 3);
    assert.match(short!.issues![0]!.message, /2 cells where the header has 10/);
  });

  it('gives rows without ids of unkeyed kinds the same id every time, so a re-import updates them', async () => {
    const text = 'kpiKey,measuredOn,value\nKPI-1,2026-01-01,12.5\n';
    const [a] = await rows('kpiMeasurement', text);
    const [b] = await rows('kpiMeasurement', text);
    assert.ok(a?.entity && b?.entity);
    assert.equal(a.entity.id, b.entity.id);
    assert.equal((a.entity as { value: number }).value, 12.5);
  });

  it('stops at a malformed file with a CsvError naming row and column', async () => {
    await assert.rejects(rows('objective', `${header}\n${good}\n"OBJ-2"x,\n`), (error: unknown) => {
      assert.ok(error instanceof CsvError);
      assert.deepEqual([error.row, error.column], [3, 1]);
      return true;
    });
  });
});

describe('readEntityJson', () => {
  async function jsonRows(text: string, split = 7): Promise<EntityRow[]> {
    async function* pieces(): AsyncGenerator<string> {
      for (let i = 0; i < text.length; i += split) yield text.slice(i, i + split);
    }
    const out: EntityRow[] = [];
    for await (const row of readEntityJson('kpiMeasurement', pieces())) out.push(row);
    return out;
  }

  it('reads an array of objects split anywhere, with brackets and commas inside strings', async () => {
    const items = [
      { kpiKey: 'KPI-1', measuredOn: '2026-01-01', value: 1, note: 'a [tricky], "quoted" {note}' },
      { kpiKey: 'KPI-1', measuredOn: '2026-02-01', value: 2 },
    ];
    const read = await jsonRows(JSON.stringify(items, null, 2));
    assert.deepEqual(
      read.map((r) => r.entity && { ...r.entity, id: undefined }),
      items.map((i) => ({ ...i, id: undefined })),
    );
  });

  it('reads JSON Lines and names the item with an unknown field or a wrong type', async () => {
    const read = await jsonRows(
      '{"kpiKey":"KPI-1","measuredOn":"2026-01-01","value":1}\n{"kpiKey":"KPI-1","measuredOn":"2026-01-01","value":"x","colour":1}\n',
    );
    assert.ok(read[0]?.entity);
    assert.deepEqual(read[1]?.issues?.map((i) => [i.row, i.field]).sort(), [
      [2, 'colour'],
      [2, 'value'],
    ]);
  });
});
