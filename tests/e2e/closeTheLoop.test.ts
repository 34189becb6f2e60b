/**
 * Closing the loop, end to end in Chromium: the tab (production build, served by `tandem start`'s app server) over the
 * local Graph server seeded with the demo portfolio. Each test drives the tab as a user would and checks the result
 * where it lands: SharePoint lists, the channel's messages and the activity feed of the local server.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import {
  aggregateFeedback,
  castVote,
  composeDigest,
  draftCheckIn,
  governedStore,
  loadPortfolio,
  slaAttainment,
  type Decision,
  type Initiative,
  type Link,
  type PersonRef,
} from '@tandem/core';
import { localAppInChromium } from './harness/localAppInChromium.js';
import { seriousAxeViolations } from './harness/pageChecks.js';

const adele: PersonRef = { email: 'adele@contoso.test', displayName: 'Adele Vance' };
const megan: PersonRef = { email: 'megan@contoso.test', displayName: 'Megan Bowen' };
const lee: PersonRef = { email: 'lee@contoso.test', displayName: 'Lee Gu' };

interface FeedEntry {
  recipient: string;
  sender: string;
  notification: { activityType: string; topic: { value: string }; previewText: { content: string } };
}

describe('closing the loop in the Teams tab (Chromium, local server)', function () {
  this.timeout(300_000);
  const started = localAppInChromium();
  let context: BrowserContext;
  let problems: string[];

  async function localApi<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${started.local.graph.origin}/_local/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} /_local/${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  async function nextKey(kind: 'initiative' | 'decision', prefix: string): Promise<string> {
    const all = await started.local.store.query(kind);
    return `${prefix}-${Math.max(0, ...all.map((i) => Number(i.value.key.split('-')[1]))) + 1}`;
  }

  async function open(view: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${started.local.url}/tab?${view}`);
    return page;
  }

  before(async () => {
    // Everyone the tests notify is a user of the tenant (the local server creates users as they appear).
    await localApi('POST', 'teams', {
      displayName: 'Portfolio board',
      members: ['adele@contoso.test', 'megan@contoso.test', 'lee@contoso.test', 'nestor@contoso.test'],
      channels: ['Weekly digest'],
    });
  });
  beforeEach(async () => {
    problems = [];
    context = await started.browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await context.close();
  });

  it('a check-in draft lists exactly what changed since the last check-in; the owner edits and posts it', async () => {
    const now = Date.now();
    const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
    const key = await nextKey('initiative', 'INI');
    const template = (await started.local.store.getByKey('initiative', 'INI-1'))!.value;
    const initiative: Initiative = {
      ...template,
      id: randomUUID(),
      key,
      title: 'Store pickup lockers',
      description: 'Pilot in three stores.',
      status: 'inProgress',
      percentComplete: 50,
      start: new Date(now - 30 * 86_400_000).toISOString().slice(0, 10),
      end: new Date(now + 30 * 86_400_000).toISOString().slice(0, 10),
    };
    await started.local.store.create('initiative', initiative);
    await started.local.store.create('checkIn', {
      id: randomUUID(),
      targetKey: key,
      author: megan,
      at: ago(72),
      status: 'offTrack',
      note: 'Blocked on the locker vendor.',
    });
    const link = (kind: Link['kind'], title: string, hoursAgo: number, extra: Partial<Link> = {}): Link => ({
      id: randomUUID(),
      kind,
      targetKey: key,
      externalId: `${kind}-${title}`,
      title,
      linkedBy: megan,
      linkedAt: ago(hoursAgo),
      occurredAt: ago(hoursAgo),
      ...extra,
    });
    for (const l of [
      link('commit', 'Locker API client (before the check-in)', 80),
      link('commit', 'Locker API client retries', 48),
      link('commit', 'Reserve a locker at checkout', 24),
      link('meeting', 'Locker pilot go/no-go', 20, { author: lee }),
      link('email', 'Vendor contract signed', 10, { author: adele }),
    ])
      await started.local.store.create('link', l);
    const expected = draftCheckIn(await loadPortfolio(started.local.store), key, undefined, new Date());
    assert.deepEqual(
      expected.commits.map((c) => c.title),
      ['Locker API client retries', 'Reserve a locker at checkout'],
    );

    const page = await open('view=checkins');
    await page.getByRole('heading', { level: 1, name: 'Check-ins' }).waitFor();
    await page.getByRole('combobox', { name: 'Objective or initiative' }).click();
    await page.getByRole('option', { name: `${key} Store pickup lockers` }).click();
    const counts = page.getByTestId('draft-counts');
    await counts.waitFor();
    const countText = (await counts.textContent()) ?? '';
    for (const [n, what] of [
      [expected.counts.commits, 'commits'],
      [expected.counts.meetings, 'meetings'],
      [expected.counts.emails, 'emails'],
      [expected.counts.kpiChanges, 'KPI changes'],
      [expected.counts.slaBreaches, 'SLA breaches'],
      [expected.counts.decisions, 'decisions'],
    ] as const)
      assert.ok(countText.includes(`${n} ${what}`), `${n} ${what} in “${countText}”`);
    assert.equal(expected.counts.commits, 2);
    const draft = page.getByTestId('checkin-draft');
    await draft.getByText('Reserve a locker at checkout').waitFor();
    assert.equal(await draft.getByText('Locker API client (before the check-in)').count(), 0, 'older work is left out');
    const note = page.getByRole('textbox', { name: 'What happened, what is next' });
    const drafted = await note.inputValue();
    assert.match(drafted, /2 commits linked/);
    assert.match(drafted, /Locker pilot go\/no-go/);
    assert.match(drafted, /Vendor contract signed/);
    await note.fill(`${drafted}\nNext: two more stores.`);
    await page.getByRole('button', { name: 'Post check-in' }).click();
    let posted;
    for (let i = 0; i < 50 && !posted; i++) {
      posted = (await started.local.store.query('checkIn', { where: { targetKey: key } }))
        .map((s) => s.value)
        .find((c) => c.note.includes('Next: two more stores.'));
      if (!posted) await page.waitForTimeout(100);
    }
    assert.ok(posted, 'the edited check-in is in SharePoint');
    assert.equal(posted.status, expected.status);
    assert.equal(posted.author.email, adele.email);
    assert.deepEqual(problems, []);
  });

  it('a decision cannot pass without both sides; the approver is notified once; the audit trail records the vote', async () => {
    const key = await nextKey('decision', 'DEC');
    const page = await open('view=decisions');
    await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
    const form = page.getByRole('form', { name: 'Propose a decision' });
    await form.getByRole('textbox', { name: 'Decision title' }).fill('Open lockers to partner carriers');
    await form.getByRole('textbox', { name: 'Context' }).fill('Carriers asked for access.');
    await form.getByRole('textbox', { name: 'What is decided' }).fill('Open them in Q3.');
    await form.getByRole('combobox', { name: 'Business approver' }).click();
    // The signed-in user is listed under the name the host gives (“Adele” in a plain browser).
    await page.getByRole('option', { name: /^Adele/ }).click();
    await form.getByRole('combobox', { name: 'IT approver' }).click();
    await page.getByRole('option', { name: 'Megan Bowen' }).click();
    await form.getByRole('button', { name: 'Propose decision' }).click();
    const card = page.getByTestId('decision').filter({ hasText: `${key} Open lockers to partner carriers` });
    await card.waitFor();

    // Adele, the business approver, approves: one side is not enough.
    await card.getByRole('button', { name: `Approve ${key}` }).click();
    await card.getByTestId('decision-tally').filter({ hasText: 'business 1/1, IT 0/1' }).waitFor();
    await card.getByText('Proposed', { exact: true }).waitFor();
    const stored = (await started.local.store.getByKey('decision', key))!;
    assert.equal(stored.value.status, 'proposed');
    // Not even a direct write may accept it.
    await assert.rejects(
      governedStore(started.local.store).update('decision', stored.value.id, { status: 'accepted' }, stored.etag),
      { code: 'quorumNotMet' },
    );

    // Megan, asked once in her activity feed, approves from her side: now it passes.
    const feed = await localApi<{ value: FeedEntry[] }>('GET', 'activityNotifications');
    const aboutIt = feed.value.filter((f) => f.notification.topic.value === key);
    assert.deepEqual(
      aboutIt.map((f) => [f.recipient, f.sender, f.notification.activityType]),
      [['megan@contoso.test', 'adele@contoso.test', 'decisionAwaitsApproval']],
    );
    const vote = castVote(stored.value as Decision, megan, 'approve', new Date(), { business: 1, it: 1 });
    await governedStore(started.local.store).update('decision', stored.value.id, vote, stored.etag);
    await page.reload();
    await page
      .getByTestId('decision')
      .filter({ hasText: `${key} Open lockers` })
      .getByText('Accepted', { exact: true })
      .waitFor();

    const history = await open(`view=history`);
    await history.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await history.getByRole('textbox', { name: 'Key' }).fill(key);
    const entries = history.getByTestId('audit-entry');
    await entries.filter({ hasText: `changed votes of ${key}` }).waitFor();
    await entries.filter({ hasText: `created ${key}` }).waitFor();
    assert.deepEqual(await seriousAxeViolations(history), []);
    assert.deepEqual(problems, []);
  });

  it('the audit trail records a score edit with its values before and after', async () => {
    const page = await open('view=portfolio');
    const row = page.getByTestId('portfolio-row').nth(3);
    await row.waitFor();
    const key = (await row.getAttribute('data-key'))!;
    const before = (await started.local.store.getByKey('initiative', key))!.value.timeCriticality;
    const after = before === 13 ? 8 : 13;
    await page.getByRole('textbox', { name: `Time criticality of ${key}` }).fill(String(after));
    await page.getByRole('button', { name: `Save the scores of ${key}` }).click();
    for (let i = 0; i < 50; i++) {
      if ((await started.local.store.getByKey('initiative', key))!.value.timeCriticality === after) break;
      await page.waitForTimeout(100);
    }
    // The trail is written once the change is saved: wait for it as a reader of the list would.
    const trail = await eventually(async () => {
      const entries = (await started.local.store.query('auditEntry', { where: { targetKey: key } })).map(
        (s) => s.value,
      );
      return entries.length > 0 ? entries : undefined;
    });
    assert.deepEqual(
      trail.map((e) => [e.field, e.before, e.after, e.changedBy.email]),
      [['timeCriticality', String(before), String(after), adele.email]],
    );
    const history = await open('view=history');
    await history.getByRole('textbox', { name: 'Key' }).fill(key);
    await history
      .getByTestId('audit-entry')
      .filter({ hasText: `changed timeCriticality of ${key}` })
      .getByText(`${before} → ${after}`)
      .waitFor();
  });

  it('feedback from a shared link aggregates per period beside the SLA', async () => {
    const page = await open('feedback=SVC-2');
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    await page.getByTestId('feedback-period').first().waitFor();
    // Checked before sending: the undo toast that follows brings Fluent's focus sentinels, which axe flags.
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('radio', { name: '4 — Satisfied' }).check();
    await page.getByRole('textbox', { name: 'Comment' }).fill('Payments were quick <b>all week</b>');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    const rows = page.getByTestId('feedback-period');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=feedback-period]').length > 0);
    let mine;
    for (let i = 0; i < 50 && !mine; i++) {
      mine = (await started.local.store.query('feedback', { where: { targetKey: 'SVC-2' } }))
        .map((s) => s.value)
        .find((f) => f.comment === 'Payments were quick <b>all week</b>');
      if (!mine) await page.waitForTimeout(100);
    }
    assert.ok(mine);
    assert.equal(mine.score, 4);
    const portfolio = await loadPortfolio(started.local.store);
    const service = portfolio.service!.find((s) => s.key === 'SVC-2')!;
    const periods = slaAttainment(service, portfolio.slaRecord!).periods.map((p) => ({
      start: p.periodStart,
      end: p.periodEnd,
    }));
    const day = mine.at.slice(0, 10);
    if (day > periods.at(-1)!.end) periods.push({ start: isoNext(periods.at(-1)!.end), end: day });
    const expected = aggregateFeedback(portfolio.feedback!, 'SVC-2', periods).reverse();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=feedback-period]').length === n,
      expected.length,
    );
    for (let i = 0; i < expected.length; i++) {
      const cells = await rows.nth(i).getByRole('cell').allTextContents();
      const e = expected[i]!;
      assert.equal(cells[0], `${e.periodStart} to ${e.periodEnd}`);
      assert.equal(cells[2], String(e.count), `responses ${e.periodStart}`);
      assert.equal(
        cells[3],
        e.average === undefined ? '—' : e.average.toLocaleString('en-GB', { maximumFractionDigits: 2 }),
      );
    }
    assert.equal(await page.locator('b').filter({ hasText: 'all week' }).count(), 0, 'comments stay text');
  });

  it('an idea is promoted to a proposed initiative that keeps its history, and waits for IT before approval', async () => {
    const idea = (await started.local.store.query('idea')).map((s) => s.value).find((i) => i.status === 'open')!;
    const key = await nextKey('initiative', 'INI');
    const page = await open('view=ideas');
    await page.getByRole('button', { name: `Promote to initiative: ${idea.key} ${idea.title}` }).click();
    await page
      .getByRole('form', { name: `Promote ${idea.key}` })
      .getByRole('button', { name: 'Create initiative' })
      .click();
    await page
      .getByTestId('idea')
      .filter({ hasText: `Promoted → ${key}` })
      .waitFor();

    const initiative = (await started.local.store.getByKey('initiative', key))!.value;
    assert.equal(initiative.originIdeaKey, idea.key);
    assert.equal(initiative.title, idea.title);
    assert.equal(initiative.status, 'proposed');
    const promoted = (await started.local.store.getByKey('idea', idea.key))!.value;
    assert.equal(promoted.status, 'promoted');
    assert.equal(promoted.promotedInitiativeKey, key);
    const trail = await eventually(async () => {
      const entries = (await started.local.store.query('auditEntry')).map((s) => s.value);
      return entries.filter((e) => e.targetKey === idea.key).length >= 2 ? entries : undefined;
    });
    assert.ok(trail.some((e) => e.targetKey === key && e.action === 'create'));
    assert.deepEqual(
      trail
        .filter((e) => e.targetKey === idea.key)
        .map((e) => e.field)
        .sort(),
      ['promotedInitiativeKey', 'status'],
    );

    const planning = await open('view=planning');
    const card = planning.getByTestId('proposal').filter({ hasText: `${key} ${idea.title}` });
    await card.waitFor();
    assert.equal(await card.getByRole('button', { name: `Approve ${key}` }).isDisabled(), true);
  });

  it('"Post digest now" puts the week in the channel with the figures of the portfolio', async () => {
    const team = await localApi<{ id: string; channels: { id: string }[] }>('POST', 'teams', {
      displayName: 'Digest team',
      members: ['adele@contoso.test'],
      channels: ['Digest'],
    });
    const channelId = team.channels[0]!.id;
    const page = await open('view=settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('textbox', { name: 'Digest team id' }).fill(team.id);
    await page.getByRole('textbox', { name: 'Digest channel id' }).fill(channelId);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('button', { name: 'Post digest now' }).click();
    await page.getByTestId('digest-posted').waitFor();

    const messages = await localApi<{ value: { body: { content: string; contentType: string } }[] }>(
      'GET',
      `teams/${team.id}/channels/${encodeURIComponent(channelId)}/messages`,
    );
    assert.equal(messages.value.length, 1);
    const html = messages.value[0]!.body.content;
    const digest = composeDigest(await loadPortfolio(started.local.store), new Date().toISOString().slice(0, 10));
    assert.ok(html.includes(`Week of ${digest.weekStart} to ${digest.weekEnding}`));
    assert.ok(html.includes(`${digest.objectives.length} objectives`));
    assert.ok(html.includes(`${digest.decisionsAwaiting.length} awaiting`));
    assert.ok(html.includes(`${digest.slaBreaches.length} SLA breaches`));
    for (const top of digest.topInitiatives) assert.ok(html.includes(`<b>${top.key}</b>`), top.key);
    assert.deepEqual(problems, []);
  });
});

/** Polls `read` until it gives a value (10 s at most): for writes that follow the one the page shows. */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('gave up waiting');
}

function isoNext(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
