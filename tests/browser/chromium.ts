/**
 * Launches the machine's Chromium headless for browser suites, with the flags that work on a closed network.
 * Never downloads a browser: it uses the Debian package (`chromium`), which `.ci/run` installs.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The path of the Chromium executable, or a clear error saying how to install it. */
export function chromiumPath(): string {
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found)
    throw new Error(
      'Chromium not found: install the Debian package `chromium` (as .ci/run does) or set CHROMIUM_PATH.',
    );
  return found;
}

/** A headless Chromium; Playwright gives each launch a fresh, temporary profile. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
