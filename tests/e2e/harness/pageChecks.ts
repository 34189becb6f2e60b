/** Checks a browser suite makes on any page: accessibility with axe-core, horizontal overflow, screenshots. */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '@tandem/cli';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in `target` (a page or a frame) and returns the serious and critical violations. axe is injected as
 * a script through the DevTools protocol, which the page's CSP does not govern.
 */
export async function seriousAxeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/** How far the page scrolls sideways (0 when it fits). */
export function horizontalOverflow(target: Page | Frame): Promise<number> {
  return target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Saves a screenshot of the run into docs/screenshots/. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(repoRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

/** The store listing's screenshot size (Teams store validation: 1366×768, at most 1024 KB each). */
export const storeScreenshotSize = { width: 1366, height: 768 };

/**
 * Saves a store listing screenshot of `page` (whose viewport is {@link storeScreenshotSize}) into the app package's
 * folder, teams-app/appPackage/store/, and returns its size in bytes. They are uploaded with the listing, not zipped
 * into the app package.
 */
export async function keepStoreScreenshot(page: Page, name: string): Promise<number> {
  const dir = join(repoRoot(), 'teams-app', 'appPackage', 'store');
  mkdirSync(dir, { recursive: true });
  const image = await page.screenshot({ path: join(dir, name) });
  return image.length;
}
