import assert from 'node:assert/strict';
import { ConflictError, NotFoundError, ValidationError, type StoreChange } from '@tandem/core';
import { MemoryStore } from '../MemoryStore.js';
import { anInitiative, anObjective } from '../builders.js';

describe('MemoryStore keeps the Store contract', () => {
  it('creates idempotently by id and refuses a key held by another item', async () => {
    const store = new MemoryStore();
    const objective = anObjective();
    const first = await store.create('objective', objective);
    const again = await store.create('objective', { ...objective, title: 'Changed on retry' });
    assert.equal(again.etag, first.etag);
    assert.equal(again.value.title, 'Grow online sales');
    await assert.rejects(
      store.create('objective', anObjective({ key: objective.key })),
      (e: unknown) => e instanceof ConflictError && (e.theirs?.value as { id: string }).id === objective.id,
    );
  });

  it('validates before writing and names the field', async () => {
    const store = new MemoryStore();
    await assert.rejects(store.create('initiative', anInitiative({ jobSize: 0 })), (e: unknown) => {
      return e instanceof ValidationError && e.issues.some((i) => i.path === 'jobSize');
    });
    assert.equal((await store.query('initiative')).length, 0);
  });

  it('updates with the ETag read, and rejects a stale one with both versions', async () => {
    const store = new MemoryStore();
    const created = await store.create('initiative', anInitiative());
    const mine = await store.update('initiative', created.value.id, { businessValue: 13 }, created.etag);
    assert.notEqual(mine.etag, created.etag);
    assert.equal(mine.value.businessValue, 13);
    await assert.rejects(
      store.update('initiative', created.value.id, { businessValue: 2 }, created.etag),
      (e: unknown) =>
        e instanceof ConflictError &&
        (e.mine as { businessValue: number }).businessValue === 2 &&
        e.theirs?.etag === mine.etag,
    );
    await assert.rejects(store.update('initiative', crypto.randomUUID(), {}, mine.etag), NotFoundError);
  });

  it('never lets a patch change the id or the key', async () => {
    const store = new MemoryStore();
    const created = await store.create('initiative', anInitiative());
    const patch = { key: 'INI-99', id: 'x', title: 'Renamed' } as unknown as { title: string };
    const updated = await store.update('initiative', created.value.id, patch, created.etag);
    assert.equal(updated.value.key, 'INI-1');
    assert.equal(updated.value.id, created.value.id);
  });

  it('queries with where, orderBy and top, and finds by key', async () => {
    const store = new MemoryStore();
    await store.seed('initiative', [
      anInitiative({ key: 'INI-1', businessValue: 3, status: 'done' }),
      anInitiative({ key: 'INI-2', businessValue: 8 }),
      anInitiative({ key: 'INI-3', businessValue: 5 }),
    ]);
    const open = await store.query('initiative', {
      where: { status: 'inProgress' },
      orderBy: { field: 'businessValue', direction: 'desc' },
    });
    assert.deepEqual(
      open.map((r) => r.value.key),
      ['INI-2', 'INI-3'],
    );
    assert.equal((await store.query('initiative', { top: 1 })).length, 1);
    assert.equal((await store.getByKey('initiative', 'INI-3'))?.value.businessValue, 5);
    assert.equal(await store.getByKey('initiative', 'INI-9'), undefined);
  });

  it('hands out copies, and tells watchers about every change', async () => {
    const store = new MemoryStore();
    const changes: StoreChange[] = [];
    const stop = store.watch((c) => changes.push(c));
    const created = await store.create('objective', anObjective());
    created.value.title = 'mutated by a caller';
    assert.equal((await store.get('objective', created.value.id))?.value.title, 'Grow online sales');
    await store.delete('objective', created.value.id, created.etag);
    stop();
    await store.create('objective', anObjective({ key: 'OBJ-2' }));
    assert.deepEqual(
      changes.map((c) => [c.kind, c.deleted === true]),
      [
        ['objective', false],
        ['objective', true],
      ],
    );
  });
});
