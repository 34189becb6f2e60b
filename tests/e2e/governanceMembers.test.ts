/**
 * Governance members, end to end in Chromium: the tab (production build, served by `tandem start`'s app server) over
 * the local Graph server seeded with the demo portfolio, whose board includes the demo user. A site owner adds a
 * member in Settings; a user taken off the board sees the portfolio's score inputs disabled, with the reason and whom
 * to ask; and the store refuses the change whatever the page does.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import {
  auditedStore,
  GovernanceError,
  governedStore,
  SITE_SETTINGS_ID,
  type GovernanceMember,
  type PersonRef,
} from '@tandem/core';
import { localAppInChromium } from './harness/localAppInChromium.js';
import { seriousAxeViolations } from './harness/pageChecks.js';

const adele: PersonRef = { email: 'adele@contoso.test', displayName: 'Adele Vance' };
const megan: PersonRef = { email: 'megan@contoso.test', displayName: 'Megan Bowen' };

describe('governance members in the Teams tab (Chromium, local server)', function () {
  this.timeout(300_000);
  const started = localAppInChromium();
  let context: BrowserContext;
  let problems: string[];

  async function open(view: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${started.local.url}/tab?view=${view}`);
    return page;
  }

  async function members(): Promise<GovernanceMember[]> {
    return (await started.local.store.get('siteSettings', SITE_SETTINGS_ID))?.value.governanceMembers ?? [];
  }

  beforeEach(async () => {
    problems = [];
    context = await started.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await context.close();
  });

  it('a site owner adds a member in Settings; the list is saved in the site and the change is audited', async () => {
    const before = await members();
    assert.ok(
      before.some((m) => m.person.email === adele.email),
      'the demo board includes the demo user',
    );
    assert.ok(!before.some((m) => m.person.email === 'alex@contoso.test'));

    const page = await open('settings');
    const section = page.getByRole('region', { name: 'Governance members' });
    await section.getByText('Only these people can change scores').waitFor();
    const form = page.getByRole('form', { name: 'Add a governance member' });
    // A malformed email is refused at the field, and nothing is saved.
    await form.getByLabel('Member name').fill('Alex Wilber');
    await form.getByLabel('Member email').fill('alex at contoso');
    await form.getByRole('button', { name: 'Add member' }).click();
    await form.getByText('Email must be an email address').waitFor();
    assert.equal((await members()).length, before.length);

    await form.getByLabel('Member email').fill('alex@contoso.test');
    await form.getByRole('combobox', { name: 'Side' }).click();
    await page.getByRole('option', { name: 'IT' }).click();
    await form.getByRole('button', { name: 'Add member' }).click();
    await section.getByRole('row', { name: /Alex Wilber alex@contoso\.test IT/ }).waitFor();
    // The row shows as soon as the settings change; the form empties once the save has returned — the audit entry
    // written with it included.
    await page.waitForFunction(() => {
      const field = document.querySelector<HTMLInputElement>('form[aria-label="Add a governance member"] input');
      return field?.value === '';
    });

    const after = await members();
    assert.deepEqual(after.at(-1), { person: { displayName: 'Alex Wilber', email: 'alex@contoso.test' }, side: 'it' });
    assert.equal(after.length, before.length + 1);
    const trail = (await started.local.store.query('auditEntry')).map((e) => e.value);
    const entry = trail.find((e) => e.entityKind === 'siteSettings' && e.field === 'governanceMembers');
    assert.ok(entry, 'the member list change is in the audit trail');
    assert.equal(entry.targetKey, 'SETTINGS');
    assert.equal(entry.changedBy.email, adele.email);
    assert.match(entry.after ?? '', /alex@contoso\.test/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.deepEqual(problems, []);
  });

  it('a user taken off the board sees the score inputs disabled with the reason, and the store refuses them', async () => {
    // Megan takes Adele (the tab's user) off the board, as a site owner would, through the audited store.
    const settings = (await started.local.store.get('siteSettings', SITE_SETTINGS_ID))!;
    const board = (settings.value.governanceMembers ?? []).filter((m) => m.person.email !== adele.email);
    assert.ok(board.length > 0);
    await auditedStore(started.local.store, megan, { now: () => new Date() }).update(
      'siteSettings',
      SITE_SETTINGS_ID,
      { governanceMembers: board },
      settings.etag,
    );

    const page = await open('portfolio');
    const reason = page.getByTestId('scores-locked');
    await reason.waitFor();
    assert.equal(
      (await reason.textContent())?.trim(),
      'Only governance members can change scores — ask Megan Bowen to add you.',
    );
    const row = page.getByTestId('portfolio-row').first();
    const key = (await row.getAttribute('data-key'))!;
    const input = page.getByLabel(`Business value of ${key}`);
    assert.equal(await input.isDisabled(), true);
    assert.equal(await input.getAttribute('aria-describedby'), 'scores-locked');

    // Ideas: promoting is off too, and says why.
    const ideas = await open('ideas');
    await ideas.getByText('Only governance members can promote ideas — ask Megan Bowen to add you.').first().waitFor();
    assert.equal(
      await ideas
        .getByRole('button', { name: /^Promote to initiative/ })
        .first()
        .isDisabled(),
      true,
    );

    // The rule holds in the store, not only in the page: the same write as Adele is refused, as Megan it is kept.
    const stored = (await started.local.store.getByKey('initiative', key))!;
    await assert.rejects(
      governedStore(started.local.store, adele).update(
        'initiative',
        stored.value.id,
        { businessValue: 20 },
        stored.etag,
      ),
      (e: unknown) => e instanceof GovernanceError && e.code === 'notGovernanceMember',
    );
    const saved = await governedStore(started.local.store, megan).update(
      'initiative',
      stored.value.id,
      { businessValue: stored.value.businessValue === 20 ? 19 : 20 },
      stored.etag,
    );
    assert.notEqual(saved.value.businessValue, stored.value.businessValue);
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.deepEqual(problems, []);
  });
});
