import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@tandem/tests/browser';
import { serveFixture, type FixtureServer } from './browser/harness.js';
import { horizontalOverflow, openFixture, seriousViolations } from './browser/page.js';
import { injectedInPage } from '../testing/hostileCorpus.js';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'screenshots');

/** Reads a stored initiative through the page's MemoryStore. */
function storedInitiative(page: Page, key: string) {
  return page.evaluate(async (k) => {
    const store = (
      window as unknown as { tandem: { store: { getByKey(kind: string, key: string): Promise<unknown> } } }
    ).tandem.store;
    return (await store.getByKey('initiative', k)) as { value: Record<string, number>; etag: string };
  }, key);
}

describe('@tandem/ui driven like a user, in Chromium', function () {
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

  it('the roadmap shows the demo portfolio, today and the dependencies, filters by status, and moves by keyboard', async () => {
    // Tall enough for every demo row to be rendered by the virtualiser.
    const page = await openFixture(browser, fixture.url, { view: 'roadmap' }, { width: 1280, height: 3200 });
    const bars = page.getByTestId('roadmap-bar');
    await bars.first().waitFor();
    const keys = new Set(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))));
    const open = await page.evaluate(async () => {
      const store = (
        window as unknown as {
          tandem: {
            store: { query(k: string): Promise<{ value: { key: string; status: string; objectiveKeys: string[] } }[]> };
          };
        }
      ).tandem.store;
      return (await store.query('initiative')).filter((i) => i.value.status !== 'cancelled').map((i) => i.value.key);
    });
    assert.ok(open.length >= 15, `demo has ${open.length} initiatives`);
    for (const key of open) assert.ok(keys.has(key), `${key} is on the roadmap`);
    await page
      .getByRole('button', { name: /^INI-1 One-page checkout/ })
      .first()
      .waitFor();
    assert.equal(await page.getByTestId('today-marker').count(), 1);
    // The arrows follow the first bars by a frame (they are worked out once the bars are painted).
    await page.getByTestId('dependency').first().waitFor();
    assert.ok((await page.getByTestId('dependency').count()) > 0, 'dependencies are drawn');

    const total = Number(/^(\d+)/.exec((await page.getByTestId('roadmap-count').textContent()) ?? '')?.[1]);
    const done = page.getByRole('group', { name: /^Status/ }).getByRole('button', { name: 'Done' });
    await done.click();
    await page.waitForFunction(
      (t) => Number(/^(\d+)/.exec(document.querySelector('[data-testid=roadmap-count]')?.textContent ?? '')?.[1]) < t,
      total,
    );
    const filtered = Number(/^(\d+)/.exec((await page.getByTestId('roadmap-count').textContent()) ?? '')?.[1]);
    assert.ok(filtered > 0, `${filtered} done of ${total}`);
    await done.click(); // and off again
    await page.waitForFunction(
      (t) => Number(/^(\d+)/.exec(document.querySelector('[data-testid=roadmap-count]')?.textContent ?? '')?.[1]) === t,
      total,
    );
    const first = bars.first();
    await first.focus();
    const before = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => document.activeElement?.getAttribute('data-key') !== b, before);
    const after = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    await page.keyboard.press('Enter');
    await page.getByTestId('initiative-card').waitFor();
    assert.match(
      (await page.getByTestId('initiative-card').getAttribute('aria-label')) ?? '',
      new RegExp(`^${after} `),
    );
    await page.close();
  });

  it('the roadmap stays virtualised with a thousand more initiatives', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'roadmap', scenario: 'large' });
    await page.getByTestId('roadmap-bar').first().waitFor();
    const count = await page.getByTestId('roadmap-count').textContent();
    const total = Number(/^(\d+)/.exec(count ?? '')?.[1]);
    assert.ok(total >= 1000, count ?? '');
    const rendered = await page.getByTestId('roadmap-bar').count();
    assert.ok(rendered < 300, `only visible rows are in the DOM (${rendered})`);
    const top = new Set(
      await page.getByTestId('roadmap-bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))),
    );
    // The keyboard reaches rows far below the first screen: each is drawn and scrolled into view as focus comes to it.
    await page.getByTestId('roadmap-bar').first().focus();
    for (let n = 0; n < 60; n++) {
      const before = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.barPosition);
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((was) => (document.activeElement as HTMLElement).dataset.barPosition !== was, before);
    }
    const focused = await page.evaluate(() => {
      const bar = document.activeElement as HTMLElement;
      const area = document.querySelector('[data-testid=roadmap-scroll]')!;
      const [b, a] = [bar.getBoundingClientRect(), area.getBoundingClientRect()];
      return {
        position: bar.dataset.barPosition,
        scrolled: area.scrollTop,
        inView: b.top >= a.top && b.bottom <= a.bottom,
      };
    });
    assert.ok(Number(focused.position?.split(':')[0]) >= 60, `focus reached row ${focused.position}`);
    assert.ok(focused.scrolled > 0 && focused.inView, JSON.stringify(focused));
    await page.getByTestId('roadmap-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(
      (seen) =>
        [...document.querySelectorAll('[data-testid=roadmap-bar]')].some(
          (e) => !seen.includes(e.getAttribute('data-key')!),
        ),
      [...top] as string[],
    );
    assert.ok((await page.getByTestId('roadmap-bar').count()) < 300);

    await page.close();
  });

  it('editing a WSJF input shows the rank change, and saving re-ranks and can be undone', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'portfolio' });
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor();
    const last = rows.last();
    const key = (await last.getAttribute('data-key'))!;
    const firstKey = await rows.first().getAttribute('data-key');
    assert.notEqual(key, firstKey);
    await last.getByRole('textbox', { name: `Business value of ${key}` }).fill('20');
    await last.getByRole('textbox', { name: `Job size of ${key}` }).fill('1');
    await last.getByTestId('rank-change').waitFor();
    assert.match((await last.getByTestId('rank-change').textContent()) ?? '', /▲ \d+ #1/);
    await page.screenshot({ path: join(screenshots, 'ui-portfolio-editing-light.png') });
    await last.getByTestId('save').click();
    await page.waitForFunction(
      (k) => document.querySelector('[data-testid=portfolio-row]')?.getAttribute('data-key') === k,
      key,
    );
    assert.equal((await storedInitiative(page, key)).value.businessValue, 20);

    await page.getByTestId('undo').click();
    await page.waitForFunction(
      (k) => document.querySelector('[data-testid=portfolio-row]')?.getAttribute('data-key') !== k,
      key,
    );
    assert.notEqual((await storedInitiative(page, key)).value.businessValue, 20);
    await page.close();
  });

  it('a conflicting change shows both versions and the user picks theirs or mine', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'portfolio' });
    const row = page.getByTestId('portfolio-row').first();
    await row.waitFor();
    const key = (await row.getAttribute('data-key'))!;
    await row.getByRole('textbox', { name: `Risk reduction of ${key}` }).fill('1');
    // Someone else changes the same initiative meanwhile.
    await page.evaluate(async (k) => {
      const store = (
        window as unknown as {
          tandem: {
            store: {
              getByKey(a: string, b: string): Promise<{ value: { id: string }; etag: string }>;
              update(a: string, b: string, c: object, d: string): Promise<unknown>;
            };
          };
        }
      ).tandem.store;
      const current = await store.getByKey('initiative', k);
      await store.update('initiative', current.value.id, { riskReduction: 17 }, current.etag);
    }, key);
    // The edit survives the refresh that the other change caused.
    assert.equal(await row.getByRole('textbox', { name: `Risk reduction of ${key}` }).inputValue(), '1');
    await row.getByTestId('save').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('conflict-mine').first().textContent(), '1');
    assert.equal(await dialog.getByTestId('conflict-theirs').first().textContent(), '17');
    await page.waitForTimeout(400); // let the dialog finish fading in before the picture
    await page.screenshot({ path: join(screenshots, 'ui-portfolio-conflict-light.png') });
    await dialog.getByTestId('conflict-keep-mine').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=conflict-dialog]'));
    await page.waitForFunction(async (k) => {
      const store = (
        window as unknown as {
          tandem: { store: { getByKey(a: string, b: string): Promise<{ value: { riskReduction: number } }> } };
        }
      ).tandem.store;
      return (await store.getByKey('initiative', k)).value.riskReduction === 1;
    }, key);
    await page.close();
  });

  it('without edit rights the scores are read-only and the banner says why', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'portfolio', canEdit: false });
    await page.getByTestId('portfolio-row').first().waitFor();
    assert.equal(await page.getByRole('textbox').count(), 0);
    assert.match((await page.getByTestId('read-only').textContent()) ?? '', /governance members/);
    await page.close();
  });

  it('a user who may edit the site but is not a governance member sees why scores, promotion and votes are off', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'portfolio', member: false });
    const locked = page.getByTestId('scores-locked');
    await locked.waitFor();
    assert.equal(
      (await locked.textContent())?.trim(),
      'Only governance members can change scores — ask a site owner to add you.',
    );
    const inputs = page.getByTestId('input-businessValue');
    assert.ok((await inputs.count()) > 0);
    assert.equal(await inputs.first().isDisabled(), true);
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();

    const ideas = await openFixture(browser, fixture.url, { view: 'ideas', member: false });
    await ideas.getByText('Only governance members can promote ideas — ask a site owner to add you.').first().waitFor();
    await ideas.close();

    // On the board (the fixture's default), the same inputs are live and the settings list the members.
    const member = await openFixture(browser, fixture.url, { view: 'portfolio' });
    await member.getByTestId('portfolio-row').first().waitFor();
    assert.equal(await member.getByTestId('scores-locked').count(), 0);
    assert.equal(await member.getByTestId('input-businessValue').first().isDisabled(), false);
    await member.close();
    const settings = await openFixture(browser, fixture.url, { view: 'settings' });
    await settings.getByRole('row', { name: /Morgan Lee morgan\.lee@contoso\.example Business/ }).waitFor();
    await settings.close();
  });

  it('a new site without governance members says everyone who can edit may act, and takes the first member', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'settings', scenario: 'empty' });
    const note = page.getByTestId('governance-members-note');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /No governance members yet, so everyone who can edit this site/);
    const form = page.getByRole('form', { name: 'Add a governance member' });
    await form.getByLabel('Member name').fill('Morgan Lee');
    await form.getByLabel('Member email').fill('morgan.lee@contoso.example');
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('row', { name: /Morgan Lee morgan\.lee@contoso\.example Business/ }).waitFor();
    const stored = await page.evaluate(async () => {
      const store = (window as unknown as { tandem: { store: { query(kind: string): Promise<unknown[]> } } }).tandem
        .store;
      return (await store.query('siteSettings')) as { value: { governanceMembers?: unknown[] } }[];
    });
    assert.equal(stored[0]?.value.governanceMembers?.length, 1);
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  });

  it('hostile titles and URLs render as inert text in every view', async () => {
    for (const [view, key] of [
      ['roadmap'],
      ['objective', 'OBJ-1'],
      ['portfolio'],
      ['decisions'],
      ['glossary'],
    ] as const) {
      const page = await openFixture(browser, fixture.url, { view, key, scenario: 'hostile' });
      // The objective's title (or, elsewhere, another payload) is on the page as text.
      await page.waitForFunction(() => /data-xss|window\.__xss|\{\{constructor/.test(document.body.innerText));
      if (view === 'roadmap') {
        await page.getByTestId('roadmap-bar').first().click();
        await page.getByTestId('initiative-card').waitFor();
      }
      const probe = await page.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^https?:/i.test(a.getAttribute('href')!))
          .length,
      }));
      assert.deepEqual(probe, { images: 0, scriptLinks: 0 }, view);
      assert.deepEqual(await page.evaluate(injectedInPage), [], `${view}: nothing ran or was injected`);
      if (view === 'objective') {
        // The javascript: URL is shown as plain text, the https one as a link.
        assert.equal(await page.getByRole('link', { name: /javascript-link/ }).count(), 0);
        await page.getByTestId('links-email').getByText('javascript-link').waitFor();
        assert.equal(await page.getByRole('link', { name: /commit/ }).count(), 1);
      }
      await page.close();
    }
  });

  it('shows a skeleton while loading and says what to do when empty', async () => {
    const slow = await openFixture(browser, fixture.url, { view: 'roadmap', latency: 1500 });
    await slow.getByTestId('loading').waitFor();
    // A load that takes a while is shown as Fluent's skeleton (after a moment, so that a quick one does not flash it).
    await slow.getByRole('progressbar', { name: 'Loading the roadmap' }).locator('.fui-SkeletonItem').first().waitFor();
    await slow.getByTestId('roadmap-bar').first().waitFor();
    await slow.close();
    const empty = await openFixture(browser, fixture.url, { view: 'roadmap', scenario: 'empty' });
    await empty.getByText('No initiatives match').waitFor();
    await empty.close();
  });

  it('at 720 px the navigation folds into a menu that still reaches every view', async () => {
    const page = await openFixture(browser, fixture.url, { view: 'roadmap' }, { width: 720, height: 800 });
    await page.getByRole('heading', { level: 1, name: 'Roadmap' }).waitFor();
    assert.equal(await page.getByTestId('nav-kpis').count(), 1); // in the hidden side bar only
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'KPIs' }).click();
    await page.getByRole('heading', { level: 1, name: 'KPIs' }).waitFor();
    assert.equal(await horizontalOverflow(page), 0);
    await page.close();
  });

  it('at 720 px the portfolio keeps the initiative column readable: whole words, a tooltip, no sideways page scroll', async () => {
    for (const canEdit of [true, false]) {
      const page = await openFixture(browser, fixture.url, { view: 'portfolio', canEdit }, { width: 720, height: 800 });
      await page.getByTestId('portfolio-row').first().waitFor();
      const header = page.getByRole('columnheader', { name: 'Initiative' });
      const width = (await header.boundingBox())!.width;
      assert.ok(width >= 200, `the initiative column is ${width} px wide (canEdit ${canEdit})`);
      assert.equal(await horizontalOverflow(page), 0, `the page scrolls sideways (canEdit ${canEdit})`);
      const title = page.getByTestId('portfolio-row').first().locator('[title^="INI-"]').first();
      assert.equal(await title.getAttribute('title'), (await title.textContent())?.trim());
      // Read-only, the score inputs are low priority below 900 px and give way; editable, they stay.
      assert.equal(await page.getByRole('columnheader', { name: 'Value' }).isVisible(), canEdit);
      await page.close();
    }
  });

  it('the meeting panel fits 280 px, links the meeting and records a decision in it', async () => {
    const page = await openFixture(browser, fixture.url, { meeting: true, theme: 'dark' }, { width: 280, height: 900 });
    await page.getByRole('heading', { level: 1, name: 'Checkout steering group' }).waitFor();
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(screenshots, 'ui-meeting-dark.png'), fullPage: true });
    await page.getByRole('combobox', { name: 'Objective or initiative' }).click();
    await page.keyboard.type('OBJ-1 ');
    await page.getByRole('option', { name: /^OBJ-1 / }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Link this meeting' }).click();
    await page
      .getByTestId('meeting-links')
      .getByText(/^OBJ-1 /)
      .waitFor();
    const link = await page.evaluate(async () => {
      const store = (
        window as unknown as {
          tandem: { store: { query(k: string, o: object): Promise<{ value: Record<string, unknown> }[]> } };
        }
      ).tandem.store;
      return (await store.query('link', { where: { externalId: 'meeting-1' } })).map((l) => l.value);
    });
    assert.equal(link.length, 1);
    assert.equal(link[0]!.kind, 'meeting');
    assert.equal(link[0]!.targetKey, 'OBJ-1');
    // The undo notice is up: a status message, with nothing hidden-but-focusable and readable in dark.
    await page.getByRole('status').filter({ hasText: 'Linked to OBJ-1' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'the meeting panel in dark with its undo notice');

    await page.getByRole('textbox', { name: 'Decision title' }).fill('Launch the one-page checkout in June');
    await page.getByRole('textbox', { name: 'Context' }).fill('Pilot conversion is up 0.3 points.');
    await page.getByRole('textbox', { name: 'What is decided' }).fill('Roll out to all markets on 1 June.');
    await page.getByRole('combobox', { name: 'Business approver' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: 'IT approver' }).click();
    await page.getByRole('option').nth(1).click();
    await page.getByRole('button', { name: 'Propose decision' }).click();
    await page
      .getByTestId('meeting-decisions')
      .getByText(/Launch the one-page checkout in June/)
      .waitFor();
    assert.equal(await horizontalOverflow(page), 0);
    await page.close();
  });

  it('the undo notice after linking a meeting passes axe in light and contrast, and Undo removes the link', async () => {
    for (const theme of ['default', 'contrast'] as const) {
      const page = await openFixture(browser, fixture.url, { meeting: true, theme }, { width: 280, height: 900 });
      await page.getByRole('heading', { level: 1, name: 'Checkout steering group' }).waitFor();
      await page.getByRole('combobox', { name: 'Objective or initiative' }).click();
      await page.keyboard.type('OBJ-2 ');
      await page.getByRole('option', { name: /^OBJ-2 / }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Link this meeting' }).click();
      await page.getByRole('status').filter({ hasText: 'Linked to OBJ-2' }).waitFor();
      assert.deepEqual(await seriousViolations(page), [], `the meeting panel in ${theme} with its undo notice`);
      await page.getByRole('button', { name: 'Undo' }).click();
      await page
        .getByTestId('meeting-links')
        .getByText(/^OBJ-2 /)
        .waitFor({ state: 'detached' });
      assert.equal(await page.getByRole('status').filter({ hasText: 'Linked to OBJ-2' }).count(), 0);
      await page.close();
    }
  });
});
