import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@tandem/tests/browser';
import { serveFixture, type FixtureServer } from './browser/harness.js';
import { horizontalOverflow, openFixture, seriousViolations } from './browser/page.js';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'screenshots');

describe('@tandem/ui in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let fixture: FixtureServer;

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    fixture = await serveFixture();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await fixture?.close();
  });

  it('shows the glossary', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'glossary', scenario: 'hostile' });
    await page.getByRole('heading', { name: 'Glossary' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'ui-glossary-light.png') });
    assert.deepEqual(await seriousViolations(page), []);
    assert.equal(await horizontalOverflow(page), 0);
    await page.close();
  });
});
