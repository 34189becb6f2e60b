/**
 * Runs inside the extension host for the activation benchmark (loaded as the extension tests module):
 * activates an empty extension and Tandem (both installed, neither with an activation event, so neither is active
 * yet) in the order the driver gives, times each `activate()`, and measures the host's memory before Tandem and once
 * its portfolio is cached. Prints one `TANDEM_BENCH {...}` line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { TandemApi } from '../extension.js';

/** The line prefix the driver looks for. */
export const BENCH_PREFIX = 'TANDEM_BENCH ';

async function activate(id: string): Promise<number> {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`${id} is not installed`);
  if (ext.isActive) throw new Error(`${id} is already active: the measurement would be empty`);
  const start = performance.now();
  await ext.activate();
  return performance.now() - start;
}

/** Called by the extension host. */
export async function run(): Promise<void> {
  // The driver changes the order run by run (its file, since the host's environment is fixed at start).
  const orderFile = process.env.TANDEM_BENCH_ORDER_FILE;
  const order = (orderFile ? readFileSync(orderFile, 'utf8').trim() : 'empty,tandem').split(',');
  const times: Record<string, number> = {};
  let memoryBefore = 0;
  for (const which of order) {
    if (which === 'tandem') memoryBefore = process.memoryUsage().heapUsed;
    times[which] = await activate(which === 'tandem' ? 'tandem.tandem' : 'bench.empty');
  }
  const api = vscode.extensions.getExtension<TandemApi>('tandem.tandem')!.exports;
  await api.ready();
  const deadline = Date.now() + 30_000;
  while (api.service.portfolio.objectives.length === 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const memoryAfter = process.memoryUsage().heapUsed;
  console.log(
    BENCH_PREFIX +
      JSON.stringify({
        empty: times.empty,
        tandem: times.tandem,
        heapBefore: memoryBefore,
        heapAfter: memoryAfter,
        objectives: api.service.portfolio.objectives.length,
        links: api.service.portfolio.links.length,
      }),
  );
}
