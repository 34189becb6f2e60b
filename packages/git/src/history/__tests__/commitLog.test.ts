import * as assert from 'node:assert/strict';
import { COMMIT_LOG_FORMAT, CommitLogParser } from '../commitLog.js';

const record = (sha: string, message: string) =>
  `${sha}\x1fDana\x1fdana@contoso.example\x1f2026-11-01T10:00:00+01:00\x1f${message}\n\x1e\n`;

describe('CommitLogParser', () => {
  it('asks git for hash, author, e-mail, ISO date and raw body', () => {
    assert.equal(COMMIT_LOG_FORMAT, '%H\x1f%an\x1f%ae\x1f%aI\x1f%B\x1e');
  });

  it('parses records split across chunks at any point, messages with blank lines and colons intact', () => {
    const text =
      record('a'.repeat(40), 'Subject: yes\n\nBody\n\nInitiative: INI-7') + record('b'.repeat(40), '[INI-3] Two');
    for (let cut = 0; cut <= text.length; cut += 7) {
      const parser = new CommitLogParser();
      const commits = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      assert.equal(commits.length, 2, `cut at ${cut}`);
      assert.equal(commits[0]!.message, 'Subject: yes\n\nBody\n\nInitiative: INI-7');
      assert.equal(commits[1]!.message, '[INI-3] Two');
      assert.equal(commits[1]!.authorEmail, 'dana@contoso.example');
      assert.ok(parser.complete);
    }
  });

  it('keeps an unfinished record for the next chunk', () => {
    const parser = new CommitLogParser();
    assert.deepEqual(parser.push(record('c'.repeat(40), 'x').slice(0, 50)), []);
    assert.equal(parser.complete, false);
  });
});
