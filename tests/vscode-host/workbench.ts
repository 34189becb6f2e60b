/**
 * Drives the VS Code workbench served by code-server from headless Chromium: runs an extension's test module inside the
 * real extension host through the smoke-test driver (`codeAutomationLog` / `codeAutomationExit`), or opens the workbench
 * with an extension under development for UI checks.
 */
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.js';
import type { CodeServer } from './codeServer.js';
import { browserStateOf, codeServerHome, keepHostLeftovers, type BrowserState } from './leftovers.js';

/** What to load into the workbench. */
export interface WorkbenchTarget {
  server: CodeServer;
  /** The workspace folder to open (absolute path). */
  folder: string;
  /** The extension under development (absolute path of the folder with its package.json). */
  extensionDevelopmentPath?: string;
  /** A CommonJS module exporting `run(): Promise<void>` (absolute path, with or without `.js`). */
  extensionTestsPath?: string;
}

/** The outcome of an in-host test run. */
export interface HostRun {
  exitCode: number;
  /** Console output of the extension host, one entry a call. */
  logs: string[];
}

// The workbench's own chatter on a closed network (gallery look-ups, absent sign-in providers): not the suite's output.
const noise =
  /Creating a socket|connection token|\[reconnection-grace-time\]|\[Service Worker\]|Updating additional builtin|Creation of workbench contribution|\[ChatModelSelection\]|open-vsx\.org|\[AgentHost|\[AccountPolicyGate\]|authentication provider|^\s+at (async )?\S+ \(http/;

function workbenchUrl(target: WorkbenchTarget): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${target.server.port}${path}`;
  const payload: [string, string][] = [];
  if (target.extensionDevelopmentPath)
    payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath)
    payload.push(['extensionTestsPath', remote(target.extensionTestsPath.replace(/\.js$/, ''))]);
  const query = new URLSearchParams({ folder: target.folder });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${target.server.url}/?${query.toString()}`;
}

/** An open workbench page; `close()` closes the browser too. */
export interface Workbench {
  page: Page;
  browser: Browser;
  close: () => Promise<void>;
}

/** Opens the workbench (with the extension under development, if given) and waits until it has rendered. */
export async function openWorkbench(
  target: WorkbenchTarget,
  viewport = { width: 1400, height: 900 },
): Promise<Workbench> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  // The smoke-test driver calls these; without them the page throws when an extension host exits.
  await page.exposeFunction('codeAutomationLog', () => undefined);
  await page.exposeFunction('codeAutomationExit', () => undefined);
  await page.goto(workbenchUrl(target));
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60_000 });
  return {
    page,
    browser,
    close: async () => {
      let state: BrowserState | undefined;
      try {
        state = await browserStateOf(page);
      } finally {
        await browser.close();
      }
      keepHostLeftovers(codeServerHome(target.server.userDataDir), 'workbench', '', state);
    },
  };
}

/**
 * Runs `extensionTestsPath` inside the extension host and resolves with its exit code and console output.
 * Rejects when the run does not finish within `timeoutMs`.
 */
export async function runInExtensionHost(
  target: WorkbenchTarget & { extensionTestsPath: string },
  options: { timeoutMs?: number; echo?: boolean } = {},
): Promise<HostRun> {
  const browser = await launchChromium();
  const logs: string[] = [];
  let browserState: BrowserState | undefined;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      logs.push(line);
      if (options.echo !== false && !noise.test(line)) {
        (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.goto(workbenchUrl(target));
    const timeoutMs = options.timeoutMs ?? 600_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the extension tests did not finish within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
    });
    try {
      const exitCode = await Promise.race([exited, timeout]);
      browserState = await browserStateOf(page);
      return { exitCode, logs };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser.close();
    // The session's state (an outbox still holding writes, globalState in the browser, among others) and output,
    // for the token-leak scan.
    keepHostLeftovers(
      codeServerHome(target.server.userDataDir),
      'extension-host-session',
      logs.join('\n'),
      browserState,
    );
  }
}
