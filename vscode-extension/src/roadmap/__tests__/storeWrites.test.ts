import * as assert from 'node:assert/strict';
import { ValidationError, type Initiative } from '@tandem/core';
import { emptyPortfolio } from '../../data/portfolio.js';
import { keptReply, writeOf } from '../storeWrites.js';
import type { StoreCall } from '../storeProtocol.js';

const call = (method: StoreCall['method'], ...args: unknown[]): StoreCall => ({ type: 'store', id: 1, method, args });

describe('Roadmap store writes, for the outbox', () => {
  const initiative = {
    id: '5f1b4a52-0c1e-4f8e-9d3a-1b2c3d4e5f60',
    key: 'INI-42',
    title: 'Offline basket',
    status: 'proposed',
    objectiveKeys: [],
    keyResultKeys: [],
  } as unknown as Initiative;

  it('turns creates, updates and deletes into outbox writes, and reads into none', () => {
    assert.equal(writeOf(call('query', 'initiative')), undefined);
    assert.equal(writeOf(call('get', 'initiative', initiative.id)), undefined);
    assert.deepEqual(writeOf(call('update', 'initiative', initiative.id, { title: 'Basket' }, 'W/"3"')), {
      op: 'update',
      kind: 'initiative',
      id: initiative.id,
      patch: { title: 'Basket' },
      etag: 'W/"3"',
    });
    assert.deepEqual(writeOf(call('delete', 'initiative', initiative.id, 'W/"3"')), {
      op: 'delete',
      kind: 'initiative',
      id: initiative.id,
      etag: 'W/"3"',
    });
  });

  it('checks what crossed the webview boundary before anything is kept', () => {
    assert.throws(() => writeOf(call('create', 'initiative', { title: 'no key' })), ValidationError);
    assert.throws(
      () => writeOf(call('update', 'initiative', initiative.id, 'title', 'W/"3"')),
      /patch must be an object/,
    );
    assert.throws(() => writeOf(call('update', 'initiative', 7, {}, 'W/"3"')), /id must be a string/);
    assert.throws(() => writeOf(call('delete', 'initiative', initiative.id)), /etag must be a string/);
  });

  it('answers a kept update with the cached item and the patch applied, a kept delete with nothing', () => {
    const portfolio = { ...emptyPortfolio(), initiatives: [initiative] };
    const reply = keptReply(
      { op: 'update', kind: 'initiative', id: initiative.id, patch: { title: 'Basket' }, etag: 'W/"3"' },
      portfolio,
    ) as { value: Initiative; etag: string };
    assert.equal(reply.value.title, 'Basket');
    assert.equal(reply.value.key, 'INI-42', 'the rest of the item is the cached one');
    assert.equal(reply.etag, 'W/"3"');
    assert.equal(keptReply({ op: 'delete', kind: 'initiative', id: initiative.id, etag: 'x' }, portfolio), undefined);
  });
});
