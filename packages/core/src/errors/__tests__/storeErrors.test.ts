import { strict as assert } from 'node:assert';
import { ConflictError, NotFoundError, StoreError, ValidationError } from '@tandem/core';

describe('store errors', () => {
  it('carry codes callers can branch on and stay StoreErrors', () => {
    const conflict = new ConflictError('stale', { title: 'mine' }, { value: { title: 'theirs' }, etag: '"2"' });
    const missing = new NotFoundError('initiative', 'abc');
    const invalid = new ValidationError('objective', [{ path: 'title', message: 'is required' }]);
    for (const [error, code] of [
      [conflict, 'conflict'],
      [missing, 'notFound'],
      [invalid, 'validation'],
    ] as const) {
      assert.ok(error instanceof StoreError);
      assert.ok(error instanceof Error);
      assert.equal(error.code, code);
    }
    assert.deepEqual(conflict.mine, { title: 'mine' });
    assert.equal(conflict.theirs?.etag, '"2"');
    assert.match(missing.message, /initiative abc/);
    assert.equal(invalid.message, 'invalid objective: title: is required');
    assert.equal(new StoreError('throttled', 'slow down').code, 'throttled');
  });
});
