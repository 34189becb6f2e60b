import assert from 'node:assert/strict';
import type { EntityOf } from '@tandem/core';
import { readEntityCsv } from '../entityRows.js';
import type { EntitySink } from '../entitySink.js';
import { importEntities } from '../importEntities.js';

type Measurement = EntityOf<'kpiMeasurement'>;
type KeyResultRow = EntityOf<'keyResult'>;

/** A sink that keeps what it is given, by key, as a store would. */
function recordingSink<T extends { id: string; key?: string }>(): EntitySink & {
  items: Map<string, T>;
  calls: number[];
} {
  const items = new Map<string, T>();
  const calls: number[] = [];
  return {
    items,
    calls,
    async write(batch) {
      calls.push(batch.length);
      let created = 0;
      let updated = 0;
      for (const entity of batch as unknown as T[]) {
        const identity = entity.key ?? entity.id;
        if (items.has(identity)) updated++;
        else created++;
        items.set(identity, entity);
      }
      return { created, updated, unchanged: 0 };
    },
  };
}

function source(text: string) {
  return () =>
    readEntityCsv(
      'keyResult',
      (async function* () {
        yield text;
      })(),
    );
}

const header = 'key,objectiveKey,title,metric,unit,direction,startValue,targetValue,currentValue,weight';
const line = (n: number, current: string | number = 10) =>
  `KR-${n},OBJ-1,Result ${n},Signups,count,increase,0,100,${current},1`;

describe('importEntities', () => {
  it('writes every row in batches of 20 and counts what it created', async () => {
    const sink = recordingSink<KeyResultRow>();
    const text = [header, ...Array.from({ length: 45 }, (_, i) => line(i + 1))].join('\r\n');
    const report = await importEntities({ kind: 'keyResult', openRows: source(text), sink });
    assert.deepEqual(sink.calls, [20, 20, 5]);
    assert.equal(report.created, 45);
    assert.equal(report.rows, 45);
    assert.equal(report.written, true);
    assert.equal(sink.items.get('KR-45')?.title, 'Result 45');
  });

  it('writes nothing when any row is wrong, and names each wrong row and column', async () => {
    const sink = recordingSink<KeyResultRow>();
    const text = [header, line(1), line(2, 'lots'), line(3), line(1)].join('\n');
    const report = await importEntities({ kind: 'keyResult', openRows: source(text), sink });
    assert.equal(report.written, false);
    assert.deepEqual(sink.calls, []);
    assert.deepEqual(
      report.issues.map((i) => [i.row, i.column, i.field]),
      [
        [3, 9, 'currentValue'],
        [5, undefined, 'key'],
      ],
    );
    assert.match(report.issues[1]!.message, /KR-1 already appears in row 2/);
    assert.equal(report.rejected, 2);
  });

  it('with partial, writes the valid rows and reports the rest', async () => {
    const sink = recordingSink<KeyResultRow>();
    const text = [header, line(1), line(2, 'lots'), line(3)].join('\n');
    const report = await importEntities({ kind: 'keyResult', openRows: source(text), sink, partial: true });
    assert.equal(report.written, true);
    assert.deepEqual([...sink.items.keys()], ['KR-1', 'KR-3']);
    assert.equal(report.rejected, 1);
    assert.equal(report.issues[0]?.row, 3);
  });

  it('stops at a bad header even with partial', async () => {
    const sink = recordingSink<KeyResultRow>();
    const text = [header.replace('metric', 'metrics'), line(1)].join('\n');
    const report = await importEntities({ kind: 'keyResult', openRows: source(text), sink, partial: true });
    assert.equal(report.written, false);
    assert.deepEqual(sink.calls, []);
    assert.ok(report.issues.some((i) => i.row === 1 && i.column === 4 && i.field === 'metrics'));
  });

  it('counts issues beyond the cap without keeping them', async () => {
    const sink = recordingSink<Measurement>();
    const text = [header, ...Array.from({ length: 30 }, (_, i) => line(i + 1, 'x'))].join('\n');
    const report = await importEntities({ kind: 'keyResult', openRows: source(text), sink, maxIssues: 10 });
    assert.equal(report.issues.length, 10);
    assert.equal(report.moreIssues, 20);
  });

  it('stops at a failed write and rejects with it, so the command can say so (a re-run finishes the job)', async () => {
    const written: number[] = [];
    const failing: EntitySink = {
      async write(batch) {
        if (written.length === 1) throw new Error('throttled for too long');
        written.push(batch.length);
        return { created: batch.length, updated: 0, unchanged: 0 };
      },
    };
    const text = [header, ...Array.from({ length: 200 }, (_, i) => line(i + 1))].join('\n');
    await assert.rejects(
      importEntities({ kind: 'keyResult', openRows: source(text), sink: failing, concurrency: 1 }),
      /throttled for too long/,
    );
    assert.deepEqual(written, [20]);
  });
});
