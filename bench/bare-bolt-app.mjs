/**
 * The baseline for the ack-path bench: a Bolt app over HTTP that verifies the signature and acks every
 * event, doing nothing else. `PORT` and `SLACK_SIGNING_SECRET` as Baton takes them. Plain JavaScript, so it
 * starts as Baton's compiled dist/main.js does, with no TypeScript loader (the start-up bench compares them).
 */
import { App } from '@slack/bolt';

const app = new App({ token: 'xoxb-bare', signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', tokenVerificationEnabled: false, botId: 'B0BARE', botUserId: 'U0BARE', logLevel: 'error' });
app.event('message', async () => {});
await app.start(Number(process.env.PORT));
console.log('Baton is running (bare Bolt)');
