// The page the browser suite drives: TandemApp or MeetingPanel over a MemoryStore, chosen by the query string.
import { createRoot } from 'react-dom/client';
import { SITE_SETTINGS_ID, type PersonRef } from '@tandem/core';
import { loadTheme, MeetingPanel, TandemApp } from '../../index.js';
import { MemoryStore } from '../../testing/index.js';
import { isViewId } from '../../app/views.js';
import { seedScenario, type Scenario } from './scenarios.js';

const params = new URLSearchParams(location.search);
const theme = (params.get('theme') ?? 'default') as 'default' | 'dark' | 'contrast';
const view = params.get('view');
const scenario = (params.get('scenario') ?? 'demo') as Scenario;
const now = new Date(params.get('now') ?? '2026-05-15T12:00:00Z');
const user: PersonRef = { displayName: 'Morgan Lee', email: 'morgan.lee@contoso.example' };

const store = new MemoryStore();
const w = window as unknown as { tandem: { store: MemoryStore; ready: Promise<void> } };
w.tandem = {
  store,
  ready: seedScenario(store, scenario, now).then(async () => {
    // The demo site has a governance board: the user is on it unless the test asks for a non-member (`member=false`).
    const settings = await store.get('siteSettings', SITE_SETTINGS_ID);
    const members = settings?.value.governanceMembers ?? [];
    if (settings && members.length > 0 && params.get('member') !== 'false')
      await store.update(
        'siteSettings',
        SITE_SETTINGS_ID,
        { governanceMembers: [...members, { person: user, side: 'business' }] },
        settings.etag,
      );
    // Slow only after seeding, so the skeleton shows while the views load.
    store.latencyMs = Number(params.get('latency') ?? 0);
    await loadTheme(theme);
    const root = createRoot(document.getElementById('root')!);
    if (params.get('meeting')) {
      root.render(
        <MeetingPanel
          store={store}
          user={user}
          theme={theme}
          now={now}
          meeting={{
            id: 'meeting-1',
            joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_1%40thread.v2/0',
            subject: 'Checkout steering group',
            start: '2026-05-15T09:00:00Z',
            end: '2026-05-15T10:00:00Z',
          }}
        />,
      );
      return;
    }
    root.render(
      <TandemApp
        store={store}
        user={user}
        theme={theme}
        view={isViewId(view) ? view : 'roadmap'}
        objectiveKey={params.get('key') ?? undefined}
        canEdit={params.get('canEdit') !== 'false'}
        readOnlyReason="Only governance members can change scores."
        now={now}
      />,
    );
  }),
};
