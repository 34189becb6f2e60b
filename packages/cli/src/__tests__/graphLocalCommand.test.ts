import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';

const mainTs = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.ts');

/** Runs `tandem` from its TypeScript entry, as the built bin would. */
function tandem(args: string[]) {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', mainTs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finish(
  child: ReturnType<typeof tandem>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('tandem graph-local', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line when ready, serves Graph, and stops cleanly on SIGTERM', async function () {
    this.timeout(60000);
    const child = tandem(['graph-local', '--port', '0', '--data', join(dir, 'graph')]);
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const m = /^Graph listening on (http:\/\/127\.0\.0\.1:(\d+)\/v1\.0)$/.exec(line);
    assert.ok(m, `unexpected line: ${line}`);
    const origin = m[1]!.replace(/\/v1\.0$/, '');
    const tokenRes = await fetch(`${origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'adele@contoso.test' }),
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const site = await fetch(`${m[1]}/sites/root`, { headers: { authorization: `Bearer ${access_token}` } });
    assert.equal(site.status, 200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
    assert.ok(existsSync(join(dir, 'graph', 'graph.sqlite')), 'the data folder holds the database');
  });

  it('exits 2 with a message on stderr for wrong usage', async function () {
    this.timeout(60000);
    const spawned = await finish(tandem(['graph-local', '--port', 'x']));
    assert.equal(spawned.code, 2);
    assert.match(spawned.stderr, /--port must be a whole number/);
    for (const args of [['graph-local', '--data', dir, '--memory'], ['graph-local', '--bogus'], ['nope'], []]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
      assert.equal(code, 2, args.join(' '));
      assert.ok(err.join('').length > 0, 'a message on stderr');
      assert.equal(out.join(''), '');
    }
  });

  it('prints the usage for --help and exits 0', async () => {
    const out: string[] = [];
    assert.equal(await main(['graph-local', '--help'], { stdout: (t) => out.push(t), stderr: () => undefined }), 0);
    assert.match(out.join(''), /^Usage: tandem graph-local/);
    out.length = 0;
    assert.equal(await main(['--help'], { stdout: (t) => out.push(t), stderr: () => undefined }), 0);
    assert.match(out.join(''), /graph-local/);
  });
});
