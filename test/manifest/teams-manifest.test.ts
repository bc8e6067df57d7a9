/**
 * manifest/teams/manifest.json against Microsoft's Teams app manifest schema v1.29 (draft-04, vendored in
 * test/fixtures/schemas/teams from OfficeDev/microsoft-teams-app-schema), and the icons it names at the sizes Teams requires.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const SCHEMA = here('../fixtures/schemas/teams/MicrosoftTeams.schema.json');
const MANIFEST = here('../../manifest/teams/manifest.json');

// ajv-draft-04 and ajv-formats are CommonJS: under NodeNext their default import is the module object.
type Validator = ((d: unknown) => boolean) & { errors?: unknown };
const Ajv04 = (Ajv04Module as unknown as { default: new (o: object) => { compile(s: object): Validator } }).default;
const addFormats = addFormatsModule as unknown as (ajv: InstanceType<typeof Ajv04>) => void;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(here(`../../manifest/teams/${file}`));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the Teams app manifest', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
    icons: { color: string; outline: string };
    bots: { scopes: string[]; supportsFiles: boolean }[];
    authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  };

  it('is valid against the Teams app schema v1.29', () => {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('asks for resource-specific consent to read every message of its channels and group chats, not only @mentions', () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
      { name: 'ChatMessage.Read.Chat', type: 'Application' },
    ]);
  });

  it('installs the bot in teams (shared channels too), group chats and personal chats (the leads\u2019 commands and their files), with icons of 192 and 32 pixels', () => {
    expect(manifest.bots[0]!.scopes).toEqual(['team', 'groupChat', 'personal']);
    expect(manifest.bots[0]!.supportsFiles).toBe(true);
    expect(pngSize(manifest.icons.color)).toEqual([192, 192]);
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32]);
  });
});
