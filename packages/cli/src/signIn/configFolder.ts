import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The user's Tandem config folder: `$XDG_CONFIG_HOME/tandem`, else `~/.config/tandem`. */
export function configFolder(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'tandem');
}

/**
 * Writes a file only its owner can read (mode 0600, in a folder of mode 0700), replacing it atomically so a crash
 * never leaves half a token cache. The mode is set on the new file before it takes the old one's place.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    // The umask may have narrowed the mode, never widened it; set it exactly anyway.
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
