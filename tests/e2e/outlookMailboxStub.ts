/**
 * The project's own stand-in for Outlook's side of office.js, for browser tests: Outlook cannot run here, so the page
 * loads the real office.js from its npm package and this script, injected before the page's own script, answers as
 * Outlook would — `Office.onReady` with the Outlook host, and `Office.context.mailbox` with the selected item (read or
 * compose, message or appointment), `convertToRestId`, categories, subject and body calls, and `ItemChanged` when the
 * test selects another item. Every call is recorded for the test to check.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** One item the stub can show. */
export interface StubItem {
  /** read: a received message or a meeting as attendee; compose: a message being written; organizer: a meeting being organised. */
  mode: 'read' | 'compose' | 'organizer';
  itemType: 'message' | 'appointment';
  /** The item's id in EWS form (what Outlook gives an add-in); converted with `convertToRestId`. */
  ewsId?: string;
  subject: string;
  internetMessageId?: string;
  conversationId?: string;
  from?: { emailAddress: string; displayName: string };
  categories?: string[];
  body?: string;
}

/** What the stub is set up with. */
export interface StubConfig {
  items: StubItem[];
  /** Index of the item selected first. */
  selected: number;
  userProfile: { emailAddress: string; displayName: string };
  /** `Office.context.officeTheme` (Mailbox 1.14); left out to test a host without it. */
  officeTheme?: { bodyBackgroundColor: string; isDarkTheme?: boolean };
}

/** One recorded office.js call. */
export interface StubCall {
  name: string;
  args: unknown[];
}

/** The page-side state the test reads back. */
export interface StubState {
  calls: StubCall[];
  items: StubItem[];
  selected: number;
}

/** An Outlook REST id as the EWS id Outlook hands an add-in (EWS uses `+` and `/` where REST uses `-` and `_`). */
export function ewsIdOf(restId: string): string {
  return restId.replace(/-/g, '+').replace(/_/g, '/');
}

/** Runs in the page, before any of its scripts. Self-contained: it is serialised. */
function installOutlookStub(config: StubConfig): void {
  type Callback = (result: { status: string; value: unknown; error?: { message: string } }) => void;
  const w = window as unknown as Record<string, unknown>;
  const state: StubState = { calls: [], items: config.items.map((i) => ({ ...i })), selected: config.selected };
  const handlers: (() => void)[] = [];
  const ok = (callback: Callback | undefined, value?: unknown) =>
    setTimeout(() => callback?.({ status: 'succeeded', value }), 0);
  const record = (name: string, ...args: unknown[]) => state.calls.push({ name, args });

  const officeItem = (item: StubItem) => {
    const subject =
      item.mode === 'read'
        ? item.subject
        : {
            getAsync: (cb: Callback) => {
              record('subject.getAsync');
              ok(cb, item.subject);
            },
            setAsync: (value: string, cb?: Callback) => {
              record('subject.setAsync', value);
              item.subject = value;
              ok(cb);
            },
          };
    const result: Record<string, unknown> = {
      itemType: item.itemType,
      subject,
      categories: {
        getAsync: (cb: Callback) => {
          record('categories.getAsync');
          ok(
            cb,
            (item.categories ?? []).map((displayName) => ({ displayName, color: 'preset0' })),
          );
        },
        addAsync: (names: string[], cb?: Callback) => {
          record('categories.addAsync', names);
          item.categories = [...(item.categories ?? []), ...names.filter((n) => !(item.categories ?? []).includes(n))];
          ok(cb);
        },
        removeAsync: (names: string[], cb?: Callback) => {
          record('categories.removeAsync', names);
          item.categories = (item.categories ?? []).filter((c) => !names.includes(c));
          ok(cb);
        },
      },
      body: {
        getTypeAsync: (cb: Callback) => ok(cb, 'html'),
        setSelectedDataAsync: (data: string, options: unknown, cb?: Callback) => {
          record('body.setSelectedDataAsync', data, options);
          item.body = (item.body ?? '') + data;
          ok(cb);
        },
        prependAsync: (data: string, options: unknown, cb?: Callback) => {
          record('body.prependAsync', data, options);
          item.body = data + (item.body ?? '');
          ok(cb);
        },
      },
    };
    if (item.mode === 'read') {
      Object.assign(result, {
        itemId: item.ewsId,
        internetMessageId: item.internetMessageId,
        conversationId: item.conversationId,
        from: item.from,
        organizer: item.itemType === 'appointment' ? item.from : undefined,
      });
    } else {
      result.getItemIdAsync = (cb: Callback) => {
        record('getItemIdAsync');
        if (item.ewsId) ok(cb, item.ewsId);
        else setTimeout(() => cb({ status: 'failed', value: undefined, error: { message: 'not saved' } }), 0);
      };
      result.saveAsync = (cb: Callback) => {
        record('saveAsync');
        ok(cb, item.ewsId);
      };
    }
    return result;
  };

  const mailbox = {
    item: officeItem(state.items[state.selected]!),
    userProfile: config.userProfile,
    convertToRestId: (itemId: string, version: string) => {
      record('convertToRestId', itemId, version);
      return itemId.replace(/\+/g, '-').replace(/\//g, '_');
    },
    addHandlerAsync: (eventType: string, handler: () => void, cb?: Callback) => {
      record('addHandlerAsync', eventType);
      if (eventType === 'olkItemSelectedChanged') handlers.push(handler);
      ok(cb);
    },
  };

  w.tandemOutlookStub = {
    state,
    select(index: number) {
      state.selected = index;
      mailbox.item = officeItem(state.items[index]!);
      for (const handler of handlers) handler();
    },
  };

  // office.js is a classic script in <head>: it has run once parsing ends, and the page's deferred bundle has not.
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const office = w.Office as Record<string, unknown> & { onReady(): Promise<unknown> };
    if (!office) return;
    const realOnReady = office.onReady.bind(office);
    office.MailboxEnums = {
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      ItemType: { Message: 'message', Appointment: 'appointment' },
    };
    office.EventType = { ...((office.EventType as object) ?? {}), ItemChanged: 'olkItemSelectedChanged' };
    office.CoercionType = { ...((office.CoercionType as object) ?? {}), Html: 'html', Text: 'text' };
    office.onReady = (callback?: (info: unknown) => void) =>
      realOnReady().then(() => {
        const context = office.context as Record<string, unknown>;
        context.mailbox = mailbox;
        if (config.officeTheme) context.officeTheme = config.officeTheme;
        const info = { host: 'Outlook', platform: 'OfficeOnline' };
        record('onReady');
        callback?.(info);
        return info;
      });
  });
}

/** Injects the stub into every page of `context` (or one page). */
export async function addOutlookStub(target: BrowserContext | Page, config: StubConfig): Promise<void> {
  // The test runner's TypeScript transform names functions with a `__name` helper; the page has none of its own.
  await target.addInitScript({
    content: `var __name = (f) => f;\n(${installOutlookStub.toString()})(${JSON.stringify(config)});`,
  });
}

/** The stub's recorded calls and items, read from the page. */
export function stubState(page: Page): Promise<StubState> {
  return page.evaluate(
    () => (window as unknown as { tandemOutlookStub: { state: StubState } }).tandemOutlookStub.state,
  );
}

/** Selects another item, as a user does with the pane pinned (fires `ItemChanged`). */
export function selectStubItem(page: Page, index: number): Promise<void> {
  return page.evaluate(
    (i) => (window as unknown as { tandemOutlookStub: { select(i: number): void } }).tandemOutlookStub.select(i),
    index,
  );
}
