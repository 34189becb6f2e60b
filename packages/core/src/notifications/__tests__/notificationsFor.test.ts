import { strict as assert } from 'node:assert';
import { notificationsFor } from '@tandem/core';
import { adele, build, lee, megan, nestor, portfolioOf } from '../../checkins/__tests__/portfolioBuilder.js';

const now = new Date('2026-03-20T12:00:00Z');

describe('notificationsFor', () => {
  it('asks each approver of a new proposed decision once, and nobody who already voted', () => {
    const decision = build('decision', {
      key: 'DEC-7',
      status: 'proposed',
      decidedOn: undefined,
      businessApprover: adele,
      itApprover: megan,
      additionalApprovers: [
        { person: megan, side: 'it' },
        { person: lee, side: 'it' },
      ],
      votes: [{ voter: lee, vote: 'approve', at: '2026-03-20T10:00:00Z' }],
    });
    const sent = notificationsFor(portfolioOf({}), portfolioOf({ decision: [decision] }), now);
    assert.deepEqual(
      sent.map((n) => [n.recipient.email, n.activityType, n.targetKey]),
      [
        ['adele@contoso.test', 'decisionAwaitsApproval', 'DEC-7'],
        ['megan@contoso.test', 'decisionAwaitsApproval', 'DEC-7'],
      ],
    );
    // The person who proposed it is not told of their own proposal.
    assert.deepEqual(
      notificationsFor(portfolioOf({}), portfolioOf({ decision: [decision] }), now, adele).map(
        (n) => n.recipient.email,
      ),
      ['megan@contoso.test'],
    );
    // A vote afterwards tells nobody again.
    const voted = {
      ...decision,
      votes: [...decision.votes, { voter: adele, vote: 'approve' as const, at: now.toISOString() }],
    };
    assert.deepEqual(
      notificationsFor(portfolioOf({ decision: [decision] }), portfolioOf({ decision: [voted] }), now),
      [],
    );
  });

  it('tells the sponsor when an initiative’s health changes, and only then', () => {
    const before = build('initiative', {
      key: 'INI-1',
      businessSponsor: nestor,
      start: '2026-01-01',
      end: '2026-06-30',
      percentComplete: 40,
    });
    const after = { ...before, percentComplete: 5 };
    const sent = notificationsFor(portfolioOf({ initiative: [before] }), portfolioOf({ initiative: [after] }), now);
    assert.deepEqual(
      sent.map((n) => [n.recipient.email, n.activityType, n.targetKey]),
      [['nestor@contoso.test', 'initiativeHealthChanged', 'INI-1']],
    );
    assert.match(sent[0]!.previewText, /off track \(was on track\)/);
    assert.deepEqual(
      notificationsFor(portfolioOf({ initiative: [before] }), portfolioOf({ initiative: [before] }), now),
      [],
    );
  });

  it('tells a service owner of a newly breached SLA period once', () => {
    const service = build('service', { key: 'SVC-2', owner: lee });
    const ok = build('slaRecord', { serviceKey: 'SVC-2', downtimeMinutes: 1 });
    const bad = build('slaRecord', {
      serviceKey: 'SVC-2',
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      downtimeMinutes: 300,
    });
    const before = portfolioOf({ service: [service], slaRecord: [ok] });
    const after = portfolioOf({ service: [service], slaRecord: [ok, bad] });
    const sent = notificationsFor(before, after, now);
    assert.deepEqual(
      sent.map((n) => [n.recipient.email, n.activityType, n.targetKey]),
      [['lee@contoso.test', 'slaBreached', 'SVC-2']],
    );
    assert.deepEqual(notificationsFor(after, after, now), []);
  });

  it('tells the author when someone else links their email or meeting, never for their own', () => {
    const email = build('link', {
      kind: 'email',
      targetKey: 'INI-1',
      author: nestor,
      linkedBy: megan,
      sha: undefined,
      repository: undefined,
    });
    const own = build('link', {
      kind: 'meeting',
      targetKey: 'INI-1',
      author: megan,
      linkedBy: megan,
      sha: undefined,
      repository: undefined,
    });
    const commit = build('link', { kind: 'commit', targetKey: 'INI-1', author: nestor, linkedBy: megan });
    const sent = notificationsFor(portfolioOf({}), portfolioOf({ link: [email, own, commit] }), now);
    assert.deepEqual(
      sent.map((n) => [n.recipient.email, n.activityType, n.targetKey]),
      [['nestor@contoso.test', 'itemLinked', 'INI-1']],
    );
    assert.match(sent[0]!.previewText, /Megan Bowen linked your email/);
  });
});
