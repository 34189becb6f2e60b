/** Real git repositories in a temporary folder, for the unit tests of the git-facing modules. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away repository with a fixed identity. */
export class TempRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'tandem-unit-repo-'));

  constructor() {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Dana Developer');
    this.git('config', 'user.email', 'dana@contoso.example');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' }).trim();
  }

  /** Writes `files`, stages everything and commits with `message`; returns the new SHA. */
  commit(message: string, files: Record<string, string> = { [`f${Math.random()}.txt`]: 'x\n' }): string {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), text);
    }
    this.git('add', '-A');
    execFileSync('git', ['commit', '-q', '-F', '-'], { cwd: this.dir, input: message });
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
