/**
 * The Outlook task pane for a site reader (the local server's "reader" role: SharePoint's Visitors), in headless
 * Chromium over the production build: the pane asks the site up front, shows the suggestions with tagging disabled and
 * the reason in words, and writes nothing; and when the site turns a user read-only mid-session, the refused tag
 * leaves the mailbox as it was (the link on the site is written first).
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { linksExtensionName } from '@tandem/graph';
import { readOnlyReasonForDeniedWrite } from '../../teams-app/src/host/siteAccess.js';
import { recordFigures } from '../reliability/harness/figures.js';
import { callLocal } from '../reliability/harness/localServer.js';
import { localAppInChromium } from './harness/localAppInChromium.js';
import { seriousAxeViolations } from './harness/pageChecks.js';
import { addOutlookStub, ewsIdOf, stubState, type StubItem } from './outlookMailboxStub.js';

const adele = { emailAddress: 'adele@contoso.test', displayName: 'Adele Vance' };

interface Seeded {
  id: string;
  internetMessageId: string;
  subject: string;
}

/** A request the page sent to Graph that is not a read. */
interface WriteRequest {
  method: string;
  path: string;
  status: number;
}

describe('Outlook task pane for a read-only user', function () {
  this.timeout(300_000);
  const started = localAppInChromium();
  let context: BrowserContext | undefined;
  let problems: string[];

  const setRole = (role: 'reader' | 'member') =>
    callLocal(started.local.graph.origin, 'POST', 'token', { user: adele.emailAddress, role });

  const seedMessage = async (subject: string): Promise<Seeded> =>
    (await callLocal(started.local.graph.origin, 'POST', 'mailboxes/adele@contoso.test/messages', {
      subject,
      from: 'megan@contoso.test',
      categories: ['Red category'],
    })) as Seeded;

  const readItem = (m: Seeded): StubItem => ({
    mode: 'read',
    itemType: 'message',
    ewsId: ewsIdOf(m.id),
    subject: m.subject,
    internetMessageId: m.internetMessageId,
    from: { emailAddress: 'megan@contoso.test', displayName: 'Megan Bowen' },
    categories: ['Red category'],
  });

  /** What the mailbox and the site hold for a message: categories, Tandem's keys, link items, master categories. */
  async function onServer(m: Seeded) {
    const message = await started.local.client.get<{
      categories?: string[];
      extensions?: { extensionName?: string; keys?: string[] }[];
    }>(`/me/messages/${m.id}?$select=categories&$expand=extensions`);
    const masters = await started.local.client.get<{ value: { displayName: string }[] }>(
      '/me/outlook/masterCategories',
    );
    const links = (await started.local.store.query('link')).filter((l) => l.value.externalId === m.internetMessageId);
    return {
      categories: message.categories ?? [],
      keys: message.extensions?.find((e) => e.extensionName === linksExtensionName)?.keys ?? [],
      links: links.length,
      masterCategories: masters.value.map((c) => c.displayName).sort(),
    };
  }

  async function openPane(item: StubItem): Promise<{ page: Page; writes: WriteRequest[] }> {
    context = await started.browser.newContext({ viewport: { width: 360, height: 900 } });
    await addOutlookStub(context, { userProfile: adele, items: [item], selected: 0 });
    const page = await context.newPage();
    const writes: WriteRequest[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      const request = response.request();
      const url = new URL(request.url());
      if (request.method() === 'GET' || request.method() === 'OPTIONS' || !url.pathname.includes('/v1.0/')) return;
      if (url.pathname.endsWith('/$batch') && batchOfReads(request.postData())) return; // the pane's reads, batched
      writes.push({ method: request.method(), path: url.pathname, status: response.status() });
    });
    await page.goto(`${started.local.url}/outlook/taskpane?host=outlook`);
    await page.locator('html[data-ready="true"]').waitFor();
    return { page, writes };
  }

  beforeEach(() => {
    problems = [];
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await setRole('member');
    assert.deepEqual(problems, [], 'no page errors');
  });

  it('a reader sees the suggestions with tagging disabled and the reason, and nothing is written', async () => {
    const message = await seedMessage('[INI-7] Checkout numbers for the steering group');
    const before = await onServer(message);
    await setRole('reader');
    const { page, writes } = await openPane(readItem(message));

    const suggestions = page.locator('[data-testid="suggestions"] > li');
    await suggestions.first().waitFor();
    assert.equal(await suggestions.first().getAttribute('data-key'), 'INI-7', 'the suggestions still show');
    const reason = page.locator('[data-testid="read-only-reason"]');
    await reason.waitFor();
    assert.match(
      (await reason.innerText()).replace(/\s+/g, ' '),
      new RegExp(escapeRegExp(readOnlyReasonForDeniedWrite)),
    );
    const tagButtons = page.getByRole('button', { name: /^Tag with INI-/ });
    assert.ok((await tagButtons.count()) > 0);
    for (const button of await tagButtons.all()) assert.ok(await button.isDisabled(), 'every Tag button is disabled');
    assert.ok(await page.getByRole('button', { name: 'Tag', exact: true }).isDisabled(), 'the picker’s Tag too');
    // A click on a disabled button does nothing (force: past Playwright's own enabled check, as a stray click would be).
    await tagButtons.first().click({ force: true });
    await page.waitForTimeout(300);
    assert.deepEqual(await seriousAxeViolations(page), []);

    assert.deepEqual(await onServer(message), before, 'mailbox and site unchanged');
    assert.equal(
      (await stubState(page)).calls.filter((c) => c.name.startsWith('categories.') && c.name !== 'categories.getAsync')
        .length,
      0,
      'no category set in Outlook either',
    );
    // The only request that is not a read is the access probe, which the site refused.
    assert.equal(writes.length, 1, JSON.stringify(writes));
    assert.equal(writes[0]!.method, 'PATCH');
    assert.match(writes[0]!.path, /\/items\/0\/fields$/);
    assert.equal(writes[0]!.status, 403);
    recordFigures('security-readonly-outlook', {
      title: 'Security: read-only users in Outlook',
      summary:
        'A site reader opens the Outlook task pane: it asks the site up front (an update of list item 0, which never exists: 403 for a reader, 404 for an editor), shows the suggestions with tagging disabled and the reason, and writes nothing. A user made read-only mid-session who presses Tag is refused by the site first, so the mailbox is left as it was.',
      figures: {
        suggestionsShown: await suggestions.count(),
        tagButtonsDisabled: await tagButtons.count(),
        requestsOtherThanReads: writes.length,
        mailboxChanges: 0,
      },
    });
  });

  it('made read-only mid-session: the refused tag leaves the mailbox as it was, and the pane turns read-only', async () => {
    const message = await seedMessage('[INI-5] Planning notes, second round');
    const { page } = await openPane(readItem(message));
    const tag = page.getByRole('button', { name: 'Tag with INI-5' });
    await tag.waitFor();
    assert.ok(await tag.isEnabled(), 'an editor may tag');
    await page.locator('[data-testid="read-only-reason"]').waitFor({ state: 'detached' });
    const before = await onServer(message);
    await setRole('reader');
    await tag.click();
    await page.getByTestId('pane-status').getByText(readOnlyReasonForDeniedWrite, { exact: false }).waitFor();
    await page.locator('[data-testid="read-only-reason"]').waitFor();
    assert.ok(await tag.isDisabled(), 'tagging is disabled once the site refused');
    assert.deepEqual(await onServer(message), before, 'no category, no extension, no master category, no link');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a JSON `$batch` body holds only reads. */
function batchOfReads(body: string | null): boolean {
  const requests = (JSON.parse(body ?? '{}') as { requests?: { method?: string }[] }).requests ?? [];
  return requests.length > 0 && requests.every((r) => r.method === 'GET');
}
