import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPortfolio, ENTITY_KINDS, keyResultProgress } from '@tandem/core';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { main } from '../../main.js';
import { runTandem, type TandemRun } from './runTandem.js';

/** Runs `tandem` in this process through its entry point, capturing what it prints (spawning costs seconds a run). */
async function runInProcess(args: string[]): Promise<TandemRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('tandem commands against the local Graph server', function () {
  this.timeout(120_000);
  let server: GraphLocalServer;
  let folder: string;
  const env = () => ({ XDG_CONFIG_HOME: join(folder, 'config') });
  const tandem = (...args: string[]) => runInProcess([...args, '--graph', server.url]);
  const saved = { CI: process.env.CI, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  const json = (run: TandemRun) => {
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  };
  const exportCsv = async (kind: string) => {
    const run = await tandem('export', '--kind', kind);
    assert.equal(run.code, 0, run.stderr);
    return run.stdout;
  };

  beforeEach(async () => {
    server = await startGraphLocal({ port: 0, memory: true });
    folder = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
    // In this process as in CI: no progress bar, and a config folder of the test's own.
    process.env.CI = '1';
    process.env.XDG_CONFIG_HOME = join(folder, 'config');
  });
  afterEach(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  describe('usage', () => {
    it('as a process: help with exit 0, wrong usage exit 2 with the usage on stderr, failure exit 1', async () => {
      const help = await runTandem(['import', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: tandem import FILE --kind KIND/);
      const wrong = await runTandem(['export', '--kind', 'objectives', '--graph', server.url], env());
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /--kind must be one of objective, keyResult/);
      assert.match(wrong.stderr, /Usage: tandem export/);
      const unreachable = await runTandem(['provision', '--graph', 'http://127.0.0.1:9/v1.0'], env());
      assert.equal(unreachable.code, 1);
      assert.match(unreachable.stderr, /^tandem provision: /);
      assert.equal(unreachable.stdout, '');
    });

    it('refuses wrong usage with exit 2', async () => {
      const noKind = await tandem('import', 'x.csv');
      assert.equal(noKind.code, 2);
      assert.match(noKind.stderr, /--kind is required/);
      const unknown = await tandem('report', '--colour');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /Unknown option '--colour'/);
      const badDate = await tandem('report', '--since', '2026-02-30');
      assert.equal(badDate.code, 2);
      const login = await runInProcess(['login', '--tenant', 'contoso.onmicrosoft.com']);
      assert.equal(login.code, 2);
      assert.match(login.stderr, /--client-id is required/);
    });

    it('against a real tenant without a sign-in, says to run tandem login', async () => {
      const run = await runInProcess(['provision', '--graph', 'https://graph.microsoft.com/v1.0']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /not signed in: run `tandem login/);
    });
  });

  it('provisions a site, and a second run changes nothing', async () => {
    const first = json(await tandem('provision', '--site', 'root', '--json'));
    // One list per entity kind, and the settings list holding the schema version.
    assert.equal((first.createdLists as string[]).length, ENTITY_KINDS.length + 1);
    const second = json(await tandem('provision', '--json'));
    assert.deepEqual(second.createdLists, []);
    assert.deepEqual(second.addedColumns, []);
    assert.deepEqual(second.listIds, first.listIds);
    const text = await tandem('provision');
    assert.match(text.stdout, /is up to date/);
  });

  it('seeds the demo portfolio once, however often it runs', async () => {
    const first = json(await tandem('seed', '--json'));
    const demo = demoPortfolio(new Date());
    const expected = Object.entries(demo)
      .filter(([kind]) => kind !== 'people')
      .reduce((n, [, items]) => n + items.length, 0);
    assert.equal(first.created, expected);
    const second = json(await tandem('seed', '--json'));
    assert.equal(second.created, 0);
    assert.equal(second.unchanged, expected);
    const initiatives = (await exportCsv('initiative')).trim().split('\r\n');
    assert.equal(initiatives.length - 1, demo.initiative.length);
  });

  describe('import', () => {
    const header = 'key,objectiveKey,title,metric,unit,direction,startValue,targetValue,currentValue,weight';
    const row = (n: number, current = 10) => `KR-${n},OBJ-1,Result ${n},Signups,count,increase,0,100,${current},1`;

    it('imports a CSV, and re-importing updates by key instead of duplicating', async () => {
      const file = join(folder, 'results.csv');
      await writeFile(file, [header, row(1), row(2), row(3)].join('\n') + '\n');
      const first = json(await tandem('import', file, '--kind', 'keyResult', '--json'));
      assert.deepEqual([first.created, first.updated, first.rejected], [3, 0, 0]);
      await writeFile(file, [header, row(1), row(2, 60), row(3), row(4)].join('\n') + '\n');
      const again = await tandem('import', file, '--kind', 'keyResult');
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /Imported 4 keyResult rows .*: 1 created, 1 updated, 2 unchanged\./);
      const exported = (await exportCsv('keyResult')).trim().split('\r\n');
      assert.deepEqual(
        exported.slice(1).map((line) => line.split(',').slice(1, 2)[0]),
        ['KR-1', 'KR-2', 'KR-3', 'KR-4'],
      );
      assert.ok(exported[2]!.includes(',60,'), 'KR-2 was updated');
    });

    const malformed: [name: string, text: string, where: RegExp][] = [
      [
        'a stray quote',
        `${header}\n${row(1)}\nKR-2,OBJ-1,Res"ult,Signups,count,increase,0,100,10,1\n`,
        /row 3, column 3: a quote inside an unquoted cell/,
      ],
      [
        'text after a closing quote',
        `${header}\n${row(1)}\n${row(2)}\nKR-3,OBJ-1,"Result" 3,S,count,increase,0,100,10,1\n`,
        /row 4, column 3: text after a closing quote/,
      ],
      [
        'a quote never closed',
        `${header}\n${row(1)}\nKR-2,"OBJ-1,Result\n`,
        /row 3, column 2: a quoted cell is never closed/,
      ],
      [
        'a wrong type',
        `${header}\n${row(1)}\n${row(2).replace(',10,1', ',ten,1')}\n`,
        /row 3, column 9 \(currentValue\): must be a number/,
      ],
      [
        'an unknown column',
        `${header},colour\n${row(1)},blue\n`,
        /row 1, column 11 \(colour\): unknown column "colour"/,
      ],
      [
        'a duplicate key',
        `${header}\n${row(1)}\n${row(2)}\n${row(1, 20)}\n`,
        /row 4, field key: KR-1 already appears in row 2/,
      ],
      [
        'a BOM and CRLF line ends',
        `\uFEFF${header}\r\n${row(1)}\r\n${row(2).replace('increase', 'upwards')}\r\n`,
        /row 3, column 6 \(direction\): must be one of increase/,
      ],
    ];
    for (const [name, text, where] of malformed) {
      it(`refuses a file with ${name}: names row and column, imports nothing`, async () => {
        const file = join(folder, 'bad.csv');
        await writeFile(file, text);
        const run = await tandem('import', file, '--kind', 'keyResult');
        assert.equal(run.code, 1, run.stdout);
        assert.match(run.stderr, where);
        assert.match(run.stderr, /[Nn]othing was imported/);
        assert.equal(
          (await exportCsv('keyResult')).trim().split('\r\n').length,
          1,
          'only the header: nothing imported',
        );
      });
    }

    it('as a process: a malformed file exits 1 naming row and column on stderr', async () => {
      const file = join(folder, 'bad.csv');
      await writeFile(file, `${header}\n${row(1)}\n${row(2).replace(',10,1', ',ten,1')}\n`);
      const run = await runTandem(['import', file, '--kind', 'keyResult', '--graph', server.url], env());
      assert.equal(run.code, 1);
      assert.match(run.stderr, /row 3, column 9 \(currentValue\): must be a number/);
      assert.equal(run.stdout, '');
    });

    it('reads a BOM and CRLF file like any other', async () => {
      const file = join(folder, 'excel.csv');
      await writeFile(
        file,
        `\uFEFF${header}\r\n${row(1)}\r\n"KR-2",OBJ-1,"Result, ""two""\r\nlines",Signups,count,increase,0,100,10,1\r\n`,
      );
      const run = json(await tandem('import', file, '--kind', 'keyResult', '--json'));
      assert.equal(run.created, 2);
      assert.match(await exportCsv('keyResult'), /"Result, ""two""\r\nlines"/);
    });

    it('with --partial, imports the valid rows and reports the rest', async () => {
      const file = join(folder, 'mixed.csv');
      await writeFile(file, [header, row(1), row(2).replace(',10,1', ',ten,1'), row(3)].join('\n'));
      const run = await tandem('import', file, '--kind', 'keyResult', '--partial');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /row 3, column 9 \(currentValue\)/);
      assert.match(run.stdout, /Imported 2 keyResult rows .*2 created.*; 1 rows skipped\./);
    });

    it('with 30% of Graph requests throttled or unavailable, ends with every row present exactly once', async () => {
      const file = join(folder, 'many.csv');
      const rows = Array.from({ length: 240 }, (_, i) => row(i + 1, i % 100));
      await writeFile(file, [header, ...rows].join('\n'));
      json(await tandem('provision', '--json'));
      // Each rule draws on its own: 15% are throttled, and 15/85 of the rest unavailable — 30% of requests in all.
      for (const [status, rate] of [
        [429, 0.15],
        [503, 0.15 / 0.85],
      ] as const) {
        const response = await fetch(`${server.origin}/_local/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ match: '/v1.0/', status, rate, retryAfter: 0 }),
        });
        assert.ok(response.ok, await response.text());
      }
      // The faults do fire: of 60 plain reads, some are answered 429 and some 503.
      const token = (
        (await (
          await fetch(`${server.origin}/_local/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: 'admin@contoso.test' }),
          })
        ).json()) as { access_token: string }
      ).access_token;
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const answer = await fetch(`${server.url}/sites/root`, { headers: { authorization: `Bearer ${token}` } });
        statuses.push(answer.status);
        await answer.arrayBuffer();
      }
      assert.ok(statuses.includes(429) && statuses.includes(503), statuses.join(' '));
      const run = json(await tandem('import', file, '--kind', 'keyResult', '--json'));
      assert.equal(run.created, 240);
      await fetch(`${server.origin}/_local/faults`, { method: 'DELETE' });
      const keys = (await exportCsv('keyResult'))
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1]);
      assert.equal(keys.length, 240);
      assert.equal(new Set(keys).size, 240);
    });
  });

  describe('export', () => {
    for (const format of ['csv', 'json'] as const) {
      it(`exports ${format} that, imported into an empty site, gives back the same data`, async () => {
        json(await tandem('seed', '--json'));
        const kinds = ['objective', 'initiative', 'kpiMeasurement', 'decision', 'link', 'glossaryTerm'];
        const files: Record<string, string> = {};
        for (const kind of kinds) {
          const out = join(folder, `${kind}.${format}`);
          const run = json(await tandem('export', '--kind', kind, '--out', out, '--json'));
          assert.ok((run.count as number) > 0, `${kind} has demo items`);
          files[kind] = await readFile(out, 'utf8');
        }
        const empty = await startGraphLocal({ port: 0, memory: true });
        try {
          for (const kind of kinds) {
            const imported = await runInProcess([
              'import',
              join(folder, `${kind}.${format}`),
              '--kind',
              kind,
              '--graph',
              empty.url,
            ]);
            assert.equal(imported.code, 0, imported.stderr);
            const again = await runInProcess(['export', '--kind', kind, '--format', format, '--graph', empty.url]);
            assert.equal(again.stdout, files[kind], `${kind} comes back the same`);
          }
        } finally {
          await empty.close();
        }
      });
    }
  });

  describe('report', () => {
    it('reports the demo portfolio’s figures in Markdown', async () => {
      json(await tandem('seed', '--json'));
      const demo = demoPortfolio(new Date());
      const run = await tandem('report');
      assert.equal(run.code, 0, run.stderr);
      const md = run.stdout;
      for (const kr of demo.keyResult.filter((k) => k.objectiveKey === 'OBJ-1')) {
        const progress = `${Math.round(keyResultProgress(kr) * 100)}%`;
        assert.ok(
          md.includes(`| ${kr.key} `) &&
            md.split('\n').some((l) => l.startsWith(`| ${kr.key} `) && l.endsWith(` ${progress} |`)),
          `${kr.key} at ${progress}`,
        );
      }
      const inProgress = demo.initiative.filter((i) => i.objectiveKeys.includes('OBJ-1') && i.status === 'inProgress');
      assert.ok(inProgress.length > 0);
      for (const initiative of inProgress)
        assert.ok(md.includes(`${initiative.key} ${initiative.title} (${Math.round(initiative.percentComplete)}%)`));
      const objective1 = new Set([
        'OBJ-1',
        ...demo.initiative.filter((i) => i.objectiveKeys.includes('OBJ-1')).map((i) => i.key),
        ...demo.keyResult.filter((k) => k.objectiveKey === 'OBJ-1').map((k) => k.key),
      ]);
      const commits = demo.link.filter((l) => l.kind === 'commit' && objective1.has(l.targetKey)).length;
      const meetings = demo.link.filter((l) => l.kind === 'meeting' && objective1.has(l.targetKey)).length;
      assert.ok(commits > 0);
      const section = md.slice(md.indexOf('## OBJ-1 '), md.indexOf('## OBJ-2 '));
      assert.match(section, new RegExp(`${commits} commits, \\d+ pull requests, ${meetings} meetings`));
      // KPI movement: first to last measurement, as the demo recorded them.
      for (const kpi of demo.kpi.filter((k) => k.objectiveKey === 'OBJ-1')) {
        const series = demo.kpiMeasurement
          .filter((m) => m.kpiKey === kpi.key)
          .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1));
        const change = series.at(-1)!.value - series[0]!.value;
        const row = section.split('\n').find((l) => l.startsWith(`| ${kpi.key} `))!;
        const shown = Math.round(change * 100) / 100;
        assert.ok(row.includes(` | ${shown > 0 ? '+' : ''}${shown} | `), `${kpi.key} moved ${shown}: ${row}`);
      }
      // SLA attainment per service: the share of its periods meeting both targets.
      const service = demo.service[0]!;
      const records = demo.slaRecord.filter((r) => r.serviceKey === service.key);
      const met = records.filter((r) => {
        const minutes = (Date.parse(r.periodEnd) - Date.parse(r.periodStart)) / 60_000 + 1440;
        return (
          100 * (1 - r.downtimeMinutes / minutes) >= service.availabilityTarget &&
          r.responseTimeMs <= service.responseTimeTargetMs
        );
      }).length;
      const serviceRow = md.split('\n').find((l) => l.startsWith(`| ${service.key} `))!;
      assert.ok(
        serviceRow.includes(`| ${Math.round((100 * met) / records.length)}% of ${records.length} |`),
        serviceRow,
      );
    });

    it('writes one self-contained HTML file with charts, the same figures as --json', async () => {
      json(await tandem('seed', '--json'));
      const out = join(folder, 'impact.html');
      const figures = json(await tandem('report', '--since', '2026-01-01', '--out', out, '--json')) as {
        objectives: { key: string; progress: number; keyResults: unknown[] }[];
        services: { key: string; attainment?: number }[];
      };
      const html = await readFile(out, 'utf8');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      assert.ok(!/<script/i.test(html));
      assert.ok((html.match(/<svg /g) ?? []).length >= figures.objectives.length);
      for (const objective of figures.objectives) {
        assert.ok(html.includes(`id="${objective.key}"`));
        assert.ok(html.includes(`progress <strong>${Math.round(objective.progress)}%</strong>`), objective.key);
      }
      assert.ok(figures.services.length > 0 && figures.services.every((s) => s.attainment !== undefined));
    });
  });
});
