import assert from 'node:assert/strict';
import {
  auditedKinds,
  auditedStore,
  defaultSiteSettings,
  ENTITY_KINDS,
  membershipOf,
  SITE_SETTINGS_ID,
} from '@tandem/core';
import { GraphStore } from '../../store/graphStore.js';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provision } from '../provision.js';
import { resolveSite } from '../resolveSite.js';
import { connectSite } from '../connectSite.js';
import { GraphError } from '../../client/graphError.js';
import { listSchemas, settingsListName } from '../listSchema.js';

describe('provisioning against the local server', () => {
  let graph: LocalGraph;
  before(async () => {
    graph = await startLocalGraph();
  });
  after(() => graph.close());

  it('creates one list per entity kind with typed, indexed columns, then does nothing the second time', async () => {
    const client = graph.client();
    const site = await resolveSite(client, 'root');
    const first = await provision(client, site.id);
    assert.equal(first.previousVersion, undefined);
    assert.equal(first.createdLists.length, ENTITY_KINDS.length + 1);
    assert.ok(first.createdLists.includes('Tandem Objectives'));
    assert.ok(first.createdLists.includes('Tandem Initiatives'));
    assert.ok(first.createdLists.includes('Tandem Links'));
    assert.ok(first.createdLists.includes(settingsListName));

    const columns = (
      await client.get<{
        value: { name: string; indexed?: boolean; text?: object; number?: object; choice?: object }[];
      }>(`/sites/${site.id}/lists/${first.listIds.objective}/columns`)
    ).value;
    const byName = new Map(columns.map((c) => [c.name, c]));
    assert.ok(byName.get('Title'));
    assert.equal(byName.get('Key')?.indexed, true);
    assert.equal((byName.get('Key') as { enforceUniqueValues?: boolean }).enforceUniqueValues, true);
    assert.equal(byName.get('TandemId')?.indexed, true);
    assert.equal(byName.get('ParentKey')?.indexed, true);
    assert.ok(byName.get('Status')?.choice, 'status is a choice column');
    assert.ok(byName.get('Weight')?.number, 'weight is a number column');

    const connected = await connectSite(client, site.webUrl);
    assert.deepEqual(connected, { siteId: site.id, listIds: first.listIds });

    const second = await provision(client, site.id);
    assert.deepEqual(second.createdLists, []);
    assert.deepEqual(second.addedColumns, []);
    assert.equal(second.previousVersion, first.version);
    assert.deepEqual(second.listIds, first.listIds);
  });

  it('upgrades an older site in place: adds missing columns, indexes filtered ones, keeps the data', async () => {
    const old = await startLocalGraph();
    try {
      const client = old.client();
      const site = await resolveSite(client, 'root');
      // What an older version left behind: the glossary with Title only (holding an item), links with an unindexed TargetKey.
      const glossary = await client.post<{ id: string }>(`/sites/${site.id}/lists`, {
        displayName: listSchemas.glossaryTerm.displayName,
        list: { template: 'genericList' },
      });
      const item = await client.post<{ id: string }>(`/sites/${site.id}/lists/${glossary.id}/items`, {
        fields: { Title: 'kept' },
      });
      await client.post(`/sites/${site.id}/lists`, {
        displayName: listSchemas.link.displayName,
        columns: [{ name: 'TargetKey', text: {}, indexed: false }],
        list: { template: 'genericList' },
      });

      const result = await provision(client, site.id);
      assert.equal(result.listIds.glossaryTerm, glossary.id);
      assert.ok(!result.createdLists.includes(listSchemas.glossaryTerm.displayName));
      assert.ok(result.addedColumns.includes('Tandem Glossary/TechnicalTerm'), result.addedColumns.join());
      assert.ok(result.addedColumns.includes('Tandem Glossary/TandemId'));
      assert.deepEqual(result.indexedColumns, ['Tandem Links/TargetKey']);
      const kept = await client.get<{ fields: { Title: string } }>(
        `/sites/${site.id}/lists/${glossary.id}/items/${item.id}?$expand=fields`,
      );
      assert.equal(kept.fields.Title, 'kept');

      // A changed version mark (an older build) makes the next run check every list again, and change nothing more.
      const settings = await client.get<{ value: { id: string; fields: { Title: string } }[] }>(
        `/sites/${site.id}/lists/${result.settingsListId}/items?$expand=fields`,
      );
      const mark = settings.value.find((i) => i.fields.Title === 'schemaVersion')!;
      await client.patch(`/sites/${site.id}/lists/${result.settingsListId}/items/${mark.id}/fields`, {
        Value: '0.old',
      });
      const again = await provision(client, site.id);
      assert.equal(again.previousVersion, '0.old');
      assert.deepEqual(
        [again.createdLists, again.addedColumns, again.indexedColumns, again.widenedColumns],
        [[], [], [], []],
      );
      const third = await provision(client, site.id);
      assert.equal(third.previousVersion, result.version);
    } finally {
      await old.close();
    }
  });

  it('upgrades a site from before governance members: its settings load with an empty list, and changes are audited', async () => {
    const old = await startLocalGraph();
    try {
      const client = old.client();
      const site = await resolveSite(client, 'root');
      // The settings list and the audit log as the previous schema made them: no GovernanceMembers column, and an
      // EntityKind choice that did not yet offer siteSettings.
      const settingsList = await client.post<{ id: string }>(`/sites/${site.id}/lists`, {
        displayName: listSchemas.siteSettings.displayName,
        columns: [
          { name: 'TandemId', text: {}, indexed: true, enforceUniqueValues: true },
          { name: 'DecisionQuorumBusiness', number: {} },
          { name: 'DecisionQuorumIt', number: {} },
        ],
        list: { template: 'genericList' },
      });
      await client.post(`/sites/${site.id}/lists/${settingsList.id}/items`, {
        fields: { Title: 'Site settings', TandemId: SITE_SETTINGS_ID, DecisionQuorumBusiness: 2, DecisionQuorumIt: 1 },
      });
      await client.post(`/sites/${site.id}/lists`, {
        displayName: listSchemas.auditEntry.displayName,
        columns: [{ name: 'EntityKind', choice: { choices: auditedKinds.filter((k) => k !== 'siteSettings') } }],
        list: { template: 'genericList' },
      });

      const result = await provision(client, site.id);
      assert.ok(result.addedColumns.includes('Tandem Site Settings/GovernanceMembers'), result.addedColumns.join());
      assert.deepEqual(result.widenedColumns, ['Tandem Audit Log/EntityKind']);
      const column = (
        await client.get<{ value: { name: string; choice?: { choices: string[] }; text?: object }[] }>(
          `/sites/${site.id}/lists/${result.listIds.auditEntry}/columns`,
        )
      ).value.find((c) => c.name === 'EntityKind');
      assert.ok(column?.choice?.choices.includes('siteSettings'));

      const store = new GraphStore(client, { siteId: site.id, listIds: result.listIds });
      const loaded = await store.get('siteSettings', SITE_SETTINGS_ID);
      assert.equal(loaded?.value.decisionQuorumBusiness, 2);
      assert.equal(loaded?.value.governanceMembers, undefined);
      assert.equal(membershipOf(loaded?.value, { email: 'lee@contoso.test', displayName: 'Lee Gu' }).open, true);

      const adele = { email: 'adele@contoso.test', displayName: 'Adele Vance' };
      const audited = auditedStore(store, adele, { now: () => new Date('2026-03-20T12:00:00Z') });
      const saved = await audited.update(
        'siteSettings',
        SITE_SETTINGS_ID,
        { governanceMembers: [{ person: adele, side: 'business' }] },
        loaded!.etag,
      );
      assert.deepEqual(saved.value.governanceMembers, [{ person: adele, side: 'business' }]);
      const trail = await store.query('auditEntry');
      assert.deepEqual(
        trail.map((e) => [e.value.entityKind, e.value.targetKey, e.value.field]),
        [['siteSettings', 'SETTINGS', 'governanceMembers']],
      );
      assert.equal(defaultSiteSettings.governanceMembers, undefined);
    } finally {
      await old.close();
    }
  });

  it('refuses to connect to a site that was never provisioned, naming the missing lists', async () => {
    const empty = await startLocalGraph();
    try {
      await assert.rejects(connectSite(empty.client()), (e: unknown) => {
        assert.ok(e instanceof GraphError);
        assert.equal(e.code, 'notProvisioned');
        assert.match(e.message, /Tandem Objectives/);
        return true;
      });
    } finally {
      await empty.close();
    }
  });

  it('resolves a site by URL and by id', async () => {
    const client = graph.client();
    const root = await resolveSite(client, 'root');
    const byId = await resolveSite(client, root.id);
    assert.equal(byId.id, root.id);
    const byUrl = await resolveSite(client, root.webUrl);
    assert.equal(byUrl.id, root.id);
  });
});
