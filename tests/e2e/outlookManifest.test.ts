/**
 * The Outlook add-in in the one Microsoft 365 app manifest: valid offline against the schema `@microsoft/app-manifest`
 * ships, and shaped as the store's Outlook checklist asks (contexts, pinning, icons, requirement set, permission).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, manifestValues, validateManifest } from '@tandem/teams-app/package';
import { repoRoot } from '@tandem/cli';

interface Icon {
  size: number;
  url: string;
}
interface Control {
  label: string;
  icons: Icon[];
  actionId: string;
  supertip: { title: string; description: string };
}
interface Ribbon {
  contexts: string[];
  tabs: { builtInTabId?: string; groups: { label: string; icons: Icon[]; controls: Control[] }[] }[];
}
interface Extension {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: { code: { page: string }; actions: { id: string; type: string; pinnable?: boolean }[] }[];
  ribbons: Ribbon[];
  alternates: { alternateIcons: { icon: Icon; highResolutionIcon: Icon } }[];
}

const endpoint = 'https://tandem.contoso.example';

function pngSize(file: Buffer): { width: number; height: number; colourType: number } {
  assert.equal(file.readUInt32BE(0), 0x89504e47, 'a PNG');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), colourType: file[25]! };
}

describe('Outlook add-in in the app manifest', () => {
  let extension: Extension;
  let manifest: Record<string, unknown>;

  before(async () => {
    const values = { ...(await manifestValues({})), TAB_ENDPOINT: endpoint, TAB_DOMAIN: 'tandem.contoso.example' };
    manifest = (await buildManifest(values)) as unknown as Record<string, unknown>;
    extension = (manifest.extensions as Extension[])[0]!;
  });

  it('is valid against the schema of its manifest version (offline), and an invalid extension is caught', async () => {
    assert.deepEqual(await validateManifest(manifest as never), []);
    const broken = structuredClone(manifest) as { extensions: Extension[] };
    (broken.extensions[0]!.ribbons[0]!.contexts as string[]) = ['mailReading'];
    const errors = await validateManifest(broken as never);
    assert.ok(errors.length > 0, 'a wrong context is reported');
  });

  it('declares the mail scope and the lowest Mailbox set the pane needs (1.5: ItemChanged for pinning)', () => {
    assert.deepEqual(extension.requirements.scopes, ['mail']);
    assert.deepEqual(extension.requirements.capabilities, [{ name: 'Mailbox', minVersion: '1.5' }]);
  });

  it('asks for read/write of the current item only (not the whole mailbox)', () => {
    const rsc = (manifest.authorization as { permissions: { resourceSpecific: { name: string; type: string }[] } })
      .permissions.resourceSpecific;
    assert.deepEqual(rsc, [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }]);
  });

  it('has a ribbon button for reading, composing and meetings (organiser and attendee), on the built-in tab', () => {
    const contexts = extension.ribbons.flatMap((r) => r.contexts).sort();
    assert.deepEqual(contexts, ['mailCompose', 'mailRead', 'meetingDetailsAttendee', 'meetingDetailsOrganizer']);
    for (const ribbon of extension.ribbons) {
      for (const tab of ribbon.tabs) {
        assert.equal(tab.builtInTabId, 'TabDefault', 'custom tabs work only in classic Outlook on Windows');
        for (const group of tab.groups) {
          assert.equal(group.label, 'Tandem');
          assert.ok(group.label.length <= 16);
          assert.equal(group.controls.length, 1, 'one clearly labelled action per surface');
        }
      }
    }
  });

  it('opens the task pane from every button; read and compose are pinnable, meetings are not', () => {
    const runtime = extension.runtimes[0]!;
    assert.equal(runtime.code.page, `${endpoint}/outlook/taskpane?host=outlook`);
    const actions = new Map(runtime.actions.map((a) => [a.id, a]));
    const byContext = (context: string) =>
      actions.get(
        extension.ribbons.find((r) => r.contexts.includes(context))!.tabs[0]!.groups[0]!.controls[0]!.actionId,
      )!;
    assert.equal(byContext('mailRead').type, 'openPage');
    assert.equal(byContext('mailRead').pinnable, true);
    assert.equal(byContext('mailCompose').pinnable, true);
    assert.equal(byContext('meetingDetailsOrganizer').pinnable, false);
  });

  it('gives every group and control HTTPS icons at 16, 20, 24, 32, 40, 48, 64 and 80 px, and alternate icons', () => {
    const sets = extension.ribbons.flatMap((r) =>
      r.tabs.flatMap((t) => t.groups.flatMap((g) => [g.icons, ...g.controls.map((c) => c.icons)])),
    );
    assert.ok(sets.length >= 6);
    for (const icons of sets) {
      assert.deepEqual(
        icons.map((i) => i.size),
        [16, 20, 24, 32, 40, 48, 64, 80],
      );
      for (const icon of icons) assert.equal(icon.url, `${endpoint}/assets/outlook/icon-${icon.size}.png`);
    }
    const alternate = extension.alternates[0]!.alternateIcons;
    assert.match(alternate.icon.url, /icon-64\.png$/);
    assert.match(alternate.highResolutionIcon.url, /icon-128\.png$/);
  });

  it('ships each icon as a 32-bit PNG of its size on a transparent background', () => {
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
      const file = readFileSync(join(repoRoot(), 'teams-app', 'assets', 'outlook', `icon-${size}.png`));
      const header = pngSize(file);
      assert.deepEqual([header.width, header.height, header.colourType], [size, size, 6], `icon-${size}.png`);
    }
  });
});
