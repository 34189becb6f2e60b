/**
 * The Outlook task pane end to end in headless Chromium: the production build served by `tandem start`'s app server,
 * the real office.js from its npm package, the project's own `Office.context.mailbox` stub for read, compose and
 * appointment items, and the local Graph server seeded with the demo portfolio and the same messages and meetings.
 * Everything the pane writes is checked in the local server through Graph.
 */
import assert from 'node:assert/strict';
import type { Event, Message } from '@microsoft/microsoft-graph-types';
import type { BrowserContext, Page } from 'playwright-core';
import { linksExtensionName } from '@tandem/graph';
import { localAppInChromium } from './harness/localAppInChromium.js';
import { horizontalOverflow, keepScreenshot, seriousAxeViolations } from './harness/pageChecks.js';
import {
  addOutlookStub,
  ewsIdOf,
  selectStubItem,
  stubState,
  type StubConfig,
  type StubItem,
} from './outlookMailboxStub.js';

const adele = { emailAddress: 'adele@contoso.test', displayName: 'Adele Vance' };
const lightTheme = { bodyBackgroundColor: '#ffffff', isDarkTheme: false };
const darkTheme = { bodyBackgroundColor: '#292929', isDarkTheme: true };
const hostileSubject =
  '<img src=x onerror="window.tandemPwned=1"><script>window.tandemPwned=2</script> <b>Budget</b> & "quotes"';

interface Seeded {
  id: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
}

