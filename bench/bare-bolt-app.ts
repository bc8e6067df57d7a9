/**
 * The baseline for the ack-path bench: a Bolt app over HTTP that verifies the signature and acks every
 * event, doing nothing else. `PORT` and `SLACK_SIGNING_SECRET` as Baton takes them.
 */
import { App } from '@slack/bolt';

const app = new App({ token: 'xoxb-bare', signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', tokenVerificationEnabled: false, botId: 'B0BARE', botUserId: 'U0BARE', logLevel: 'error' as never });
app.event('message', async () => {});
await app.start(Number(process.env.PORT));
console.log('Baton is running (bare Bolt)');
