import { ACTION, CLOSE_FIELD, REPLY_FIELD, VIEW } from '../../src/core/model/actions.js';
import { conversationKey } from '../../src/core/model/conversation-ref.js';
import type { ConnectorCall } from '../fakes/fake-teams-connector.js';
import {
  ACCESS_QUEUE,
  postActivity,
  CONTOSO_CHANNEL,
  channelMessage,
  executeInvoke,
  FABRIKAM_TEAM,
  installedInTeam,
  queueInvoke,
  teamsCustomer,
  teamsStaff,
  teamsStaff2,
} from '../teams/teams-activities.js';
import { cardsIn, startTeamsWorld } from '../teams/teams-world.js';
import type { PlatformDriver } from './platform-driver.js';

/** What a post shows: its text, or its Adaptive Card's. */
function shown(c: ConnectorCall): string {
  return typeof c.body.text === 'string' && c.body.text !== '' ? c.body.text : JSON.stringify(cardsIn(c));
}

const posted = (c: ConnectorCall) => (c.kind === 'reply' || c.kind === 'send' || c.kind === 'create') && c.status === 201;

/**
 * Microsoft Teams: Contoso's customer in its shared channel and the access queue in a channel of the
 * vendor's team, through Baton's /api/messages against the fake Bot Connector (test/teams).
 */
export async function teamsDriver(): Promise<PlatformDriver> {
  const w = await startTeamsWorld();
  const installed = await w.send(installedInTeam(w.connector.url));
  if (installed.status !== 200) throw new Error(`installing in the vendor's team answered ${installed.status}`);
  const serviceUrl = w.connector.url;
  // Baton's port changes across a restart: each activity goes to the one now serving.
  const send = (activity: unknown) => postActivity(`http://127.0.0.1:${w.h.baton.port}/api/messages`, activity);
  const packet = (id: string) => w.connector.calls.find((c) => c.kind === 'create' && c.status === 201 && c.conversationId === ACCESS_QUEUE && JSON.stringify(c.body).includes(id));
  const packetRoot = async (id: string) =>
    (packet(id) ?? (await w.connector.waitFor((c) => c.kind === 'create' && c.status === 201 && c.conversationId === ACCESS_QUEUE && JSON.stringify(c.body).includes(id)))).id!;
  const click = async (escalationId: string, verb: string, data: Record<string, unknown>, from = teamsStaff) => {
    const res = await send(queueInvoke({ serviceUrl, from, root: await packetRoot(escalationId), verb, data: { escalationId, ...data } }));
    if (res.status !== 200) throw new Error(`Teams card action answered ${res.status}`);
  };
  return {
    get core() {
      return w.h.baton.core as PlatformDriver['core'];
    },
    // The Bot Connector cannot find a message by Baton's delivery id: a send whose answer was lost is sent again.
    lookBeforeResend: false,
    answerable: 'How do I invite a teammate?',
    handoff: 'I can\u2019t log in and the reset email never arrives, can I talk to a human please?',
    async customerSays(text, thread) {
      const message = channelMessage({ serviceUrl, from: teamsCustomer, text, ...(thread ? { root: thread.thread } : {}) });
      const res = await send(message);
      if (res.status !== 200) throw new Error(`Teams message answered ${res.status}`);
      return thread ?? { platform: 'teams', channel: CONTOSO_CHANNEL, thread: message.id };
    },
    async strangerSays(text) {
      await send(channelMessage({ serviceUrl, from: teamsCustomer, text, channel: FABRIKAM_TEAM, team: FABRIKAM_TEAM }));
    },
    customerSaw: (ref) => w.connector.calls.filter((c) => posted(c) && c.conversationId === `${ref.channel};messageid=${ref.thread}`).map(shown),
    strangerSaw: () => w.connector.calls.filter((c) => posted(c) && c.conversationId.startsWith(FABRIKAM_TEAM)).map(shown),
    queueSaw: () => w.connector.calls.filter((c) => c.kind === 'create' && c.status === 201 && c.conversationId === ACCESS_QUEUE).map(shown),
    threadSaw: (id) => {
      const root = packet(id)?.id;
      return w.connector.calls.filter((c) => posted(c) && c.conversationId === `${ACCESS_QUEUE};messageid=${root}`).map(shown);
    },
    packetUpdates: (id) => {
      const root = packet(id)?.id;
      return w.connector.calls.filter((c) => c.kind === 'update' && c.status === 200 && c.activityId === root).length;
    },
    staffClaims: (escalationId, second) => click(escalationId, ACTION.claim, {}, second ? teamsStaff2 : teamsStaff),
    staffReplies: (escalationId, text) => click(escalationId, ACTION.sendToCustomer, { [REPLY_FIELD]: text }),
    staffCloses: (escalationId) => click(escalationId, VIEW.closeEscalation, { [CLOSE_FIELD.rootCause]: 'other', [CLOSE_FIELD.aiAccuracy]: 'correct', [CLOSE_FIELD.automation]: 'no' }),
    async customerRates(ref, rating) {
      const survey = await w.connector.waitFor((c) => posted(c) && c.conversationId === `${ref.channel};messageid=${ref.thread}` && JSON.stringify(c.body).includes(ACTION.csat));
      await w.h.waitForLog('CSAT asked');
      const data = { conversationKey: conversationKey(ref), rating };
      await send(executeInvoke({ serviceUrl, from: teamsCustomer, root: ref.thread, cardId: survey.id!, verb: ACTION.csat, data }));
    },
    failNextSends: (...statuses) => w.connector.failNext(...statuses.map((status) => ({ status, ...(status === 429 ? { retryAfterSeconds: 1 } : {}) }))),
    accepted: () => w.connector.calls.filter((c) => posted(c) || (c.kind === 'update' && c.status === 200)).length,
    restart: () => w.h.restart(),
    settle: () => w.h.settle(),
    async stop() {
      await w.h.stop();
      await w.connector.stop();
    },
  };
}

