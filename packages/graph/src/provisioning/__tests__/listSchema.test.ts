import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_KINDS } from '@tandem/core';
import { generatedAndExpected } from '../../../../../shared/generated.mjs';
import { clientIdColumn, keyColumn, listSchemas, schemaFingerprint } from '../listSchema.js';
import { listColumnsSource } from '../listSchemaSource.js';
import { decodeItem, encodeFields } from '../../store/itemCodec.js';
import { anInitiative } from '../../__tests__/builders.js';

describe('the entity ↔ SharePoint mapping', () => {
  it('has the generated columns the entity schemas make now (npm run generate -w @tandem/graph)', async () => {
    const file = fileURLToPath(new URL('../listColumns.generated.ts', import.meta.url));
    const [generated, expected] = await generatedAndExpected(file, listColumnsSource());
    assert.equal(generated, expected, 'listColumns.generated.ts is stale: run npm run generate -w @tandem/graph');
  });

  it('gives every kind its list, a client-id column, Key for keys and Title for titles', () => {
    assert.deepEqual(Object.keys(listSchemas), ENTITY_KINDS);
    for (const kind of ENTITY_KINDS) {
      const schema = listSchemas[kind];
      assert.match(schema.displayName, /^Tandem /);
      const id = schema.fields.find((f) => f.field === 'id');
      assert.deepEqual([id?.column, id?.indexed], [clientIdColumn, true], kind);
      const key = schema.fields.find((f) => f.field === 'key');
      if (key) assert.deepEqual([key.column, key.indexed], [keyColumn, true], kind);
      const columns = schema.fields.map((f) => f.column);
      assert.equal(new Set(columns).size, columns.length, `${kind}: one column per field`);
      for (const f of schema.fields) {
        assert.ok(
          !['Author', 'Editor', 'Created', 'Modified', 'ID'].includes(f.column),
          `${kind}.${f.field} avoids ${f.column}`,
        );
        if (f.indexed)
          assert.ok(f.type !== 'note' && f.type !== 'json', `${kind}.${f.field}: long text is never indexed`);
      }
    }
    assert.equal(listSchemas.initiative.fields.find((f) => f.field === 'title')?.column, 'Title');
    assert.equal(listSchemas.kpi.fields.find((f) => f.field === 'name')?.column, 'Title');
    assert.equal(listSchemas.initiative.fields.find((f) => f.field === 'objectiveKeys')?.type, 'json');
    assert.equal(listSchemas.link.fields.find((f) => f.field === 'targetKey')?.indexed, true);
    // Governance members: a JSON column, optional, so a settings item saved before it existed still reads.
    assert.deepEqual(
      listSchemas.siteSettings.fields
        .filter((f) => f.field === 'governanceMembers')
        .map((f) => [f.column, f.type, f.required]),
      [['GovernanceMembers', 'json', false]],
    );
    assert.ok(listSchemas.auditEntry.fields.find((f) => f.field === 'entityKind')?.choices?.includes('siteSettings'));
    assert.match(schemaFingerprint(), /^\d+\.[0-9a-f]{8}$/);
  });

  it('encodes arrays and people as JSON text and decodes them back', async () => {
    const initiative = anInitiative(3, { objectiveKeys: ['OBJ-1', 'OBJ-4'] });
    const fields = encodeFields('initiative', initiative);
    assert.equal(fields.ObjectiveKeys, '["OBJ-1","OBJ-4"]');
    assert.equal(fields.Title, initiative.title);
    const back = await decodeItem('initiative', { id: '9', eTag: '"x,1"', fields });
    assert.deepEqual(back.value, initiative);
    assert.equal(back.itemId, '9');
  });

  it('names the item and the column of a malformed cell', async () => {
    const fields = { ...encodeFields('initiative', anInitiative(4)), ObjectiveKeys: '[not json' };
    await assert.rejects(
      decodeItem('initiative', { id: '12', eTag: '"x,1"', fields }),
      (e: Error & { issues?: { path: string }[] }) =>
        /list item 12/.test(e.message) && e.issues?.[0]?.path === 'objectiveKeys (column ObjectiveKeys)',
    );
  });

  it('keeps Node built-ins out of the browser entry (only @tandem/graph/node may use them)', async () => {
    const src = join(fileURLToPath(import.meta.url), '..', '..', '..');
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== '__tests__' && !(dir === src && entry.name === 'node')) await walk(path);
        } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.bench.ts') && entry.name !== 'node.ts') {
          if (/from '(node:|fs|path|os|crypto)/.test(await readFile(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    await walk(src);
    assert.deepEqual(offenders, []);
  });
});
