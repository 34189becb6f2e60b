import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { BrowserContext, Page } from 'playwright-core';
import { ENTITY_KINDS, ValidationError, demoPortfolio, type EntityKind } from '@tandem/core';
import { StoreError } from '@tandem/core';
import { hostilePayloads, injectedInPage, pageTraps } from '@tandem/ui/testing';
import { keyCard, CARD_COMMANDS } from '../../vscode-extension/src/hover/keyCard.js';
import { deriveInsights } from '../../vscode-extension/src/data/insights.js';
import type { Portfolio } from '../../vscode-extension/src/data/portfolio.js';
import { roadmapHtml } from '../../vscode-extension/src/roadmap/roadmapHtml.js';
import { localAppInChromium } from '../e2e/harness/localAppInChromium.js';
import { recordFigures } from '../reliability/harness/figures.js';
import { runTandem } from '../reliability/harness/tandemProcess.js';

/** Fields that hold free text: not ids, keys, references, dates, numbers or choices (those fail validation anyway). */
const notText = /^(id|key|etag)$|Key$|Keys$|At$|On$|^(start|end|periodStart|periodEnd|due|date|week)$/;

const views = [
  'portfolio',
  'roadmap',
  'kpis',
  'services',
  'decisions',
  'checkins',
  'ideas',
  'glossary',
  'planning',
  'feedback',
  'history',
  'settings',
];

/** The Content-Security-Policy's script rules allow neither inline script nor eval. */
function assertStrictScripts(policy: string | null, where: string): void {
  assert.ok(policy, `${where}: a Content-Security-Policy`);
  const directives = new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
  const script = directives.get('script-src') ?? directives.get('default-src');
  assert.ok(script, `${where}: script-src or default-src`);
  assert.ok(!script.includes("'unsafe-inline'"), `${where}: no 'unsafe-inline' script`);
  assert.ok(!script.includes("'unsafe-eval'"), `${where}: no 'unsafe-eval'`);
  assert.ok(!script.includes('*') && !script.includes('data:'), `${where}: no wildcard or data: scripts`);
}

