/**
 * The Teams tab's weight and speed against a bare Fluent UI page built and served the same way, in the same run:
 * - gzipped JavaScript each page loads before it can draw (its entry's initial scripts), per entry;
 * - time from navigation to the roadmap's first drawn bars with 1,000 and 5,000 initiatives in the local Graph server
 *   (the tab loads them through the app server's /graph proxy, as in `tandem start`), against the bare page's first
 *   drawn grid. Each run uses a fresh browser context (empty cache);
 * - at 1,000 initiatives, the CPU those loads cost the page's renderer, in loads of their own.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { EsbuildPlugin } from 'esbuild-loader';
import type { Browser } from 'playwright-core';
import { median, ratioInterval, record } from '@tandem/tests/bench';
import { launchChromium } from '@tandem/tests/browser';
import { createGraphClient, GraphStore, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import { startGraphLocal } from '@tandem/graph-local';
import { buildApp, buildStaleness, demoUser, repoRoot, seedDemo, startAppServer } from '@tandem/cli';

const root = repoRoot();
/** How long a first render may take before the run is recorded as timed out. */
const renderLimitMs = 120_000;
const buildDir = join(root, 'teams-app', 'build');

/** Builds the bare Fluent page with the app's own loader and minifier settings; returns its folder. */
async function buildBarePage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'tandem-bare-'));
  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: { bare: join(root, 'tests', 'bench', 'fixtures', 'bareFluentPage.tsx') },
    output: { path: out, filename: '[name].js', publicPath: '/' },
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      conditionNames: ['source', 'browser', 'import', 'module', 'default'],
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          loader: 'esbuild-loader',
          options: { loader: 'tsx', target: 'es2020', jsx: 'automatic' },
        },
      ],
    },
    optimization: { minimizer: [new EsbuildPlugin({ target: 'es2020', legalComments: 'none' })] },
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats!.toString('errors-only')));
      else resolve();
    }),
  );
  return out;
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The scripts a built page loads for its first screen: its entry bundle and the lazy chunks it preloads. */
function firstScreenScripts(route: string): string[] {
  const assets = JSON.parse(readFileSync(join(buildDir, 'assets.json'), 'utf8')) as Record<
    string,
    { initial: string[]; preload: string[] }
  >;
  const page = assets[route];
  if (!page) throw new Error(`no assets for ${route} in build/assets.json`);
  return [...page.initial, ...page.preload].map((f) => join(buildDir, 'app', f));
}

