import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@tandem/tests/browser';
import { serveFixture, type FixtureServer } from './browser/harness.js';
import { horizontalOverflow, openFixture, seriousViolations } from './browser/page.js';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'screenshots');

/** Each view and the heading that says it has rendered. */
const views: { view: string; heading: string | RegExp; key?: string }[] = [
  { view: 'roadmap', heading: 'Roadmap' },
  { view: 'objective', heading: /^OBJ-\d+ /, key: 'OBJ-1' },
  { view: 'portfolio', heading: 'Portfolio' },
  { view: 'kpis', heading: 'KPIs' },
  { view: 'services', heading: 'Services and SLAs' },
  { view: 'decisions', heading: 'Decisions' },
  { view: 'checkins', heading: 'Check-ins' },
  { view: 'ideas', heading: 'Ideas' },
  { view: 'glossary', heading: 'Glossary' },
  { view: 'planning', heading: 'Planning' },
  { view: 'feedback', heading: 'Feedback' },
  { view: 'history', heading: 'History' },
  { view: 'settings', heading: 'Settings' },
];

describe('@tandem/ui in Chromium', function () {
  this.timeout(300_000);
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

  for (const { view, heading, key } of views) {
    it(`${view}: no serious axe violation in light, dark and contrast; no sideways scroll at 720 px`, async () => {
      for (const theme of ['default', 'dark', 'contrast'] as const) {
        const page = await openFixture(browser, fixture.url, { view, theme, key }, { width: 720, height: 900 });
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForTimeout(150);
        assert.equal(await horizontalOverflow(page), 0, `${view} in ${theme} scrolls sideways at 720 px`);
        assert.deepEqual(await seriousViolations(page), [], `${view} in ${theme}`);
        if (theme !== 'contrast') {
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.waitForTimeout(150);
          const name = theme === 'default' ? 'light' : 'dark';
          await page.screenshot({ path: join(screenshots, `ui-${view}-${name}.png`) });
        }
        assert.deepEqual((page as unknown as { tandemErrors: string[] }).tandemErrors, []);
        await page.close();
      }
    });
  }
});