describe('Outlook task pane in Chromium', function () {
  this.timeout(600_000);
  const started = localAppInChromium();
  let context: BrowserContext;
  let problems: string[];
  const mail: Record<string, Seeded> = {};
  let meeting: Event & { id: string };

  async function localPost<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${started.local.graph.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as T;
  }

  const seedMessage = (subject: string, extra: Record<string, unknown> = {}) =>
    localPost<Seeded>('/_local/mailboxes/adele@contoso.test/messages', {
      subject,
      from: 'megan@contoso.test',
      body: 'Private body text that must never leave the mailbox.',
      categories: ['Red category', 'Follow up'],
      ...extra,
    });

  before(async () => {
    mail.explicit = await seedMessage('[INI-7] One-page checkout: basket and delivery numbers', {
      conversationId: 'conv-e2e-checkout',
      receivedDateTime: '2026-03-02T09:00:00Z',
    });
    mail.reply = await seedMessage('Re: [INI-7] One-page checkout: basket and delivery numbers', {
      conversationId: 'conv-e2e-checkout',
      receivedDateTime: '2026-03-03T09:00:00Z',
    });
    mail.hostile = await seedMessage(hostileSubject);
    mail.keyboard = await seedMessage('[INI-5] Notes from the planning session');
    mail.throttled = await seedMessage('Store pilot figures for the steering group [INI-3]');
    meeting = await localPost<Event & { id: string }>('/_local/mailboxes/adele@contoso.test/events', {
      subject: 'Checkout steering <i>committee</i>',
      start: new Date(Date.now() + 86_400_000).toISOString(),
      end: new Date(Date.now() + 90_000_000).toISOString(),
      attendees: ['megan@contoso.test'],
      isOnlineMeeting: true,
    });
  });
  beforeEach(() => {
    problems = [];
  });
  afterEach(async () => {
    await context?.close();
    assert.deepEqual(problems, [], 'no page errors or CSP violations');
  });

  const readItem = (m: Seeded): StubItem => ({
    mode: 'read',
    itemType: 'message',
    ewsId: ewsIdOf(m.id),
    subject: m.subject,
    internetMessageId: m.internetMessageId,
    conversationId: m.conversationId,
    from: { emailAddress: 'megan@contoso.test', displayName: 'Megan Bowen' },
    categories: ['Red category', 'Follow up'],
  });

  async function openPane(
    stub: Omit<StubConfig, 'userProfile'> | undefined,
    query = '?host=outlook',
    viewport = { width: 360, height: 900 },
  ): Promise<Page> {
    context = await started.browser.newContext({ viewport });
    if (stub) await addOutlookStub(context, { userProfile: adele, ...stub });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      // Outside Office, office.js frames its telemetry page; the local CSP refuses it and nothing else depends on it.
      if (/Content Security Policy/.test(text) && !/oaspapps\.com/.test(text)) problems.push(text);
    });
    await page.goto(`${started.local.url}/outlook/taskpane${query}`);
    await page.locator('html[data-ready="true"]').waitFor();
    return page;
  }

  async function messageOnServer(id: string) {
    const message = await started.local.client.get<
      Omit<Message, 'extensions'> & { extensions?: { extensionName?: string; keys?: string[] }[] }
    >(`/me/messages/${id}?$select=categories&$expand=extensions`);
    return {
      categories: message.categories ?? [],
      keys: message.extensions?.find((e) => e.extensionName === linksExtensionName)?.keys ?? [],
      extensions: message.extensions ?? [],
    };
  }

  async function linksOf(externalId: string) {
    return (await started.local.store.query('link')).map((s) => s.value).filter((l) => l.externalId === externalId);
  }

  it('reads the open message once, however often the portfolio redraws the pane', async () => {
    const page = await openPane({ items: [readItem(mail.explicit!)], selected: 0, officeTheme: lightTheme });
    await page.locator('[data-testid="suggestions"] > li').first().waitFor();
    await page.waitForLoadState('networkidle');
    const reads = await page.evaluate(
      (id) => performance.getEntriesByType('resource').filter((e) => e.name.includes(`/me/messages/${id}?`)).length,
      mail.explicit!.id,
    );
    assert.equal(reads, 1, 'the message is read once, not again with each redraw');
  });

  it('reads a message: suggestions rank the explicit [INI-7] first, one click tags, untag removes exactly that', async () => {
    const page = await openPane({ items: [readItem(mail.explicit!)], selected: 0, officeTheme: lightTheme });
    const suggestions = page.locator('[data-testid="suggestions"] > li');
    await suggestions.first().waitFor();
    const keys = await suggestions.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.equal(keys[0], 'INI-7', `explicit key first, got ${keys.join(', ')}`);
    assert.ok(keys.includes('INI-1'), 'the title match (One-page checkout) is suggested after it');
    const state = await stubState(page);
    assert.ok(
      state.calls.some(
        (c) => c.name === 'convertToRestId' && c.args[0] === ewsIdOf(mail.explicit!.id) && c.args[1] === 'v2.0',
      ),
      'the item id is converted to a REST id for Graph',
    );
    assert.ok(state.calls.some((c) => c.name === 'addHandlerAsync' && c.args[0] === 'olkItemSelectedChanged'));
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.equal(await horizontalOverflow(page), 0, 'fits 360 px without sideways scrolling');
    await keepScreenshot(page, 'outlook-read.png');

    await page.getByRole('button', { name: 'Tag with INI-7' }).click();
    await page.locator('[data-testid="tagged-list"]').getByText('INI-7', { exact: true }).waitFor();
    let server = await messageOnServer(mail.explicit!.id);
    assert.deepEqual(server.categories, ['Red category', 'Follow up', 'INI-7'], "the user's own categories stay");
    assert.deepEqual(server.keys, ['INI-7']);
    const links = await linksOf(mail.explicit!.internetMessageId);
    assert.equal(links.length, 1);
    assert.equal(links[0]!.kind, 'email');
    assert.equal(links[0]!.targetKey, 'INI-7');
    assert.equal(links[0]!.title, mail.explicit!.subject);
    assert.equal(links[0]!.author?.email, 'megan@contoso.test');
    assert.equal(links[0]!.linkedBy.email, adele.emailAddress);
    assert.ok(!JSON.stringify(links[0]).includes('Private body'), 'the body is never copied');
    const mirrored = (await stubState(page)).items[0]!.categories;
    assert.deepEqual(mirrored, ['Red category', 'Follow up', 'INI-7'], 'Outlook shows the category at once');

    await page.getByRole('button', { name: 'Untag INI-7' }).click();
    await page.getByText('Not tagged yet.', { exact: false }).waitFor();
    server = await messageOnServer(mail.explicit!.id);
    assert.deepEqual(server.categories, ['Red category', 'Follow up']);
    assert.deepEqual(server.extensions, [], 'the extension goes with its last key');
    assert.deepEqual(await linksOf(mail.explicit!.internetMessageId), []);
    assert.deepEqual((await stubState(page)).items[0]!.categories, ['Red category', 'Follow up']);
  });

  it('tags the whole conversation and shows the initiative card without leaving Outlook', async () => {
    const page = await openPane({ items: [readItem(mail.reply!)], selected: 0, officeTheme: lightTheme });
    await page.getByRole('button', { name: 'Tag with INI-7' }).click();
    await page.getByRole('button', { name: /Tag the whole conversation/ }).click();
    await page.getByText('Tagged 2 messages in this conversation.').waitFor();
    for (const m of [mail.explicit!, mail.reply!]) {
      assert.deepEqual((await messageOnServer(m.id)).keys, ['INI-7'], m.subject);
      assert.equal((await linksOf(m.internetMessageId)).length, 1);
    }
    await page.getByRole('button', { name: 'Show the card of INI-7' }).click();
    const card = page.locator('[data-testid="initiative-card"]');
    await card.waitFor();
    for (const term of ['Health', 'Objective', 'IT owner', 'Next milestone', 'Decisions']) {
      await card.getByText(term, { exact: true }).waitFor();
    }
  });

  it('follows the selected item while pinned, and renders a subject full of markup as inert text', async () => {
    const page = await openPane({
      items: [readItem(mail.reply!), readItem(mail.hostile!)],
      selected: 0,
      officeTheme: lightTheme,
    });
    await page.locator('[data-testid="item-subject"]', { hasText: 'Re: [INI-7]' }).waitFor();
    await selectStubItem(page, 1);
    const subject = page.locator('[data-testid="item-subject"]');
    await subject.filter({ hasText: 'Budget' }).waitFor();
    assert.equal(await subject.textContent(), hostileSubject);
    assert.equal(await subject.locator('img, script, b').count(), 0);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { tandemPwned?: number }).tandemPwned), undefined);
  });

  it('works by keyboard alone: Tab to a suggestion, Enter tags, Tab to Untag, Space untags', async () => {
    const page = await openPane({ items: [readItem(mail.keyboard!)], selected: 0, officeTheme: lightTheme });
    await page.locator('[data-testid="suggestions"] > li').first().waitFor();
    const focusOn = async (name: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
        if (label === name) return;
      }
      assert.fail(`${name} is not reachable with Tab`);
    };
    await focusOn('Tag with INI-5');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="tagged-list"]').getByText('INI-5', { exact: true }).waitFor();
    assert.deepEqual((await messageOnServer(mail.keyboard!.id)).keys, ['INI-5']);
    await page.locator('body').focus();
    await focusOn('Untag INI-5');
    await page.keyboard.press('Space');
    await page.getByText('Not tagged yet.', { exact: false }).waitFor();
    assert.deepEqual((await messageOnServer(mail.keyboard!.id)).keys, []);
  });

  it('a throttled Graph (injected 429s) still ends tagged once', async () => {
    const page = await openPane({ items: [readItem(mail.throttled!)], selected: 0, officeTheme: lightTheme });
    await page.locator('[data-testid="suggestions"] > li').first().waitFor();
    const key = await page.locator('[data-testid="suggestions"] > li').first().getAttribute('data-key');
    assert.ok(key);
    await localPost('/_local/faults', { match: '/me/', status: 429, retryAfter: 1, count: 4 });
    try {
      await page.getByRole('button', { name: `Tag with ${key}` }).click();
      await page.locator('[data-testid="tagged-list"]').getByText(key, { exact: true }).waitFor({ timeout: 60_000 });
    } finally {
      await fetch(`${started.local.graph.origin}/_local/faults`, { method: 'DELETE' });
    }
    const server = await messageOnServer(mail.throttled!.id);
    assert.deepEqual(
      server.categories.filter((c) => c === key),
      [key],
      'the category once',
    );
    assert.deepEqual(server.keys, [key]);
    assert.equal((await linksOf(mail.throttled!.internetMessageId)).length, 1, 'one link item');
    const masters = await started.local.client.get<{ value: { displayName: string }[] }>(
      '/me/outlook/masterCategories',
    );
    assert.equal(masters.value.filter((c) => c.displayName === key).length, 1, 'one master category');
  });

  it('composes: inserts an escaped status summary with a link to Teams, and puts the key in the subject', async () => {
    const hostile = await started.local.store.create('initiative', {
      ...(await started.local.store.getByKey('initiative', 'INI-7'))!.value,
      id: '7e1f7a52-6b0e-4c1e-9d1e-0d5c2f9a9e01',
      key: 'INI-90',
      title: 'Returns <img src=x onerror=alert(1)> & refunds',
    });
    const page = await openPane({
      items: [{ mode: 'compose', itemType: 'message', subject: 'Weekly note on INI-90', body: '<p>Hi all,</p>' }],
      selected: 0,
      officeTheme: lightTheme,
    });
    const preview = page.locator('[data-testid="summary-preview"]');
    await preview.waitFor();
    assert.match((await preview.textContent()) ?? '', /INI-90 Returns <img src=x onerror=alert\(1\)> & refunds/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.equal(await horizontalOverflow(page), 0);
    await keepScreenshot(page, 'outlook-compose.png');

    await page.getByRole('button', { name: 'Insert status summary' }).click();
    await page.getByText('Insert the summary: done.').waitFor();
    await page.getByRole('button', { name: 'Add INI-90 to the subject' }).click();
    await page.getByText('Add INI-90 to the subject: done.').waitFor();
    const state = await stubState(page);
    const insert = state.calls.find((c) => c.name === 'body.setSelectedDataAsync')!;
    assert.ok(insert, 'inserted at the cursor');
    assert.deepEqual(insert.args[1], { coercionType: 'html' });
    const html = insert.args[0] as string;
    assert.ok(html.includes('Returns &#60;img src=x onerror=alert(1)&#62; &#38; refunds'), html);
    assert.ok(!/<img/i.test(html), 'no markup from data');
    const objective = hostile.value.objectiveKeys[0]!;
    assert.ok(
      html.includes(`<a href="${started.local.url}/tab?objective=${objective}">Open INI-90 in Tandem</a>`),
      html,
    );
    assert.equal(state.items[0]!.subject, '[INI-90] Weekly note on INI-90');
  });

  it('links a meeting (organiser) to an objective: event extension and a meeting link item', async () => {
    const page = await openPane({
      items: [
        {
          mode: 'organizer',
          itemType: 'appointment',
          ewsId: ewsIdOf(meeting.id),
          subject: meeting.subject ?? '',
        },
      ],
      selected: 0,
      officeTheme: lightTheme,
    });
    await page.getByRole('heading', { name: 'Linked to' }).waitFor();
    assert.ok(
      (await stubState(page)).calls.some((c) => c.name === 'getItemIdAsync'),
      'the organiser item id is read',
    );
    await page.getByRole('combobox', { name: 'Link to an objective or initiative' }).click();
    await page
      .getByRole('option')
      .filter({ hasText: /^OBJ-1 / })
      .click();
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.locator('[data-testid="tagged-list"]').getByText('OBJ-1', { exact: true }).waitFor();
    const event = await started.local.client.get<
      Omit<Event, 'extensions'> & { extensions?: { extensionName?: string; keys?: string[] }[] }
    >(`/me/events/${meeting.id}?$select=categories&$expand=extensions`);
    assert.deepEqual(event.extensions?.find((e) => e.extensionName === linksExtensionName)?.keys, ['OBJ-1']);
    const links = (await started.local.store.query('link', { where: { targetKey: 'OBJ-1' } })).map((s) => s.value);
    const link = links.find((l) => l.kind === 'meeting' && l.title === meeting.subject);
    assert.ok(link, 'a meeting link for the objective page');
    assert.equal(link.url, meeting.onlineMeeting?.joinUrl);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await keepScreenshot(page, 'outlook-appointment.png');
  });

  it('follows Outlook’s dark theme (read, compose and appointment panes)', async () => {
    const items: StubItem[] = [
      readItem(mail.reply!),
      { mode: 'compose', itemType: 'message', subject: 'One-page checkout update' },
      { mode: 'read', itemType: 'appointment', ewsId: ewsIdOf(meeting.id), subject: meeting.subject ?? '' },
    ];
    const page = await openPane({ items, selected: 0, officeTheme: darkTheme });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.locator('[data-testid="suggestions"], [data-testid="tagged-list"]').first().waitFor();
    const background = await page
      .locator('[data-testid="outlook-pane"]')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r! < 60 && g! < 60 && b! < 60, `a dark background, got ${background}`);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await keepScreenshot(page, 'outlook-read-dark.png');
    await selectStubItem(page, 1);
    await page.locator('[data-testid="summary-preview"]').waitFor();
    await keepScreenshot(page, 'outlook-compose-dark.png');
    await selectStubItem(page, 2);
    await page.getByRole('heading', { name: 'Linked to' }).waitFor();
    await keepScreenshot(page, 'outlook-appointment-dark.png');
  });

  it('works standalone in a plain browser: pick a recent message or meeting from the mailbox', async () => {
    const page = await openPane(undefined, '?theme=default', { width: 400, height: 900 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.host), 'standalone');
    const list = page.locator('[data-testid="picker-list"]');
    await list.waitFor();
    await list.getByRole('button', { name: /Store pilot figures/ }).click();
    await page
      .locator('[data-testid="item-subject"]', { hasText: 'Store pilot figures for the steering group [INI-3]' })
      .waitFor();
    await page.getByRole('button', { name: 'Meetings' }).click();
    await list.getByRole('button', { name: /Checkout steering/ }).click();
    await page.getByRole('heading', { name: 'Linked to' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await keepScreenshot(page, 'outlook-standalone.png');
  });
});
