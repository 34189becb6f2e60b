/**
 * The Microsoft 365 app package: the manifest template with its `${{NAME}}` placeholders filled, validated offline
 * against the schema `@microsoft/app-manifest` ships, and zipped with its two icons and nothing else.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the manifest template lives. */
export const manifestTemplatePath = join(appDir, 'appPackage', 'manifest.json');
/** Where `npm run package` writes the zip. */
export const defaultPackagePath = join(appDir, 'build', 'tandem-app.zip');

/** The values that fill the manifest's placeholders. */
export interface ManifestValues {
  /** The app's origin, `https://…`, no trailing slash (TAB_ENDPOINT). */
  TAB_ENDPOINT: string;
  /** The host name of TAB_ENDPOINT (TAB_DOMAIN). */
  TAB_DOMAIN: string;
  /** The Teams app id, a GUID stable across versions (TEAMS_APP_ID). */
  TEAMS_APP_ID: string;
  /** The Entra app registration's client id (AAD_APP_CLIENT_ID). */
  AAD_APP_CLIENT_ID: string;
  /** SemVer, raised on every resubmission (APP_VERSION). */
  APP_VERSION: string;
}

/** A manifest problem: a placeholder without a value, or a schema violation. */
export class ManifestError extends Error {
  constructor(
    readonly code: 'missing-value' | 'invalid-manifest',
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** The development defaults; the environment overrides each one by its name. */
export async function manifestValues(env: NodeJS.ProcessEnv = process.env): Promise<ManifestValues> {
  const pkg = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as { version: string };
  const endpoint = (env.TAB_ENDPOINT ?? 'https://localhost:3978').replace(/\/+$/, '');
  let domain: string;
  try {
    domain = env.TAB_DOMAIN ?? new URL(endpoint).host;
  } catch {
    throw new ManifestError('missing-value', `TAB_ENDPOINT is not a URL: ${endpoint}`);
  }
  return {
    TAB_ENDPOINT: endpoint,
    TAB_DOMAIN: domain,
    TEAMS_APP_ID: env.TEAMS_APP_ID ?? '5d3c0a5e-7a1b-4c39-9a55-2f4e6b7d8c01',
    AAD_APP_CLIENT_ID: env.AAD_APP_CLIENT_ID ?? '00000000-0000-0000-0000-000000000000',
    APP_VERSION: env.APP_VERSION ?? pkg.version,
  };
}

/** Replaces every `${{NAME}}` in the template; a name without a value is an error naming it. */
export function fillManifest(template: string, values: ManifestValues): AppManifest {
  const filled = template.replace(/\$\{\{\s*([A-Z_][A-Z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = (values as unknown as Record<string, string | undefined>)[name];
    if (value === undefined)
      throw new ManifestError('missing-value', `manifest placeholder \${{${name}}} has no value`);
    // The values land inside JSON strings.
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as AppManifest;
}

/** Validates a manifest against the schema version it names, from the copy inside `@microsoft/app-manifest` (offline). */
export async function validateManifest(manifest: AppManifest): Promise<string[]> {
  const version = (manifest as { manifestVersion?: string }).manifestVersion;
  const require = createRequire(import.meta.url);
  const schemaPath = join(
    dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
    `v${version}`,
    'MicrosoftTeams.schema.json',
  );
  const schema = JSON.parse((await readFile(schemaPath, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

/** Fills and validates the manifest template; throws `ManifestError` with the schema's messages when it is invalid. */
export async function buildManifest(values?: ManifestValues): Promise<AppManifest> {
  const template = await readFile(manifestTemplatePath, 'utf8');
  const manifest = fillManifest(template, values ?? (await manifestValues()));
  const errors = await validateManifest(manifest);
  if (errors.length) throw new ManifestError('invalid-manifest', `manifest is invalid:\n${errors.join('\n')}`, errors);
  return manifest;
}

/** Writes the app package zip (manifest.json, color.png, outline.png) and returns its path. */
export async function writeAppPackage(out = defaultPackagePath, values?: ManifestValues): Promise<string> {
  const manifest = await buildManifest(values);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  // The icons are committed (regenerate them with `npm run icons`); the package holds exactly these three files.
  zip.file('color.png', await readFile(join(appDir, 'appPackage', 'color.png')));
  zip.file('outline.png', await readFile(join(appDir, 'appPackage', 'outline.png')));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}
