import { describe, expect, it } from 'vitest';
import { ACME_CHANNEL, customer } from '../e2e/harness.js';
import { messageEvent, sendEvent } from '../fakes/slack-request.js';
import { slackTs } from '../fakes/slack-ids.js';
import { channelMessage, teamsCustomer } from './teams-activities.js';
import { useTeamsWorld } from './teams-world.js';

const world = useTeamsWorld();
const SECURITY = 'C0SECURE01';
const SECURITY_QUESTION = 'We think someone accessed our workspace without permission, please check';

async function packetTs(): Promise<string> {
  const packet = await world().h.fake.waitFor('chat.postMessage', (c) => c.args.channel === SECURITY && !c.args.thread_ts);
  return String(packet.response.ts);
}

describe('a follow-up that is only a file, in an escalated thread', () => {
  it('from Slack (a screenshot, no words) reaches the packet thread with its name, type and link', async () => {
    const { h } = world();
    const thread = await h.say(customer, SECURITY_QUESTION);
    const ts = await packetTs();
    const shot = slackTs();
    const permalink = 'https://acme.slack.com/files/U0CUST0001/F0SHOT0001/screenshot.png';
    const envelope = messageEvent({ channel: ACME_CHANNEL, user: customer.id, userTeam: customer.teamId, text: '', ts: shot, threadTs: thread });
    const fileShare = { ...envelope, event: { ...envelope.event, subtype: 'file_share', files: [{ id: 'F0SHOT0001', name: 'screenshot.png', title: 'screenshot.png', mimetype: 'image/png', filetype: 'png', permalink }] } };
    expect((await sendEvent(h.target, fileShare)).status).toBe(200);
    const note = await h.waitForPost(SECURITY, ts, (t) => t.includes('screenshot.png'));
    expect(String(note.args.text)).toContain('Casey sent a file:');
    expect(String(note.args.text)).toContain(`screenshot.png (image/png): ${permalink}`);
  });

  it('from Teams (a shared file and a pasted image, no words) reaches the packet thread with names, types and links', async () => {
    const { send, connector, h } = world();
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text: SECURITY_QUESTION });
    await send(ask);
    const ts = await packetTs();
    const file = 'https://contoso.sharepoint.com/sites/support/Shared%20Documents/signin-log.txt';
    const image = 'https://smba.trafficmanager.net/emea/v3/attachments/0-weu-d1-abc/views/original';
    const filesOnly = {
      ...channelMessage({ serviceUrl: connector.url, from: teamsCustomer, root: ask.id, text: '' }),
      text: '',
      entities: [],
      attachments: [
        { contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl: file, name: 'signin-log.txt', content: { downloadUrl: `${file}?download=1`, uniqueId: 'u-1', fileType: 'txt' } },
        { contentType: 'image/png', contentUrl: image },
        { contentType: 'text/html', content: '<p>&nbsp;</p>' },
      ],
    };
    expect((await send(filesOnly)).status).toBe(200);
    const note = await h.waitForPost(SECURITY, ts, (t) => t.includes('signin-log.txt'));
    const text = String(note.args.text);
    expect(text).toContain('Carla Contoso sent 2 files:');
    expect(text).toContain(`signin-log.txt (txt): ${file}`);
    expect(text).toContain(`an image (image/png): ${image}`);
    expect(text).not.toContain('text/html');
  });
});