describe('security: hostile input renders inert; strict content security policies', function () {
  this.timeout(600_000);
  const started = localAppInChromium();
  let context: BrowserContext;
  const figures = {
    payloads: hostilePayloads.length,
    fieldsPoisoned: 0,
    refusedByValidation: 0,
    kindsPoisoned: 0,
    tabViewsChecked: 0,
    pagesWithStrictCsp: 0,
    reportChecked: false,
    hoverCardsChecked: 0,
  };

  before(async () => {
    context = await started.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(pageTraps);
    // Every text field of the first entities of every kind gets a payload (rotating through the corpus).
    let n = 0;
    for (const kind of ENTITY_KINDS as EntityKind[]) {
      const entities = (await started.local.store.query(kind)).slice(0, 3);
      let poisoned = false;
      for (const stored of entities) {
        let current = stored;
        for (const [field, value] of Object.entries(stored.value as Record<string, unknown>)) {
          if (typeof value !== 'string' || notText.test(field)) continue;
          const payload = hostilePayloads[n++ % hostilePayloads.length]!.text;
          try {
            current = await started.local.store.update(
              kind,
              (stored.value as { id: string }).id,
              { [field]: payload } as never,
              current.etag,
            );
            figures.fieldsPoisoned++;
            poisoned = true;
          } catch (error) {
            if (!(error instanceof ValidationError) && !(error instanceof StoreError)) throw error;
            figures.refusedByValidation++; // a choice, a URL or a length the schema refuses: refused at the boundary
          }
        }
      }
      if (poisoned) figures.kindsPoisoned++;
    }
  });
  after(async () => {
    recordFigures('security-hostile', {
      title: 'Security: hostile input and content security policies',
      summary: `Payloads tried: ${hostilePayloads.map((p) => p.name).join(', ')}. Each text field of the first entities of every kind held one; nothing ran, no element or handler was injected, no javascript:/data: link appeared.`,
      figures,
    });
  });

  async function checkPage(page: Page, where: string): Promise<void> {
    await page.waitForTimeout(400);
    const found = await page.evaluate(injectedInPage);
    assert.deepEqual(found, [], where);
  }

  it('the tab shows every payload as text in every view, and nothing runs or gets injected', async () => {
    const page = await context.newPage();
    let shownAsText = 0;
    for (const view of views) {
      await page.goto(`${started.local.url}/tab?view=${view}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await checkPage(page, `tab ${view}`);
      const text = await page.evaluate(() => document.body.innerText);
      if (hostilePayloads.some((p) => text.includes(p.text.slice(0, 30)))) shownAsText++;
      figures.tabViewsChecked++;
    }
    await page.goto(`${started.local.url}/tab?view=objective&objective=OBJ-1`);
    await page.locator('h1').first().waitFor();
    await checkPage(page, 'tab objective page');
    figures.tabViewsChecked++;
    assert.ok(shownAsText >= 3, `payloads are on screen as text (in ${shownAsText} views)`);
    await page.close();
  });

  it('every page the app server sends has a strict script policy and no inline script', async () => {
    const routes = started.local.app.routes;
    assert.ok(routes.length >= 3, 'the pages are found');
    for (const route of routes) {
      const res = await fetch(`${started.local.url}${route}`);
      assert.equal(res.status, 200, route);
      assertStrictScripts(res.headers.get('content-security-policy'), route);
      const html = await res.text();
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attrs, body]) =>
          !/\bsrc=/.test(attrs ?? '') &&
          (body ?? '').trim() !== '' &&
          !/type="application\/(ld\+)?json"/.test(attrs ?? ''),
      );
      assert.deepEqual(
        inline.map(([tag]) => tag.slice(0, 80)),
        [],
        `${route}: inline script`,
      );
      figures.pagesWithStrictCsp++;
    }
  });

  it('the HTML impact report keeps every payload as text, under a policy that runs nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-report-'));
    try {
      const out = join(dir, 'report.html');
      const run = await runTandem(['report', '--format', 'html', '--out', out, '--graph', started.local.graph.url]);
      assert.equal(run.code, 0, run.stderr);
      const html = readFileSync(out, 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html);
      assertStrictScripts(meta?.[1]?.replace(/&#39;|&apos;/g, "'") ?? null, 'report');
      assert.ok(!/<script/i.test(html), 'the report has no script element at all');
      const page = await context.newPage();
      await page.goto(`file://${out}`);
      await checkPage(page, 'report');
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(
        hostilePayloads.some((p) => text.includes(p.text.slice(0, 30))),
        'payloads are in the report as text',
      );
      await page.close();
      figures.reportChecked = true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('VS Code hover cards escape every payload: no raw HTML, no link but the card commands', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const demo = demoPortfolio(now);
    const markdown = new MarkdownIt({ html: true, linkify: true });
    for (const payload of hostilePayloads) {
      const portfolio: Portfolio = {
        objectives: demo.objective.map((o) => ({ ...o, title: payload.text })),
        keyResults: demo.keyResult.map((k) => ({ ...k, title: payload.text })),
        initiatives: demo.initiative.map((i) => ({
          ...i,
          title: payload.text,
          itOwner: { ...i.itOwner, displayName: payload.text },
        })),
        kpis: demo.kpi.map((k) => ({ ...k, name: payload.text })),
        measurements: demo.kpiMeasurement,
        checkIns: demo.checkIn,
        links: demo.link,
        glossaryTerms: demo.glossaryTerm,
        loadedAt: now.toISOString(),
      };
      const insights = deriveInsights(portfolio, now);
      for (const key of ['INI-1', 'OBJ-1', 'KR-1', 'KPI-1']) {
        const card = keyCard(key, portfolio, insights);
        assert.ok(card, key);
        const html = markdown.render(card);
        const tags = [...html.matchAll(/<([a-z0-9]+)\b([^>]*)>/gi)];
        for (const [tag, name, attrs] of tags) {
          assert.ok(
            ['p', 'strong', 'em', 'ul', 'li', 'a', 'br', 'code'].includes(name!.toLowerCase()),
            `${payload.name}: ${tag}`,
          );
          if (name === 'a') {
            const href = /href="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '';
            assert.ok(
              CARD_COMMANDS.some((c) => href.startsWith(`command:${c}`)),
              `${payload.name}: link ${href}`,
            );
          }
        }
        figures.hoverCardsChecked++;
      }
    }
  });

  it("the VS Code roadmap webview's page allows only its own nonce-loaded script", () => {
    const html = roadmapHtml({
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/roadmap.js',
      cspSource: 'https://*.vscode-cdn.net',
      nonce: 'cmFuZG9tLW5vbmNlLTEyMzQ1Ng==',
    });
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? null;
    assertStrictScripts(policy, 'roadmap webview');
    assert.match(policy!, /script-src 'nonce-cmFuZG9tLW5vbmNlLTEyMzQ1Ng=='(;|$)/);
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
    assert.throws(() => roadmapHtml({ scriptUri: 'x', cspSource: 'y', nonce: '"><script>' }), RangeError);
  });
});
