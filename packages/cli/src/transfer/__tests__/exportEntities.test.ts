import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateEntity, type EntityOf } from '@tandem/core';
import { readEntityCsv, type EntityRow } from '../entityRows.js';
import { readEntityJson } from '../entitySource.js';
import { exportEntities, type ExportFormat } from '../exportEntities.js';

type Initiative = EntityOf<'initiative'>;

const person = fc.record({
  email: fc.constantFrom('ada@contoso.com', 'grace@contoso.com'),
  displayName: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.trim().length > 0),
});
const text = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '[', '{', '😀'), maxLength: 30 });

const initiative = fc
  .record({
    id: fc.uuid({ version: 4 }),
    key: fc.integer({ min: 1, max: 99999 }).map((n) => `INI-${n}`),
    title: text.filter((t) => t.trim() === t && t.length > 0),
    // An empty optional text reads back as absent: the two mean the same.
    description: fc.option(
      text.filter((t) => t.length > 0),
      { nil: undefined },
    ),
    objectiveKeys: fc.array(
      fc.integer({ min: 1, max: 50 }).map((n) => `OBJ-${n}`),
      { maxLength: 3 },
    ),
    itOwner: person,
    businessSponsor: person,
    status: fc.constantFrom('proposed', 'planned', 'inProgress', 'done', 'cancelled'),
    percentComplete: fc.double({ min: 0, max: 100, noNaN: true }),
    businessValue: fc.integer({ min: 1, max: 20 }),
    reach: fc.nat(),
    impact: fc.constantFrom(0.25, 0.5, 1, 2, 3),
    effort: fc.double({ min: 0.1, max: 1000, noNaN: true }),
  })
  .map((r): Initiative =>
    validateEntity('initiative', {
      ...JSON.parse(JSON.stringify(r)),
      dependsOn: [],
      start: '2026-01-01',
      end: '2026-06-30',
      timeCriticality: 3,
      riskReduction: 2,
      jobSize: 5,
      confidence: 80,
    }),
  );

async function roundTrip(items: Initiative[], format: ExportFormat): Promise<EntityRow[]> {
  const chunks: string[] = [];
  for await (const chunk of exportEntities('initiative', items, format)) chunks.push(chunk);
  async function* again(): AsyncGenerator<string> {
    yield* chunks;
  }
  const rows: EntityRow[] = [];
  const reader = format === 'csv' ? readEntityCsv('initiative', again()) : readEntityJson('initiative', again());
  for await (const row of reader) rows.push(row);
  return rows;
}

describe('exportEntities', () => {
  for (const format of ['csv', 'json'] as const) {
    it(`writes ${format} that reads back to the same entities`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(initiative, { selector: (i) => i.key, maxLength: 6 }), async (items) => {
          const rows = await roundTrip(items, format);
          assert.deepEqual(
            rows.map((r) => r.issues),
            items.map(() => undefined),
          );
          assert.deepEqual(
            rows.map((r) => r.entity),
            items,
          );
        }),
        { numRuns: 100 },
      );
    });
  }

  it('writes a header of every field even with nothing to export', async () => {
    const chunks: string[] = [];
    for await (const chunk of exportEntities('kpiMeasurement', [], 'csv')) chunks.push(chunk);
    assert.equal(chunks.join(''), 'id,kpiKey,measuredOn,value,note\r\n');
  });
});
