import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Portfolio } from './portfolio.js';

/** Keeps the last portfolio read per connection, so the views fill at once and work offline. */
export interface PortfolioCache {
  read(connectionId: string): Promise<Portfolio | undefined>;
  write(connectionId: string, portfolio: Portfolio): Promise<void>;
}

const CACHE_VERSION = 1;

/**
 * The offline cache as JSON files in a folder (the extension's global storage). Never holds tokens; a file that is
 * unreadable or from another version is ignored, and replaced on the next write (written to a temporary name, then renamed).
 */
export class FilePortfolioCache implements PortfolioCache {
  constructor(private readonly folder: string) {}

  private file(connectionId: string): string {
    return join(this.folder, `portfolio-${createHash('sha256').update(connectionId).digest('hex').slice(0, 16)}.json`);
  }

  async read(connectionId: string): Promise<Portfolio | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(connectionId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: { version?: unknown; portfolio?: Portfolio };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch (error) {
      if (error instanceof SyntaxError) return undefined; // a torn write from a crash: the next refresh replaces it
      throw error;
    }
    return parsed.version === CACHE_VERSION && parsed.portfolio ? parsed.portfolio : undefined;
  }

  async write(connectionId: string, portfolio: Portfolio): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = this.file(connectionId);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: CACHE_VERSION, portfolio }));
    await rename(temp, file);
  }
}
