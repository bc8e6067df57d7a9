import { afterEach, beforeEach, expect } from 'vitest';
import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';
import type { AdaptiveCard } from '../../src/teams/render/adaptive-card.js';
import { ManualClock } from '../e2e/loop/loop-world.js';
import { Harness } from '../e2e/harness.js';
import { type ConnectorCall, FakeTeamsConnector } from '../fakes/fake-teams-connector.js';
import { assertCardWithinLimits } from './card-limits.js';
import { CONTOSO_CHANNEL, postActivity, teamsCustomer, teamsLead, teamsStaff, teamsStaff2 } from './teams-activities.js';

export interface TeamsWorld {
  h: Harness;
  connector: FakeTeamsConnector;
  clock: ManualClock;
  /** Posts an activity to Baton's /api/messages as Teams would. */
  send(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** The next post in a Contoso thread that matches. */
  postIn(root: string, predicate?: (c: ConnectorCall) => boolean): Promise<ConnectorCall>;
}

export async function startTeamsWorld(env: Record<string, string> = {}, policyFile = 'test/teams/baton.teams.yaml', knowledge?: KnowledgeEntry[], startAt?: number): Promise<TeamsWorld> {
  const connector = await FakeTeamsConnector.start();
  for (const m of [teamsCustomer, teamsStaff, teamsStaff2, teamsLead]) connector.addMember(m);
  const clock = new ManualClock(startAt);
  const h = await Harness.start({ policyFile, clock, env: { TEAMS_SERVICE_HOSTS: '127.0.0.1', ...env }, ...(knowledge ? { knowledge } : {}) });
  const url = `http://127.0.0.1:${h.baton.port}/api/messages`;
  return {
    h,
    connector,
    clock,
    send: (activity, headers) => postActivity(url, activity, headers),
    postIn: (root, predicate = () => true) =>
      connector.waitFor((c) => (c.kind === 'reply' || c.kind === 'send') && c.status === 201 && c.conversationId === `${CONTOSO_CHANNEL};messageid=${root}` && predicate(c)),
  };
}

/**
 * A fresh world before each test (with this knowledge, else the e2e one; its clock from `startAt`, else
 * the real time); after each, every card Baton sent within Adaptive Card limits, and a clean stop.
 */
export function useTeamsWorld(policyFile?: () => string, knowledge?: KnowledgeEntry[], startAt?: number): () => TeamsWorld {
  let world: TeamsWorld | undefined;
  beforeEach(async () => {
    world = await startTeamsWorld({}, policyFile?.(), knowledge, startAt);
  });
  afterEach(async () => {
    const w = world;
    world = undefined;
    if (!w) return;
    for (const call of w.connector.calls) for (const c of cardsIn(call)) assertCardWithinLimits(c);
    expect(w.h.fake.violations()).toEqual([]);
    await w.h.stop();
    await w.connector.stop();
  });
  return () => {
    if (!world) throw new Error('no Teams world outside a test');
    return world;
  };
}

export function cardsIn(call: ConnectorCall): AdaptiveCard[] {
  const attachments = (call.body.attachments ?? []) as { contentType?: string; content?: AdaptiveCard }[];
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content!);
}
