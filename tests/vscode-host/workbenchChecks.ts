/**
 * The checks a user would make by looking at the workbench: the Tandem views' rows, a command run from the palette,
 * the status-bar item, a hover card and the business-blame CodeLens. Each is one counted check.
 */
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './install.js';
import type { CheckList } from './results.js';

/** Where the suite's screenshots go (docs/screenshots/). */
export function screenshotPath(name: string): string {
  const dir = join(repoRoot, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const row = (page: Page, text: string) => page.locator('.monaco-list-row', { hasText: text }).first();

/**
 * Presses `key` to open the quick input and returns its text box. When focus was left inside a webview's frame (its
 * own document swallows the keys), the first press does nothing: give focus back to the workbench and press again.
 */
async function openQuickInput(page: Page, key: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press(key);
  try {
    await input.waitFor({ timeout: 5_000 });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.focus();
    });
    await page.keyboard.press(key);
    await input.waitFor({ timeout: 30_000 });
  }
  return input;
}

/** Runs a command from the Command Palette by its title, as a user types it. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const input = await openQuickInput(page, 'F1');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open. */
export async function quickOpen(page: Page, file: string): Promise<void> {
  const input = await openQuickInput(page, 'Control+P');
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: file }).waitFor();
}

/** Opens the Tandem container and waits for the seeded objectives. */
export async function openTandem(page: Page): Promise<void> {
  await page.locator('.activitybar [aria-label^="Tandem"]').first().click();
  await page.locator('.pane-header', { hasText: 'Goals' }).first().waitFor({ timeout: 30_000 });
  await row(page, 'OBJ-1 Grow online revenue by 25%').waitFor({ timeout: 30_000 });
}

/** The workbench checks of the extension under development; the last leaves a hover open for the screenshot. */
export async function checkWorkbench(page: Page, checks: CheckList, branchKey: string): Promise<void> {
  await checks.check('the Tandem container lists the seeded objectives in Goals', async () => {
    await openTandem(page);
    await row(page, 'OBJ-9 Open click-and-collect in all stores').waitFor();
    await page.locator('.pane-header', { hasText: 'My Work' }).first().waitFor();
    await row(page, 'INI-1 One-page checkout').waitFor();
  });

  await checks.check(
    '“Tandem: Show Only Mine” from the Command Palette filters Goals, “Show All Goals” undoes it',
    async () => {
      await runFromPalette(page, 'Tandem: Show Only Mine');
      await row(page, 'OBJ-9 Open click-and-collect').waitFor({ state: 'detached' });
      await row(page, 'OBJ-1 Grow online revenue').waitFor();
      await runFromPalette(page, 'Tandem: Show All Goals');
      await row(page, 'OBJ-9 Open click-and-collect').waitFor();
    },
  );

  await checks.check(`the status bar and This Branch show the branch’s initiative ${branchKey}`, async () => {
    await page.locator('.statusbar-item', { hasText: branchKey }).first().waitFor({ timeout: 20_000 });
    await row(page, `${branchKey} `).waitFor();
  });

  await checks.check('business blame names INI-1 above src/checkout.ts', async () => {
    await quickOpen(page, 'checkout.ts');
    await page
      .locator('.contentWidgets .codelens-decoration', { hasText: 'INI-1 One-page checkout' })
      .first()
      .waitFor({ timeout: 30_000 });
  });

  await checks.check(
    '“Tandem: Open Roadmap” shows @tandem/ui’s roadmap in a webview, with the seeded initiatives',
    async () => {
      await runFromPalette(page, 'Tandem: Open Roadmap');
      await page.locator('.tab', { hasText: 'Tandem Roadmap' }).first().waitFor();
      const deadline = Date.now() + 30_000;
      for (;;) {
        const texts = await Promise.all(
          // A frame may go away while it is read (the webview loads in steps): it then simply has no text.
          page
            .frames()
            .filter((f) => f !== page.mainFrame()) // the side bar's own rows name INI-1 too
            .map((f) =>
              f
                .locator('body')
                .innerText({ timeout: 1000 })
                .catch(() => ''),
            ),
        );
        if (texts.some((t) => t.includes('One-page checkout'))) break;
        if (Date.now() > deadline) {
          throw new Error(
            `the roadmap webview never showed INI-1; frames: ${page
              .frames()
              .map((f) => f.url())
              .join(', ')}; texts: ${texts.join(' | ').slice(0, 500)}`,
          );
        }
        await page.waitForTimeout(250);
      }
      await page.screenshot({ path: screenshotPath('vscode-roadmap.png') });
      await page.keyboard.press('Control+W');
    },
  );

  await checks.check('hovering a key in a code comment shows its card', async () => {
    await quickOpen(page, 'search.ts');
    const key = page.locator('.view-lines .view-line span', { hasText: 'INI-3' }).first();
    await key.waitFor();
    // Business blame's CodeLens arrives a moment after the file opens and pushes the lines down: aim only once the
    // key's line has stopped moving, and aim again before the keyboard fallback.
    const aim = async () => {
      let box = (await key.boundingBox())!;
      for (let tries = 0; tries < 20; tries++) {
        await page.waitForTimeout(300);
        const again = (await key.boundingBox())!;
        if (again.x === box.x && again.y === box.y && again.width === box.width) break;
        box = again;
      }
      const text = (await key.textContent()) ?? '';
      // Point at the middle of "INI-3" inside its span.
      const at = text.indexOf('INI-3') + 2;
      return { x: box.x + (box.width * at) / Math.max(text.length, 1), y: box.y + box.height / 2 };
    };
    const { x, y } = await aim();
    const hover = page.locator('.monaco-hover', { hasText: 'Product search relevance' }).first();
    // The mouse first, as a user would; on a busy machine the hover delay can pass unnoticed, so then the keyboard
    // (cursor on the key, Ctrl+K Ctrl+I: Show Hover), which opens the same card.
    await page.mouse.move(x - 40, y);
    await page.mouse.move(x, y, { steps: 4 });
    try {
      await hover.waitFor({ timeout: 8_000 });
    } catch (error) {
      if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
      const target = await aim();
      await page.mouse.click(target.x, target.y);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      // On failure, a picture of the workbench for whoever reads the log (in the ignored cache folder).
      await hover.waitFor({ timeout: 45_000 }).catch(async (e: unknown) => {
        await page.screenshot({ path: join(repoRoot, '.cache', 'hover-failure.png') });
        throw e;
      });
    }
    await page.waitForTimeout(500); // let the hover finish fading in before the screenshot that follows
    const card = (await hover.textContent()) ?? '';
    for (const part of ['WSJF rank', 'Health', 'Owner', 'Open in Teams']) {
      if (!card.includes(part)) throw new Error(`the card lacks “${part}”: ${card}`);
    }
  });
}
