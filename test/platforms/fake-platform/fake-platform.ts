import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { claimEscalation } from '../../../src/core/escalation/specialist-actions.js';
import { closeEscalation } from '../../../src/core/escalation/close-escalation.js';
import { relayToCustomer } from '../../../src/core/escalation/relay-reply.js';
import { handleMessages } from '../../../src/core/conversation/handle-message.js';
import { requestHuman } from '../../../src/core/conversation/request-human.js';
import type { CoreDeps, LoopDeps } from '../../../src/core/deps.js';
import { rateConversation } from '../../../src/core/feedback/csat.js';
import { conversationKey, parseChannelName } from '../../../src/core/model/conversation-ref.js';
import type { Author, InboundMessage } from '../../../src/core/model/message.js';
import type { InboxItem } from '../../../src/core/ports/inbox.js';
import { settleGroup } from '../../../src/infra/intake/settle-group.js';
import type { Platform, PlatformIntake, ServeContext } from '../../../src/platform/platform.js';
import { policyChannels } from '../../../src/platform/policy-channels.js';
import { FakeGateway } from './fake-gateway.js';
import { FAKE } from './fake-tag.js';
import type { FakeWorld } from './fake-world.js';

/** Staff are the people whose id starts with `staff-`: the fake platform's whole directory. */
const author = (user: string, name: string): Author => ({ id: user, name, isExternal: !user.startsWith('staff-') });

const messageBody = z.object({ room: z.string(), id: z.string(), thread: z.string().optional(), user: z.string(), name: z.string(), text: z.string() });
const pressBody = z.object({
  action: z.enum(['human', 'claim', 'relay', 'close', 'rate']),
  user: z.string(),
  name: z.string(),
  conversationKey: z.string().optional(),
  escalationId: z.string().optional(),
  text: z.string().optional(),
  rating: z.number().optional(),
  tags: z.object({ rootCause: z.string(), aiAccuracy: z.string(), automation: z.string() }).optional(),
});

type FakePayload = { kind: 'message'; message: InboundMessage } | { kind: 'human'; conversationKey: string; author: Author };

async function json(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A press acted on at once (the core's transitions are atomic), answered with the core's result. */
async function press(core: CoreDeps, p: z.infer<typeof pressBody>): Promise<unknown> {
  const who = author(p.user, p.name);
  if (p.action === 'rate') return rateConversation(loopOf(core), p.conversationKey ?? '', who, p.rating ?? 0);
  const id = p.escalationId ?? '';
  if (p.action === 'claim') return claimEscalation(core, id, who);
  if (p.action === 'relay') return relayToCustomer(core, id, who, p.text ?? '');
  return closeEscalation(core, id, who, p.tags ?? {});
}

function loopOf(core: CoreDeps): LoopDeps {
  if (!core.loop) throw new Error('the fake platform rates only with the loop running');
  return { ...core, loop: core.loop };
}

function serve(world: FakeWorld, { core, server, runner, worker, take }: ServeContext): PlatformIntake {
  // A customer's message and "Talk to a person" go through the inbox, recorded before the 202, like Slack's and Teams'.
  server.route('POST', '/fake/messages', async (req, res) => {
    const m = messageBody.parse(await json(req));
    const ref = { platform: FAKE, channel: m.room, thread: m.thread ?? m.id };
    const message: InboundMessage = { id: m.id, ref, author: author(m.user, m.name), text: m.text, at: Date.now() };
    const newThread = ref.thread === m.id ? { newThread: { by: `${FAKE}:${m.room}:${m.user}`, ref } } : {};
    await take({ id: `${FAKE}:${m.room}:${m.id}`, lane: conversationKey(ref), receivedAt: Date.now(), payload: { kind: 'message', message } satisfies FakePayload, ...newThread });
    answer(res, 202, {});
  });
  server.route('POST', '/fake/presses', async (req, res) => {
    const p = pressBody.parse(await json(req));
    if (p.action !== 'human') return answer(res, 200, await press(core, p));
    const key = p.conversationKey ?? '';
    await take({ id: `human:${key}:${world.nextId()}`, lane: key, receivedAt: Date.now(), payload: { kind: 'human', conversationKey: key, author: author(p.user, p.name) } satisfies FakePayload });
    answer(res, 202, {});
  });
  return {
    async handle(items, recovered) {
      const payloads = items.map((i) => i.payload as FakePayload);
      const human = payloads.find((p) => p.kind === 'human');
      if (human) await requestHuman(core, human.conversationKey, human.author);
      else await handleMessages(core, items.flatMap((item, i) => { const p = payloads[i]!; return p.kind === 'message' ? [{ ...p.message, ref: item.joined ?? p.message.ref }] : []; }));
      await settleGroup(runner, worker(), items, items[0]!.lane, recovered, core.log);
    },
    heldMessage: (item: InboxItem) => {
      const p = item.payload as FakePayload;
      return p.kind === 'message' ? p.message : undefined;
    },
  };
}

/** A fourth platform, in this folder only: plain-text posts recorded in `world`, JSON routes for customers and staff. */
export function fakePlatform(world: FakeWorld): Platform<object> {
  return {
    tag: FAKE,
    wanted: (_env, policy) => policyChannels(policy).some(({ name }) => parseChannelName(name).platform === FAKE),
    missing: () => [],
    settings: () => ({}),
    async open() {
      const gateway = new FakeGateway(world);
      return { gateway, loop: gateway, ready: async () => {}, serve: (ctx) => serve(world, ctx), close: async () => {} };
    },
  };
}
