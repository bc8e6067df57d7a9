import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect } from 'vitest';
import { startBaton, type RunningBaton } from '../../src/baton.js';
import { readEnv } from '../../src/config/env.js';
import { loadPolicy } from '../../src/config/load-policy.js';
import type { Policy } from '../../src/config/policy-schema.js';
import type { Clock } from '../../src/core/ports/clock.js';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import { createLogger } from '../../src/infra/logger.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { FakeSocketMode } from '../fakes/fake-socket-mode.js';
import {
  blockActionsPayload,
  messageEvent,
  sendEvent,
  sendInteraction,
  type Actor,
  type BoltTarget,
  type Delivery,
  type DeliveryOptions,
} from '../fakes/slack-request.js';
import { slackTs } from '../fakes/slack-ids.js';
import { E2E_KNOWLEDGE } from './knowledge.js';

export const SIGNING_SECRET = 'e2e-signing-secret';
export const APP_TOKEN = 'xapp-1-A0BATONAPP-1-e2e';
export const CUSTOMER_TEAM = 'T0CUSTOMER';
export const ACME_CHANNEL = 'C0ACME0001';
export const GLOBEX_CHANNEL = 'C0GLOBEX01';
export const customer: Actor = { id: 'U0CUST0001', teamId: CUSTOMER_TEAM, name: 'Casey' };
export const ana: Actor = { id: 'U0ANA00001', teamId: 'T0BATON001', name: 'Ana' };
export const ben: Actor = { id: 'U0BEN00001', teamId: 'T0BATON001', name: 'Ben' };

export interface HarnessOptions {
  policyFile?: string;
  knowledge?: KnowledgeEntry[];
  /** Read the knowledge from this file (BATON_KB), as `npm start` does, instead of `knowledge`. */
  knowledgeFile?: string;
  /** Reuse a store across a restart. */
  storeUri?: string;
  fake?: FakeSlackApi;
  /** The clock Baton's core reads; a test moves it to make timers due. */
  clock?: Clock;
  /** Extra environment, e.g. the OPENAI_* settings of the LLM tests. */
  env?: Record<string, string>;
  /** Socket Mode: SLACK_APP_TOKEN instead of a signing secret, events through `harness.socket`. */
  socketMode?: boolean;
  /** With socketMode, reuse this endpoint (attached to `fake`) rather than start one. */
  socket?: FakeSocketMode;
}

