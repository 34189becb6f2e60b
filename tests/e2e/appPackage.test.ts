/** The Microsoft 365 app package: the filled manifest validates offline against its schema, and the zip holds exactly it and the icons. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import {
  buildManifest,
  fillManifest,
  manifestTemplatePath,
  manifestValues,
  validateManifest,
  writeAppPackage,
} from '@tandem/teams-app/package';

describe('app package', () => {
  it('the manifest validates against the newest released schema @microsoft/app-manifest ships', async () => {
    const manifest = (await buildManifest()) as unknown as Record<string, unknown>;
    assert.match(String(manifest.$schema), /\/teams\/v1\.(\d+)\/MicrosoftTeams\.schema\.json$/);
    const schemas = readdirSync(
      join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas', 'teams'),
    );
    const released = schemas.filter((d) => /^v1\.\d+$/.test(d)).map((d) => Number(d.slice(3)));
    assert.equal(manifest.manifestVersion, `1.${Math.max(...released)}`);
  });

  it('declares the tab, the configurable channel and meeting tab, and fits the store limits', async () => {
    const m = (await buildManifest()) as unknown as {
      name: { short: string; full: string };
      description: { short: string; full: string };
      staticTabs: { contentUrl?: string; scopes: string[] }[];
      configurableTabs: {
        canUpdateConfiguration: boolean;
        scopes: string[];
        context: string[];
        configurationUrl: string;
      }[];
      validDomains: string[];
      webApplicationInfo: { id: string };
    };
    assert.ok(m.name.short.length <= 30 && !/teams|microsoft|\bapp\b/i.test(m.name.short));
    assert.ok(m.description.short.length <= 80);
    assert.ok(m.description.full.split(/\s+/).length < 500);
    assert.ok(m.staticTabs.some((t) => t.scopes.includes('personal') && t.contentUrl?.includes('/tab?host=teams')));
    const channel = m.configurableTabs[0]!;
    assert.equal(channel.canUpdateConfiguration, true);
    assert.deepEqual([...channel.scopes].sort(), ['groupChat', 'team']);
    for (const context of ['channelTab', 'meetingSidePanel', 'meetingDetailsTab', 'meetingChatTab']) {
      assert.ok(channel.context.includes(context), context);
    }
    assert.deepEqual(m.validDomains, ['localhost:3978']);
    assert.match(m.webApplicationInfo.id, /^[0-9a-f-]{36}$/);
  });

  it('schema violations are reported by field', async () => {
    const template = await readFile(manifestTemplatePath, 'utf8');
    const manifest = fillManifest(template, await manifestValues()) as unknown as Record<string, unknown>;
    (manifest.name as { short: string }).short = 'A name far longer than thirty characters';
    const errors = await validateManifest(manifest as never);
    assert.ok(
      errors.some((e) => e.includes('/name/short')),
      errors.join('\n'),
    );
  });

  it('a placeholder without a value is an error naming it', async () => {
    const values = await manifestValues();
    assert.throws(() => fillManifest('{"id":"${{NOT_SET}}"}', values), /NOT_SET/);
  });

  it('writes a zip with the manifest and two icons only: 192×192 colour, 32×32 transparent outline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-package-'));
    try {
      const zip = await JSZip.loadAsync(await readFile(await writeAppPackage(join(dir, 'app.zip'))));
      assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
      const header = async (name: string) => {
        const png = Buffer.from(await zip.file(name)!.async('uint8array'));
        return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
      };
      assert.deepEqual(await header('color.png'), { width: 192, height: 192, colourType: 6 });
      assert.deepEqual(await header('outline.png'), { width: 32, height: 32, colourType: 6 });
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
      assert.equal(JSON.stringify(manifest).includes('${{'), false, 'every placeholder is filled');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
