import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { UsageError, type CliCommand } from './command.js';

const usage = `Usage: npm run baton -- teams package [options]

Builds the Microsoft Teams app package to upload (Teams: Apps > Manage your apps > Upload an app): the
manifest with your bot's Microsoft App ID in "id" and "bots[0].botId", and its two icons, zipped at the
top level as Teams expects.

Options:
  --app-id GUID      the Azure Bot's Microsoft App ID (default: TEAMS_APP_ID)
  --manifest DIR     the folder holding manifest.json, color.png and outline.png (default: manifest/teams)
  --out FILE         the zip to write (default: baton-teams.zip)`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Manifest {
  id: string;
  bots?: { botId: string }[];
  icons: { color: string; outline: string };
}

/** The manifest with the app id in both places Teams reads it, and the files the zip must hold. */
function packageFiles(dir: string, appId: string): Record<string, Uint8Array> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const filled: Manifest = { ...manifest, id: appId, bots: (manifest.bots ?? []).map((b) => ({ ...b, botId: appId })) };
  const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(`${JSON.stringify(filled, null, 2)}\n`) };
  for (const icon of [manifest.icons.color, manifest.icons.outline]) files[icon] = readFileSync(join(dir, icon));
  return files;
}

export const teamsPackageCommand: CliCommand = {
  name: 'teams package',
  summary: 'Build the Microsoft Teams app zip (manifest with your app id, and icons) to upload',
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { 'app-id': { type: 'string' }, manifest: { type: 'string', default: 'manifest/teams' }, out: { type: 'string', default: 'baton-teams.zip' } } });
    const appId = values['app-id'] ?? process.env.TEAMS_APP_ID;
    if (!appId) throw new UsageError('no app id: set TEAMS_APP_ID or pass --app-id (the Azure Bot\u2019s Microsoft App ID)');
    if (!GUID.test(appId)) throw new UsageError(`"${appId}" is not a Microsoft App ID (a GUID such as 8f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b)`);
    let files: Record<string, Uint8Array>;
    try {
      files = packageFiles(values.manifest, appId);
    } catch (err) {
      throw new UsageError(`cannot read the manifest folder ${values.manifest}: ${(err as Error).message}`);
    }
    writeFileSync(values.out, zipSync(files));
    process.stdout.write(`wrote ${resolve(values.out)}: ${Object.keys(files).join(', ')} for app ${appId}\n`);
    return 0;
  },
};