/** Captures Baton's log lines so a test can check what was (and was not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }
}

/** The real Baton (Bolt over HTTP, SQLite store, triage engine) against a fake Slack on loopback. */
export class Harness {
  private constructor(
    readonly fake: FakeSlackApi,
    public baton: RunningBaton,
    public target: BoltTarget,
    readonly storeUri: string,
    readonly policy: Policy,
    readonly logs: LogCapture,
    private readonly options: HarnessOptions,
    /** The fake Socket Mode endpoint, in socketMode; `target` is then unused (PORT serves health and metrics only). */
    readonly socket?: FakeSocketMode,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const fake = options.fake ?? (await FakeSlackApi.start());
    for (const user of [customer, ana, ben]) fake.addUser({ id: user.id, team_id: user.teamId, real_name: user.name, name: user.name });
    const storeUri = options.storeUri ?? `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-e2e-')), 'baton.sqlite')}`;
    const policyFile = options.policyFile ?? 'test/fixtures/e2e/baton.e2e.yaml';
    const socket = options.socketMode ? (options.socket ?? (await FakeSocketMode.start(fake))) : undefined;
    const env = readEnv({
      SLACK_BOT_TOKEN: 'xoxb-e2e-token',
      ...(socket ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
      SLACK_API_URL: fake.url,
      PORT: '0',
      BATON_STORE: storeUri,
      BATON_CONFIG: policyFile,
      LOG_LEVEL: 'debug',
      ...(options.knowledgeFile ? { BATON_KB: options.knowledgeFile, BATON_DOCS: join(tmpdir(), 'baton-no-docs') } : {}),
      ...options.env,
    });
    const policy = loadPolicy(env.BATON_CONFIG);
    const logs = new LogCapture();
    const baton = await startBaton({ env, policy, log: createLogger('debug', logs), ...(options.knowledgeFile ? {} : { knowledge: options.knowledge ?? E2E_KNOWLEDGE }), ...(options.clock ? { clock: options.clock } : {}) });
    // As a readiness probe would: the knowledge is built before a test speaks.
    await baton.ready;
    const target = { url: `http://127.0.0.1:${baton.port}/slack/events`, signingSecret: SIGNING_SECRET };
    return new Harness(fake, baton, target, storeUri, policy, logs, options, socket);
  }

  /** Stops Baton (not the fake Slack) and starts it again on the same store, as after a deploy. */
  async restart(): Promise<void> {
    await this.baton.stop();
    const next = await Harness.start({ ...this.options, storeUri: this.storeUri, fake: this.fake, ...(this.socket ? { socket: this.socket } : {}) });
    this.baton = next.baton;
    this.target = next.target;
  }

  async stop(): Promise<void> {
    await this.baton.stop();
    await this.socket?.stop();
    await this.fake.stop();
  }

  /** A person writes in a channel; returns the message ts (the thread root when it is a new message). */
  async say(who: Actor, text: string, o: { channel?: string; threadTs?: string; ts?: string } & DeliveryOptions = {}): Promise<string> {
    const ts = o.ts ?? slackTs();
    const channel = o.channel ?? ACME_CHANNEL;
    // Slack has the message before it sends the event: conversations.replies finds the thread.
    this.fake.addMessage(channel, { ts, text, user: who.id, team: who.teamId, ...(o.threadTs ? { thread_ts: o.threadTs } : {}) });
    const envelope = messageEvent({ channel, user: who.id, userTeam: who.teamId, text, ts, ...(o.threadTs ? { threadTs: o.threadTs } : {}) });
    const res = await sendEvent(this.target, envelope, o);
    expect(res.status).toBe(200);
    return ts;
  }

  async click(who: Actor, actionId: string, value: string, message: { channel: string; ts: string; threadTs?: string }): Promise<Delivery> {
    return sendInteraction(
      this.target,
      blockActionsPayload({
        user: who,
        channel: { id: message.channel },
        message: { ts: message.ts, ...(message.threadTs ? { threadTs: message.threadTs } : {}) },
        action: { actionId, value },
      }),
    );
  }

  /** Posts by Baton into one thread, in order. */
  postsIn(channel: string, threadTs?: string) {
    return this.fake
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === channel && (threadTs === undefined || c.args.thread_ts === threadTs) && c.response.ok);
  }

  async waitForPost(channel: string, threadTs: string | undefined, predicate: (text: string) => boolean = () => true, timeoutMs = 8000) {
    return this.fake.waitFor(
      'chat.postMessage',
      (c) => c.response.ok && c.args.channel === channel && (threadTs === undefined || c.args.thread_ts === threadTs) && predicate(String(c.args.text ?? '')),
      timeoutMs,
    );
  }

  /** Resolves once Baton has logged a line containing `text` (its own signal that a step finished). */
  async waitForLog(text: string, timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.logs.lines.find((l) => l.includes(text));
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for a log line with "${text}"`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until Baton has nothing under way, before asserting that something did NOT happen. */
  async settle(): Promise<void> {
    await this.baton.idle();
  }
}

/**
 * Starts a fresh Baton and fake Slack before each test of the calling file and checks, after each, that
 * no payload broke a Block Kit limit. Returns a getter, since each test gets a new harness.
 */
export function useHarness(options: HarnessOptions = {}): () => Harness {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await Harness.start(options);
  });
  afterEach(async () => {
    const h = current;
    current = undefined;
    if (!h) return;
    await h.stop();
    expect(h.fake.violations()).toEqual([]);
  });
  return () => {
    if (!current) throw new Error('no harness outside a test');
    return current;
  };
}
