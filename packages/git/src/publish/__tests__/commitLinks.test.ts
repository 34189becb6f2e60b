import * as assert from 'node:assert/strict';
import { linkSchema } from '@tandem/core';
import type { LoggedCommit } from '../../history/commitLog.js';
import { inBatches, linkTitle, planCommitLinks } from '../commitLinks.js';
import { stableUuid } from '../linkId.js';

const commit = (sha: string, message: string, authorEmail = 'dana@contoso.example'): LoggedCommit => ({
  sha: sha.repeat(40).slice(0, 40),
  authorName: 'Dana Developer',
  authorEmail,
  date: '2026-11-01T10:00:00+01:00',
  message,
});
const source = {
  repositoryUrl: 'https://github.com/contoso-retail/webshop',
  branchShas: new Set<string>(),
  linkedBy: { email: 'megan@contoso.test', displayName: 'Megan Bowen' },
  now: new Date('2026-11-20T12:00:00Z'),
  knownKeys: new Set(['INI-1', 'INI-3', 'OBJ-1']),
};

describe('planCommitLinks', () => {
  it('links each commit to each key it names: trailers, brackets, mentions; valid link items with stable ids', () => {
    const plan = planCommitLinks(
      [commit('a', 'Checkout\n\nInitiative: INI-1'), commit('b', '[INI-3] Search, for OBJ-1')],
      source,
    );
    assert.deepEqual(
      plan.links.map((l) => [l.externalId.slice(0, 1), l.targetKey]),
      [
        ['a', 'INI-1'],
        ['b', 'INI-3'],
        ['b', 'OBJ-1'],
      ],
    );
    for (const link of plan.links) linkSchema.parse(link);
    const first = plan.links[0]!;
    assert.equal(first.url, `https://github.com/contoso-retail/webshop/commit/${'a'.repeat(40)}`);
    assert.equal(first.occurredAt, '2026-11-01T09:00:00.000Z');
    assert.equal(first.id, stableUuid(`commit:${source.repositoryUrl}:${'a'.repeat(40)}:INI-1`));
    assert.deepEqual(planCommitLinks([commit('a', 'Checkout\n\nInitiative: INI-1')], source).links[0]!.id, first.id);
  });

  it('uses the branch name only for the branch’s own commits', () => {
    const own = commit('c', 'Plain message');
    const plan = planCommitLinks([own, commit('d', 'Older plain')], {
      ...source,
      branch: 'ini-3/search',
      branchShas: new Set([own.sha]),
    });
    assert.deepEqual(
      plan.links.map((l) => [l.externalId.slice(0, 1), l.targetKey]),
      [['c', 'INI-3']],
    );
  });

  it('reports unknown keys instead of linking them', () => {
    const plan = planCommitLinks([commit('e', 'Initiative: INI-999\n\nx\n\nInitiative: INI-999')], source);
    assert.deepEqual(plan.links, []);
    assert.equal(plan.unknownKeys.get('INI-999'), 'e'.repeat(40));
  });

  it('survives a huge message, an empty one and an author without a usable e-mail', () => {
    const huge = commit(
      'f',
      `${'Speed up search '.repeat(1000)}\n\n${'body\n'.repeat(100_000)}\nInitiative: INI-3`,
      'not-an-email',
    );
    const [link] = planCommitLinks([huge], source).links;
    assert.equal(link!.title.length, 255);
    assert.equal(link!.author, undefined);
    linkSchema.parse(link);
    assert.equal(linkTitle(''), '(no subject)');
  });

  it('batches', () => {
    assert.deepEqual(inBatches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.throws(() => inBatches([1], 0), RangeError);
  });
});

describe('stableUuid', () => {
  it('is a version-5-shaped UUID, the same for the same name', () => {
    assert.match(stableUuid('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(stableUuid('x'), stableUuid('x'));
    assert.notEqual(stableUuid('x'), stableUuid('y'));
  });
});
