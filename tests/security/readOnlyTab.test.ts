import assert from 'node:assert/strict';
import { demoUser } from '@tandem/cli';
import { readOnlyReasonForDeniedWrite } from '../../teams-app/src/host/siteAccess.js';
import { localAppInChromium } from '../e2e/harness/localAppInChromium.js';
import { recordFigures } from '../reliability/harness/figures.js';
import { callLocal } from '../reliability/harness/localServer.js';

describe('security: a site reader in the tab', function () {
  this.timeout(300_000);
  const started = localAppInChromium();

  it('reads everything; the first refused edit turns the tab read-only and says why', async () => {
    const before = (await started.local.store.query('glossaryTerm')).length;
    // The demo user keeps reading the site but may no longer change it (SharePoint's Visitors).
    await callLocal(started.local.graph.origin, 'POST', 'token', { user: demoUser, role: 'reader' });
    const page = await (await started.browser.newContext()).newPage();
    await page.goto(`${started.local.url}/tab?view=glossary`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const form = page.getByRole('form', { name: 'Add a glossary term' });
    await form.getByLabel('Business term').fill('Churn');
    await form.getByLabel('Technical term').fill('subscription_cancelled');
    await form.getByRole('button', { name: 'Add term' }).click();

    await page.getByText(readOnlyReasonForDeniedWrite).waitFor();
    assert.equal(await form.count(), 0, 'the add form is gone once the tab is read-only');
    assert.ok((await page.locator('main, [role="main"], body').first().innerText()).length > 0, 'the view still reads');
    assert.equal((await started.local.store.query('glossaryTerm')).length, before, 'nothing was written');
    recordFigures('security-readonly', {
      title: 'Security: read-only users',
      summary:
        'A site reader (the local server\'s "reader" role: SharePoint\'s Visitors) reads every view; the first write the site refuses (403 accessDenied) turns the tab read-only with the reason shown.',
      figures: { termsWritten: 0, reasonShown: readOnlyReasonForDeniedWrite },
    });
  });
});