async function serveBarePage(dir: string): Promise<{ url: string; close(): void }> {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><script defer src="/bare.js"></script></head><body><div id="root"></div></body></html>';
  const server = createServer((req, res) => {
    if (req.url === '/bare.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, 'bare.js')));
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** A local Tandem whose site holds the demo portfolio plus generated initiatives, `total` in all. */
async function tandemWith(total: number) {
  const graph = await startGraphLocal({ memory: true });
  await seedDemo(graph.url, graph.origin);
  const client = createGraphClient({ baseUrl: graph.url, tokenProvider: localTokenProvider(graph.origin, demoUser) });
  const site = await resolveSite(client, 'root');
  const lists = await provision(client, site.id);
  const store = new GraphStore(client, { siteId: site.id, listIds: lists.listIds });
  const existing = await store.query('initiative');
  const template = existing[0]!.value;
  const objectives = (await store.query('objective')).map((o) => o.value.key);
  const extra = Array.from({ length: total - existing.length }, (_, i) => {
    const n = existing.length + i + 1;
    const start = new Date(Date.UTC(2026, (n * 5) % 18, 1 + (n % 27)));
    const end = new Date(start.getTime() + (30 + (n % 200)) * 86_400_000);
    return {
      ...template,
      id: randomUUID(),
      key: `INI-${n}`,
      title: `Generated initiative ${n}`,
      objectiveKeys: [objectives[n % objectives.length]!],
      dependsOn: [],
      start: start.toISOString().slice(0, 10),
      end: end.toISOString().slice(0, 10),
    };
  });
  for (let i = 0; i < extra.length; i += 500) await store.createMany('initiative', extra.slice(i, i + 500));
  const app = await startAppServer({ buildDir, graphOrigin: graph.origin, port: 0, localUser: demoUser });
  return {
    url: app.url,
    close: async () => {
      await app.close();
      await graph.close();
    },
  };
}

/**
 * The page script that reports the first frame showing an element matching `selector`: a `MutationObserver`, set up
 * before the page's own scripts run, sees the element arrive, and the next animation frame (the one that draws it)
 * reports `performance.now()` through the `firstFrame` binding. Nothing of the harness runs in the page while it
 * loads: waiting from outside (Playwright's `waitForFunction`) only starts once the page's load event has fired, and
 * then evaluates Playwright's own script on the page's main thread, which delays a page still working then (the tab)
 * and makes a page that drew earlier (the bare page) look later than it was.
 */
function firstFrameScript(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => window.firstFrame(performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

/** What a load costs the page's renderer up to its first frame showing the element (Chromium's Performance metrics). */
interface RenderWork {
  /** CPU time of the renderer process, all its threads (script streaming and compiling included), in ms. */
  rendererCpu: number;
  /** CPU time of the renderer's main thread, in ms. */
  mainThreadCpu: number;
}

/**
 * Milliseconds from the start of navigation to the first frame showing an element matching `selector`, on the page's
 * own clock (so the browser's context start-up is not counted), in a fresh context (empty cache); with `work`, also
 * what the load cost the renderer's CPU up to then.
 */
async function loadPage(browser: Browser, url: string, selector: string): Promise<number>;
async function loadPage(browser: Browser, url: string, selector: string, work: 'work'): Promise<RenderWork>;
async function loadPage(browser: Browser, url: string, selector: string, work?: 'work'): Promise<number | RenderWork> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    const cdp = work ? await context.newCDPSession(page) : undefined;
    await cdp?.send('Performance.enable');
    let report!: (ms: number) => void;
    const shown = new Promise<number>((resolve, reject) => {
      report = resolve;
      timer = setTimeout(
        () => reject(Object.assign(new Error(`no ${selector} within ${renderLimitMs} ms`), { name: 'TimeoutError' })),
        renderLimitMs,
      );
    });
    await page.exposeBinding('firstFrame', (_source, ms: number) => report(ms));
    await page.addInitScript({ content: firstFrameScript(selector) });
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await shown;
    if (!cdp) return ms;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const seconds = (name: string) => {
      const metric = metrics.find((m) => m.name === name);
      if (!metric) throw new Error(`Chromium reported no ${name} metric`);
      return metric.value;
    };
    return { rendererCpu: seconds('ProcessTime') * 1000, mainThreadCpu: seconds('ThreadTime') * 1000 };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

/**
 * Interleaves baseline and subject run by run, and records the medians with their ratio. False when the subject drew
 * nothing within the limit (recorded as such).
 */
async function compareRenders(
  name: string,
  baseline: () => Promise<number>,
  subject: () => Promise<number>,
  options: { runs: number; goal?: string; note: string },
): Promise<boolean> {
  const times = { baseline: [] as number[], subject: [] as number[] };
  try {
    await baseline();
    await subject(); // warm-up: the server's caches and Chromium's code cache
    for (let i = 0; i < options.runs; i++) {
      times.baseline.push(await baseline());
      times.subject.push(await subject());
    }
  } catch (error) {
    if ((error as Error).name !== 'TimeoutError') throw error;
    // Recorded as what it is: no first render within the limit, against a baseline measured in the same run.
    record({
      group: 'tab',
      name,
      unit: 'ms',
      value: renderLimitMs,
      baseline: { label: 'bare Fluent page', value: await baseline() },
      runs: 1,
      ...(options.goal ? { goal: options.goal } : {}),
      note: `no roadmap bar within ${renderLimitMs / 1000} s: the value is the limit, not a measurement. ${options.note}`,
    });
    return false;
  }
  const [low, high] = ratioInterval(times.baseline, times.subject);
  record({
    group: 'tab',
    name,
    unit: 'ms',
    value: median(times.subject),
    baseline: { label: 'bare Fluent page', value: median(times.baseline) },
    runs: options.runs,
    ...(options.goal ? { goal: options.goal } : {}),
    note: `${options.note}; ratio's 95% interval ×${low.toFixed(2)}–×${high.toFixed(2)} (${options.runs} pairs, bootstrap)`,
  });
  return true;
}

/**
 * Where the first render's time goes, as CPU: the renderer's (all threads) and its main thread's, to the first frame,
 * tab against bare page in interleaved pairs of their own (the metrics are switched on for these loads only, so that
 * they cannot touch the timed ones). On a two-core machine the first render follows the CPU spent; the difference
 * between the two figures is the renderer's other threads (script streaming and compiling, mostly).
 */
async function compareRenderWork(
  initiatives: string,
  baseline: () => Promise<RenderWork>,
  subject: () => Promise<RenderWork>,
): Promise<void> {
  const runs = 25;
  const work = { baseline: [] as RenderWork[], subject: [] as RenderWork[] };
  for (let i = 0; i < runs; i++) {
    work.baseline.push(await baseline());
    work.subject.push(await subject());
  }
  const figures = [
    ['rendererCpu', `renderer CPU to the first render, ${initiatives} initiatives (all its threads)`, 'ProcessTime'],
    ['mainThreadCpu', `renderer's main-thread CPU to the first render, ${initiatives} initiatives`, 'ThreadTime'],
  ] as const;
  for (const [metric, name, chromiumMetric] of figures) {
    const [low, high] = ratioInterval(
      work.baseline.map((w) => w[metric]),
      work.subject.map((w) => w[metric]),
    );
    record({
      group: 'tab',
      name,
      unit: 'ms',
      value: median(work.subject.map((w) => w[metric])),
      baseline: { label: 'bare Fluent page', value: median(work.baseline.map((w) => w[metric])) },
      runs,
      note: `Chromium's ${chromiumMetric} metric read at the first frame (a new renderer process per load, its start-up counted for both pages); ratio's 95% interval ×${low.toFixed(2)}–×${high.toFixed(2)} (${runs} pairs, bootstrap)`,
    });
  }
}

const stale = buildStaleness(root);
if (stale) await buildApp(root);
const bareDir = await buildBarePage();
try {
  const bareBytes = gzipped(join(bareDir, 'bare.js'));
  const routes = JSON.parse(readFileSync(join(buildDir, 'routes.json'), 'utf8')) as Record<string, string>;
  for (const route of Object.keys(routes)) {
    const bytes = firstScreenScripts(route).reduce((n, f) => n + gzipped(f), 0);
    record({
      group: 'tab',
      name: `gzipped JS for the first screen of ${route}`,
      unit: 'KB',
      value: bytes / 1024,
      baseline: { label: 'bare Fluent page', value: bareBytes / 1024 },
      note: 'the entry bundle and the lazy chunks it preloads (the UI); MSAL is loaded only for a real tenant',
    });
  }
  const msal = readdirSync(join(buildDir, 'app')).find((f) => /^msal\.[0-9a-f]{8}\.js$/.test(f));
  if (msal) {
    record({
      group: 'tab',
      name: 'gzipped JS of MSAL, loaded on demand for a real tenant',
      unit: 'KB',
      value: gzipped(join(buildDir, 'app', msal)) / 1024,
      baseline: { label: 'bare Fluent page', value: bareBytes / 1024 },
    });
  }

  const browser = await launchChromium();
  const bare = await serveBarePage(bareDir);
  try {
    for (const total of [1000, 5000]) {
      const tandem = await tandemWith(total);
      try {
        const bareLoad = [bare.url, '[data-testid="bare-row"]'] as const;
        const tabLoad = [`${tandem.url}/tab?view=roadmap`, '[data-testid="roadmap-bar"]'] as const;
        const initiatives = total.toLocaleString('en');
        const drawn = await compareRenders(
          `time to first render, ${initiatives} initiatives (roadmap tab)`,
          () => loadPage(browser, ...bareLoad),
          () => loadPage(browser, ...tabLoad),
          {
            // On a loaded 2-core machine one load varies by ~60-110 ms from the next: five pairs moved the ratio by ±0.3
            // from run to run, eleven by ±0.15, twenty-five by ±0.1. The goal's figure takes 49, the other 25.
            runs: total === 1000 ? 49 : 25,
            ...(total === 1000 ? { goal: '≤ 1.5×' } : {}),
            note: 'navigation start to the first frame showing a roadmap bar, data loaded from the local Graph server through /graph; bare page: its first grid row; seen from inside the page',
          },
        );
        // The goal's figure only; and not when the tab drew nothing within the limit, which every load would wait out.
        if (total === 1000 && drawn)
          await compareRenderWork(
            initiatives,
            () => loadPage(browser, ...bareLoad, 'work'),
            () => loadPage(browser, ...tabLoad, 'work'),
          );
      } finally {
        await tandem.close();
      }
    }
  } finally {
    bare.close();
    await browser.close();
  }
} finally {
  rmSync(bareDir, { recursive: true, force: true });
}
