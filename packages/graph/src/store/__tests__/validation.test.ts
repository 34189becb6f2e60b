import assert from 'node:assert/strict';
import { StoreError, validateEntity } from '@tandem/core';
import { isRetryableFailure } from '../storeErrors.js';
import { loadedOnce, loadValidation } from '../validation.js';

describe('validation loaded on first use', () => {
  it('loads once, and every caller gets what was loaded', async () => {
    let loads = 0;
    const load = loadedOnce(() => Promise.resolve(++loads), 'a test module');
    assert.deepEqual(await Promise.all([load(), load(), load()]), [1, 1, 1]);
    assert.equal(await load(), 1);
    assert.equal(loads, 1);
  });

  it('after a failed load, rejects as unavailable (worth retrying) and loads again on the next call', async () => {
    let loads = 0;
    const load = loadedOnce(() => {
      loads++;
      return loads === 1 ? Promise.reject(new Error('Loading chunk 177 failed')) : Promise.resolve('loaded');
    }, 'the code that checks entities');
    const failure = await load().then(
      () => assert.fail('the first load failed'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof StoreError);
    assert.equal(failure.code, 'unavailable');
    assert.match(failure.message, /could not load the code that checks entities: Loading chunk 177 failed/);
    assert.ok(isRetryableFailure(failure));
    assert.equal(await load(), 'loaded');
    assert.equal(loads, 2);
  });

  it("is core's validation", async () => {
    assert.equal((await loadValidation()).validateEntity, validateEntity);
  });
});
