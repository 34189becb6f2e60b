/** Real git repositories in a temporary folder, for the unit tests of the git-facing modules. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const identity = {
  GIT_AUTHOR_NAME: 'Dana Developer',
  GIT_AUTHOR_EMAIL: 'dana@contoso.example',
  GIT_COMMITTER_NAME: 'Dana Developer',
  GIT_COMMITTER_EMAIL: 'dana@contoso.example',
};

/** Runs git in `cwd` as the tests' fixed identity, whatever the machine's git configuration; returns its trimmed output. */
export function testGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...identity } }).trim();
}

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
    return testGit(this.dir, ...args);
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
