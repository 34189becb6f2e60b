import assert from 'node:assert/strict';
import type { InitiativeCardModel } from '@tandem/ui';
import { addKeyToSubject, insertIntoBody } from '../composeActions.js';
import type { OfficeGlobal, OfficeItem, OfficeMailbox } from '../officeApi.js';
import { connectToOutlook, luminance, themeFromOffice } from '../outlookHost.js';
import { currentPaneItem } from '../paneItem.js';
import { escapeHtml, statusSummaryHtml, subjectWithKey, tandemLinkFor } from '../statusSummary.js';

const person = { email: 'megan@contoso.test', displayName: 'Megan <b>Bowen</b>' };

function model(title: string): InitiativeCardModel {
  return {
    initiative: {
      id: '7e1f7a52-6b0e-4c1e-9d1e-0d5c2f9a9e01',
      key: 'INI-7',
      title,
      objectiveKeys: ['OBJ-2'],
      dependsOn: [],
      itOwner: person,
      businessSponsor: person,
      start: '2026-01-01',
      end: '2026-06-30',
      status: 'inProgress',
      percentComplete: 40,
      businessValue: 8,
      timeCriticality: 5,
      riskReduction: 3,
      jobSize: 5,
      reach: 10,
      impact: 1,
      confidence: 80,
      effort: 2,
    },
    objectives: [
      {
        id: '7e1f7a52-6b0e-4c1e-9d1e-0d5c2f9a9e02',
        key: 'OBJ-2',
        kind: 'business',
        title: 'Grow "online" revenue',
        owner: person,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        status: 'active',
      },
    ],
    health: { status: 'atRisk', progress: 0.4, expected: 0.6, reason: 'progress 40% trails time 60%' },
    wsjfRank: 2,
    rankedCount: 10,
    nextMilestone: { label: 'Due', date: '2026-06-30' },
    recentDecisions: [],
  } as InitiativeCardModel;
}

