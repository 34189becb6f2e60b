// Helpers the browser suite uses to open the fixture and check a page.
import type { Browser, Page } from 'playwright-core';

/** What the fixture page is opened with (see fixture.tsx). */
export interface FixtureQuery {
  view?: string;
  theme?: 'default' | 'dark' | 'contrast';
  scenario?: 'demo' | 'empty' | 'hostile';
  canEdit?: boolean;
  key?: string;
  latency?: number;
  meeting?: boolean;
  /** Whether the user is on the demo site's governance board. @default true */
  member?: boolean;
}

/** Opens the fixture in a new page of `width` × `height` and waits for its data to be seeded. */
export async function openFixture(
  browser: Browser,
  base: string,
  query: FixtureQuery,
  size = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { tandemErrors: string[] }).tandemErrors = errors;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  await page.goto(`${base}?${params}`);
  await page.waitForFunction(() => 'tandem' in window);
  await page.evaluate(() => (window as unknown as { tandem: { ready: Promise<void> } }).tandem.ready);
  return page;
}

/** A violation axe-core reports. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ url: '/axe.js' });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
}

/** How far the whole page scrolls sideways (0 when it does not). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
