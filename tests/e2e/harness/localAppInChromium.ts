/**
 * The start-up most browser suites share: a whole local Tandem and a Chromium, started in a mocha `before` hook and
 * closed in an `after` hook (the browser first). Call it inside `describe`, before the suite's own hooks, and read
 * `local` and `browser` from the returned object once the suite runs.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '@tandem/tests/browser';
import { startLocalApp, type LocalApp } from './localApp.js';

/** The local Tandem and the browser of a suite, set by its `before` hook. */
export interface LocalAppInChromium {
  local: LocalApp;
  browser: Browser;
}

export function localAppInChromium(): LocalAppInChromium {
  const started = {} as LocalAppInChromium;
  before(async () => {
    started.local = await startLocalApp();
    started.browser = await launchChromium();
  });
  after(async () => {
    await started.browser?.close();
    await started.local?.close();
  });
  return started;
}