describe('status summary', () => {
  it('escapes every text and attribute', () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&</a>`),
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
    const html = statusSummaryHtml(model('Pay <img src=x onerror=alert(1)>'), 'https://example.com/tab?a=1&b="2"');
    assert.ok(!/<img|<b>/.test(html), html);
    assert.ok(html.includes('Pay &#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(html.includes('Megan &#60;b&#62;Bowen&#60;/b&#62;'));
    assert.ok(html.includes('<a href="https://example.com/tab?a=1&#38;b=&#34;2&#34;">Open INI-7 in Tandem</a>'));
    assert.ok(html.includes('Health: At risk'));
  });

  it('links only http(s) addresses', () => {
    assert.ok(!statusSummaryHtml(model('x'), 'javascript:alert(1)').includes('<a '));
    assert.ok(!statusSummaryHtml(model('x'), undefined).includes('<a '));
  });

  it('puts the key in front of the subject once, and leaves a subject that has it', () => {
    assert.equal(subjectWithKey('Weekly note', 'INI-7'), '[INI-7] Weekly note');
    assert.equal(subjectWithKey('[INI-7] Weekly note', 'INI-7'), '[INI-7] Weekly note');
    assert.equal(subjectWithKey('Re: [ini-7, OBJ-2] note', 'INI-7'), 'Re: [ini-7, OBJ-2] note');
    assert.equal(subjectWithKey('[INI-70] note', 'INI-7'), '[INI-7] [INI-70] note');
    assert.equal(subjectWithKey('  ', 'INI-7'), '[INI-7]');
  });

  it('links to the objective page: the tab locally, a Teams deep link on a tenant', () => {
    assert.equal(
      tandemLinkFor(model('x'), { mode: 'local', origin: 'http://localhost:3978', teamsAppId: 'app' }),
      'http://localhost:3978/tab?objective=OBJ-2',
    );
    const deep = tandemLinkFor(model('x'), { mode: 'm365', origin: 'https://x', teamsAppId: 'app-id' });
    assert.match(deep, /^https:\/\/teams\.microsoft\.com\/l\/entity\/app-id\/tandem-roadmap\?context=/);
    assert.equal(JSON.parse(decodeURIComponent(deep.split('context=')[1]!)).subEntityId, 'objective:OBJ-2');
  });
});

describe('Outlook host', () => {
  const fakeWindow = (office: unknown, href = 'https://x/outlook/taskpane') =>
    ({ Office: office, location: { href }, matchMedia: () => ({ matches: false }) }) as unknown as Window;

  it('reads dark and light from officeTheme', () => {
    assert.ok(luminance('#000000')! < 0.01 && luminance('#ffffff')! > 0.99);
    assert.equal(luminance('nope'), undefined);
    assert.equal(themeFromOffice({ isDarkTheme: true }), 'dark');
    assert.equal(themeFromOffice({ bodyBackgroundColor: '#292929' }), 'dark');
    assert.equal(themeFromOffice({ bodyBackgroundColor: '#FFFFFF' }), 'default');
    assert.equal(themeFromOffice(undefined), undefined);
  });

  it('runs standalone without office.js, or when Office answers host null', async () => {
    assert.equal((await connectToOutlook(50, fakeWindow(undefined))).kind, 'standalone');
    const plain = { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Outlook: 'Outlook' } };
    const connection = await connectToOutlook(50, fakeWindow(plain, 'https://x/?theme=dark'));
    assert.deepEqual([connection.kind, connection.theme], ['standalone', 'dark']);
    const silent = { onReady: () => new Promise(() => undefined) };
    assert.equal((await connectToOutlook(20, fakeWindow(silent))).kind, 'standalone');
  });

  it('connects to Outlook with its mailbox and theme', async () => {
    const office = {
      onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
      HostType: { Outlook: 'Outlook' },
      context: { mailbox: { item: null, convertToRestId: (id: string) => id }, officeTheme: { isDarkTheme: true } },
    };
    const connection = await connectToOutlook(50, fakeWindow(office));
    assert.deepEqual([connection.kind, connection.theme], ['outlook', 'dark']);
  });
});

describe('the item at hand', () => {
  const calls: unknown[][] = [];
  const done =
    <T>(value: T) =>
    (cb: (r: { status: 'succeeded'; value: T }) => void) =>
      cb({ status: 'succeeded', value });
  const connect = (item: OfficeItem | null) => {
    const mailbox: OfficeMailbox = {
      item,
      convertToRestId: (id, version) => {
        calls.push([id, version]);
        return id.replace(/\//g, '_');
      },
    };
    const office = { onReady: async () => ({ host: 'Outlook', platform: null }) } as OfficeGlobal;
    return { kind: 'outlook' as const, office, mailbox, theme: 'default' as const };
  };

  it('converts a read item id to a REST id (v2.0) for Graph', async () => {
    calls.length = 0;
    const item = await currentPaneItem(connect({ itemType: 'message', itemId: 'AAMk/x+y' }));
    assert.deepEqual(item, { kind: 'message', ref: { type: 'message', id: 'AAMk_x+y' } });
    assert.deepEqual(calls, [['AAMk/x+y', 'v2.0']]);
    const meeting = await currentPaneItem(connect({ itemType: 'appointment', itemId: 'E1' }));
    assert.deepEqual(meeting, { kind: 'meeting', ref: { type: 'event', id: 'E1' } });
  });

  it('tells a message being written from a meeting being organised, saved only when asked', async () => {
    assert.equal((await currentPaneItem(connect({ itemType: 'message' }))).kind, 'compose');
    const organising: OfficeItem = { itemType: 'appointment', getItemIdAsync: done('E2') };
    assert.equal((await currentPaneItem(connect(organising), false)).kind, 'unsaved-meeting');
    assert.deepEqual(await currentPaneItem(connect(organising), true), {
      kind: 'meeting',
      ref: { type: 'event', id: 'E2' },
    });
    let saved = 0;
    const older: OfficeItem = {
      itemType: 'appointment',
      saveAsync: (cb) => {
        saved++;
        cb({ status: 'succeeded', value: 'E3' });
      },
    };
    assert.deepEqual(await currentPaneItem(connect(older), true), {
      kind: 'meeting',
      ref: { type: 'event', id: 'E3' },
    });
    assert.equal(saved, 1);
    assert.equal((await currentPaneItem(connect(null))).kind, 'none');
  });

  it('inserts at the cursor, else at the top, as HTML; and sets the subject', async () => {
    const log: string[] = [];
    let subject = 'Weekly note';
    const item: OfficeItem = {
      itemType: 'message',
      subject: {
        getAsync: done(subject),
        setAsync: (value, cb) => {
          subject = value;
          cb?.({ status: 'succeeded', value: undefined });
        },
      },
      body: {
        setSelectedDataAsync: (data, options, cb) => {
          log.push(`selected ${options.coercionType} ${data}`);
          cb?.({ status: 'succeeded', value: undefined });
        },
        prependAsync: (data, options, cb) => {
          log.push(`prepend ${options.coercionType} ${data}`);
          cb?.({ status: 'succeeded', value: undefined });
        },
      },
    };
    await insertIntoBody(undefined, item, '<p>a</p>');
    delete item.body!.setSelectedDataAsync;
    await insertIntoBody(undefined, item, '<p>b</p>');
    assert.deepEqual(log, ['selected html <p>a</p>', 'prepend html <p>b</p>']);
    assert.equal(await addKeyToSubject(item, 'INI-7'), '[INI-7] Weekly note');
    assert.equal(subject, '[INI-7] Weekly note');
    const failing: OfficeItem = {
      itemType: 'message',
      body: {
        prependAsync: (_d, _o, cb) => cb?.({ status: 'failed', value: undefined, error: { message: 'locked' } }),
      },
    };
    await assert.rejects(insertIntoBody(undefined, failing, 'x'), /body\.prependAsync: locked/);
  });
});
