import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheStorage } from '../sync/cacheStorage.js';

/**
 * Keeps the cache and the outbox as files in a folder (the CLI's `.tandem/`, VS Code's global storage).
 * Writes go to a temporary file renamed into place, so a crash never leaves a torn file behind.
 */
export class FileCacheStorage implements CacheStorage {
  constructor(private readonly folder: string) {}

  async read(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(name: string, text: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const target = this.path(name);
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  }

  async remove(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }

  private path(name: string): string {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new RangeError(`not a safe storage name: ${name}`);
    return join(this.folder, name);
  }
}
