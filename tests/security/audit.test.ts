import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { shippedDependencies } from '../../shared/security/audit.mjs';

const auditScript = fileURLToPath(new URL('../../shared/security/audit.mjs', import.meta.url));

/** Runs `npm run audit`'s script against `registry` and collects what it said. */
function runAuditScript(registry: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [auditScript], {
      env: { ...process.env, npm_config_registry: registry, npm_config_fetch_retries: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('security: npm run audit', function () {
  this.timeout(120_000);
  let registry: Server;
  let posts = 0;
  before(async () => {
    // A registry that serves packages but not the advisory endpoint, as some mirrors do: POST is 405.
    registry = createServer((req, res) => {
      if (req.method === 'POST') posts++;
      res.writeHead(req.method === 'POST' ? 405 : 404, { allow: 'GET, HEAD' }).end();
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => registry.close(() => resolve())));

  it('says plainly that the audit could not run, and exits 2, when the registry has no audit endpoint', async () => {
    const { port } = registry.address() as AddressInfo;
    const run = await runAuditScript(`http://127.0.0.1:${port}/`);
    assert.ok(posts > 0, 'npm audit asked the registry');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /could NOT run: 405/);
    assert.match(run.stderr, /no result/);
    assert.doesNotMatch(run.stdout + run.stderr, /0 vulnerabilities/, 'no result is claimed');
  });

  it('lists the shipped third-party packages with versions, without dev-only ones', () => {
    const shipped = shippedDependencies();
    const names = new Set(shipped.map((d) => d.name));
    for (const name of ['zod', 'better-sqlite3', '@microsoft/microsoft-graph-client', 'react', '@azure/msal-browser'])
      assert.ok(names.has(name), `${name} ships`);
    for (const name of ['mocha', 'typescript', 'eslint', 'playwright-core', 'webpack'])
      assert.ok(!names.has(name), `${name} is dev-only`);
    assert.ok(![...names].some((n) => n.startsWith('@tandem/')), "Tandem's own workspaces are not third-party");
    for (const d of shipped) assert.match(d.version, /^\d+\.\d+\.\d+/, `${d.name} has a version`);
    assert.equal(shipped.find((d) => d.name === 'zod')?.direct, true);
  });
});
