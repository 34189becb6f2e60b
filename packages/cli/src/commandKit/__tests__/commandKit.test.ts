import assert from 'node:assert/strict';
import { UsageError } from '../../command.js';
import { defaultGraphUrl, graphArgs, parseGraphCommand } from '../commandArgs.js';
import { isLocalGraph, localOrigin } from '../connection.js';
import { progressBar } from '../progressBar.js';

describe('command options', () => {
  it('defaults --graph to the local server behind tandem start, and checks what is given', () => {
    const saved = process.env.TANDEM_GRAPH_URL;
    delete process.env.TANDEM_GRAPH_URL;
    try {
      assert.equal(graphArgs({}).graph, defaultGraphUrl);
      assert.equal(graphArgs({ graph: 'https://graph.microsoft.com/v1.0/' }).graph, 'https://graph.microsoft.com/v1.0');
      assert.throws(() => graphArgs({ graph: 'not a url' }), UsageError);
      assert.throws(() => graphArgs({ graph: 'ftp://example.com' }), UsageError);
      assert.throws(() => graphArgs({ user: 'ada' }), UsageError);
    } finally {
      if (saved !== undefined) process.env.TANDEM_GRAPH_URL = saved;
    }
  });

  it('parses a Graph command in one call: its own options, the common ones, the positionals, all checked', () => {
    const parsed = parseGraphCommand(
      ['data.csv', '--kind', 'objective', '--graph', 'http://127.0.0.1:4100/v1.0/', '--json'],
      { kind: { type: 'string' } },
      { min: 1, max: 1, names: 'the file' },
    );
    assert.equal(parsed.values.kind, 'objective');
    assert.deepEqual(parsed.positionals, ['data.csv']);
    assert.deepEqual(parsed.graph, {
      graph: 'http://127.0.0.1:4100/v1.0',
      user: 'admin@contoso.test',
      json: true,
    });
    assert.throws(() => parseGraphCommand(['--colour'], {}), UsageError);
    assert.throws(() => parseGraphCommand(['extra'], {}), /unexpected argument 'extra'/);
    assert.throws(() => parseGraphCommand([], {}, { min: 1, max: 1, names: 'the file' }), /missing the file/);
    assert.throws(() => parseGraphCommand(['--kind'], { kind: { type: 'string' } }), UsageError);
  });

  it('signs in to the local server with dev tokens, found beside its version segment', () => {
    assert.equal(localOrigin('http://127.0.0.1:4100/v1.0'), 'http://127.0.0.1:4100');
    assert.equal(localOrigin(defaultGraphUrl), 'http://127.0.0.1:3978/graph');
    assert.ok(isLocalGraph(defaultGraphUrl));
    assert.ok(!isLocalGraph('https://graph.microsoft.com/v1.0'));
  });
});

describe('progressBar', () => {
  const terminal = () => {
    const written: string[] = [];
    return { written, stream: { isTTY: true, columns: 80, write: (t: string) => written.push(t) } };
  };

  it('draws on a terminal, and clears the line when done', () => {
    const { written, stream } = terminal();
    let t = 0;
    const bar = progressBar({ json: false, stream, env: {}, now: () => (t += 200) });
    bar.update('Importing', 50, 200);
    bar.update('Importing', 200, 200);
    bar.done();
    assert.match(written[0]!, /^\rImporting \[#{8} {22}\] 25% 50\/200/);
    assert.match(written[1]!, /100% 200\/200/);
    assert.equal(written[2], '\r\x1b[K');
  });

  it('stays silent in CI, with --json, and when stderr is not a terminal', () => {
    for (const [json, env, isTTY] of [
      [false, { CI: 'true' }, true],
      [true, {}, true],
      [false, {}, false],
    ] as const) {
      const { written, stream } = terminal();
      const bar = progressBar({ json, stream: { ...stream, isTTY }, env });
      bar.update('Importing', 1, 2);
      bar.done();
      assert.deepEqual(written, []);
    }
  });
});
