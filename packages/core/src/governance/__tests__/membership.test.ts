import { strict as assert } from 'node:assert';
import {
  auditedStore,
  defaultSiteSettings,
  demoPortfolio,
  GovernanceError,
  governedStore,
  membershipOf,
  SETTINGS_TARGET_KEY,
  siteSettingsSchema,
  type GovernanceMember,
  type Idea,
} from '@tandem/core';
import { adele, build, lee, megan, nestor, testId } from '../../checkins/__tests__/portfolioBuilder.js';
import { tinyStore } from '../../audit/__tests__/tinyStore.js';

const at = '2026-03-20T12:00:00Z';
const board: GovernanceMember[] = [
  { person: adele, side: 'business' },
  { person: megan, side: 'it' },
];

/** A store with the board's settings, seen through `governedStore` as `actor`. */
/** `null`: settings saved before the member list existed (no field at all). */
async function governedAs(actor: typeof adele, members: GovernanceMember[] | null = board) {
  const inner = tinyStore();
  await inner.create('siteSettings', {
    ...defaultSiteSettings,
    ...(members !== null ? { governanceMembers: members } : {}),
  });
  return { inner, store: governedStore(inner, actor) };
}

const notMember = (e: unknown) => e instanceof GovernanceError && e.code === 'notGovernanceMember';

