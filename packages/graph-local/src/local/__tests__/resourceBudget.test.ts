import { strict as assert } from 'node:assert';
import type { ServerClock } from '../../http/clock.js';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

/** A clock the test moves by hand. */
class ManualClock implements ServerClock {
  private ms = Date.parse('2026-05-01T09:00:00Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

describe('SharePoint resource unit budget', () => {
  let h: Harness;
  const clock = new ManualClock();
  before(async () => {
    h = await startHarness({ clock, resourceUnitsPerMinute: 4 });
  });
  after(() => h.close());

  it('throttles an app past its units for the minute, with Retry-After, and lets it back after the minute', async () => {
    const client = await h.client('adele@contoso.test', 'budget-app');
    await client.api('/sites/root').get(); // 1 unit
    await client.api('/sites/root/lists').get(); // 2 units
    await client.api('/sites/root').get(); // 1 unit: 4 spent
    clock.advance(20);
    const e = await expectGraphError(() => client.api('/sites/root').get());
    assert.equal(e.statusCode, 429);
    assert.equal(e.code, 'TooManyRequests');
    assert.equal(e.headers?.get('retry-after'), '40');
    const other = await h.client('adele@contoso.test', 'another-app');
    await other.api('/sites/root').get();
    await client.api('/me').get(); // Outlook and directory calls are not SharePoint's budget
    clock.advance(41);
    await client.api('/sites/root').get();
  });

  it('is changed or lifted through /_local/limits', async () => {
    await h.local('POST', '/_local/limits', { resourceUnitsPerMinute: null });
    const client = await h.client('adele@contoso.test', 'unlimited-app');
    for (let i = 0; i < 10; i++) await client.api('/sites/root').get();
    await assert.rejects(h.local('POST', '/_local/limits', { resourceUnitsPerMinute: 0 }), /400/);
  });
});