describe('governance members', () => {
  it('are matched by email in any case; an empty or missing list lets everyone act', () => {
    const settings = { ...defaultSiteSettings, governanceMembers: board };
    assert.equal(membershipOf(settings, { ...megan, email: 'MEGAN@contoso.test' }).member?.side, 'it');
    assert.deepEqual(membershipOf(settings, lee), { open: false, member: undefined, allowed: false });
    assert.equal(membershipOf({ ...defaultSiteSettings, governanceMembers: [] }, lee).allowed, true);
    assert.equal(membershipOf(defaultSiteSettings, lee).open, true);
    assert.equal(membershipOf(undefined, lee).allowed, true);
  });

  it('are validated: each person once, a known side', () => {
    const twice = siteSettingsSchema.safeParse({
      ...defaultSiteSettings,
      governanceMembers: [...board, { person: { ...adele, email: 'Adele@Contoso.test' }, side: 'it' }],
    });
    assert.equal(twice.success, false);
    assert.deepEqual(twice.error?.issues[0]?.path, ['governanceMembers', 2]);
    const side = siteSettingsSchema.safeParse({
      ...defaultSiteSettings,
      governanceMembers: [{ person: lee, side: 'ops' }],
    });
    assert.match(side.error?.issues[0]?.message ?? '', /business or it/);
    // Settings saved before the list existed still read.
    assert.equal(siteSettingsSchema.safeParse(defaultSiteSettings).success, true);
  });

  it('alone may change WSJF and RICE inputs; other fields stay open to everyone', async () => {
    const { inner, store } = await governedAs(lee);
    const saved = await inner.create('initiative', build('initiative', { key: 'INI-4', businessValue: 8 }));
    await assert.rejects(
      store.update('initiative', saved.value.id, { businessValue: 13 }, saved.etag),
      (e: unknown) => {
        assert.ok(notMember(e));
        assert.equal((e as GovernanceError).field, 'businessValue');
        assert.match((e as Error).message, /Only governance members can change scores: Lee Gu is not one, so INI-4/);
        return true;
      },
    );
    await assert.rejects(store.update('initiative', saved.value.id, { confidence: 50 }, saved.etag), notMember);
    assert.equal((await inner.get('initiative', saved.value.id))!.value.businessValue, 8);
    const renamed = await store.update('initiative', saved.value.id, { title: 'Renamed' }, saved.etag);
    assert.equal(renamed.value.title, 'Renamed');

    const member = governedStore(inner, megan);
    assert.equal((await member.update('initiative', saved.value.id, { jobSize: 3 }, renamed.etag)).value.jobSize, 3);
  });

  it('alone may promote an idea, both the idea and the initiative it becomes', async () => {
    const { inner, store } = await governedAs(lee);
    const idea: Idea = {
      ...build('idea', { key: 'IDEA-3' }),
      status: 'open',
      voterEmails: [],
      promotedInitiativeKey: undefined,
    };
    const saved = await inner.create('idea', idea);
    await assert.rejects(
      store.update('idea', saved.value.id, { status: 'promoted', promotedInitiativeKey: 'INI-9' }, saved.etag),
      notMember,
    );
    await assert.rejects(
      store.create('initiative', build('initiative', { key: 'INI-9', originIdeaKey: 'IDEA-3' })),
      notMember,
    );
    // Voting on an idea is for everyone.
    const voted = await store.update('idea', saved.value.id, { voterEmails: [lee.email] }, saved.etag);
    const promoted = await governedStore(inner, adele).update(
      'idea',
      saved.value.id,
      { status: 'promoted', promotedInitiativeKey: 'INI-9' },
      voted.etag,
    );
    assert.equal(promoted.value.status, 'promoted');
  });

  it('alone may vote on a decision', async () => {
    const { inner, store } = await governedAs(nestor);
    const saved = await inner.create('decision', build('decision', { key: 'DEC-4', status: 'proposed', votes: [] }));
    const vote = { voter: nestor, vote: 'approve' as const, at };
    await assert.rejects(store.update('decision', saved.value.id, { votes: [vote] }, saved.etag), (e: unknown) => {
      assert.ok(notMember(e));
      assert.match((e as Error).message, /Only governance members can approve decisions/);
      return true;
    });
    const byAdele = await governedStore(inner, adele).update(
      'decision',
      saved.value.id,
      { votes: [{ ...vote, voter: adele }] },
      saved.etag,
    );
    // A non-member may still edit the decision's text, as long as their own vote does not change.
    const edited = await store.update('decision', saved.value.id, { context: 'More context' }, byAdele.etag);
    assert.equal(edited.value.votes.length, 1);
  });

  it('are not checked on a site without a list, nor for writes made for no one', async () => {
    const { inner, store } = await governedAs(lee, []);
    const saved = await inner.create('initiative', build('initiative', { key: 'INI-4', businessValue: 8 }));
    const changed = await store.update('initiative', saved.value.id, { businessValue: 13 }, saved.etag);
    assert.equal(changed.value.businessValue, 13);
    const legacy = await governedAs(lee, null);
    const old = await legacy.inner.create('initiative', build('initiative', { key: 'INI-5' }));
    await legacy.store.update('initiative', old.value.id, { jobSize: 2 }, old.etag);
    const closed = await governedAs(lee);
    const item = await closed.inner.create('initiative', build('initiative', { key: 'INI-6' }));
    await governedStore(closed.inner).update('initiative', item.value.id, { jobSize: 2 }, item.etag);
  });

  it('changes to the list are kept in the audit trail, under SETTINGS', async () => {
    const inner = tinyStore();
    const store = auditedStore(governedStore(inner, adele), adele, { now: () => new Date(at) }, testId);
    const created = await store.create('siteSettings', { ...defaultSiteSettings, governanceMembers: board });
    await store.update(
      'siteSettings',
      created.value.id,
      { governanceMembers: [...board, { person: lee, side: 'it' }] },
      created.etag,
    );
    const trail = inner.all('auditEntry');
    assert.deepEqual(
      trail.map((e) => [e.entityKind, e.targetKey, e.action, e.field]),
      [
        ['siteSettings', SETTINGS_TARGET_KEY, 'create', undefined],
        ['siteSettings', SETTINGS_TARGET_KEY, 'update', 'governanceMembers'],
      ],
    );
    assert.match(trail[1]!.after!, /lee@contoso\.test/);
    assert.equal(trail[1]!.changedBy.email, adele.email);
  });

  it('of the demo portfolio include its demo user, on both sides', () => {
    const members = demoPortfolio(new Date(at)).siteSettings[0]!.governanceMembers ?? [];
    assert.ok(members.some((m) => m.person.email === 'adele@contoso.test'));
    assert.deepEqual(new Set(members.map((m) => m.side)), new Set(['business', 'it']));
  });
});
