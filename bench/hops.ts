/**
 * The way one customer message and one claim travel through Baton's code, on Slack and on Teams: the
 * real Baton in this process (Bolt over signed HTTP against the fake Slack, the Agents SDK against the
 * fake Bot Connector), with V8's precise coverage counting every function entered. For each step (taken
 * once to warm up, then measured) it prints the Baton functions entered, the calls into them, the
 * source files they live in, and the files entered most often.
 * `npx tsx bench/hops.ts`
 */
import { mkdtempSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBaton, type RunningBaton } from '../src/baton.js';
import { readEnv } from '../src/config/env.js';
import { loadPolicy } from '../src/config/load-policy.js';
import { ACTION } from '../src/core/model/actions.js';
import { createLogger } from '../src/infra/logger.js';
import { E2E_KNOWLEDGE } from '../test/e2e/knowledge.js';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.js';
import { FakeTeamsConnector } from '../test/fakes/fake-teams-connector.js';
import { blockActionsPayload, messageEvent, sendEvent, sendInteraction } from '../test/fakes/slack-request.js';
import { ACCESS_QUEUE, CONTOSO_CHANNEL, channelMessage, installedInTeam, postActivity, queueSubmit, teamsCustomer, teamsStaff } from '../test/teams/teams-activities.js';

const POLICY = 'test/teams/baton.teams.yaml';
const SECRET = 'hops-signing-secret';
const ACME = 'C0ACME0001';
const SUPPORT = 'C0SUPPORT1';
const customer = { id: 'U0CUST0001', teamId: 'T0CUSTOMER', name: 'Casey' };
const ana = { id: 'U0ANA00001', teamId: 'T0BATON001', name: 'Ana' };
const SRC = join(fileURLToPath(new URL('..', import.meta.url)), 'src');

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** Baton's functions entered since the last take, by file (V8 resets the counters on each take). */
async function entered(session: Session): Promise<Map<string, Map<string, number>>> {
  const { result } = (await session.post('Profiler.takePreciseCoverage')) as Coverage;
  const files = new Map<string, Map<string, number>>();
  for (const script of result) {
    if (!script.url.startsWith('file://')) continue;
    const path = fileURLToPath(script.url);
    if (!path.startsWith(SRC)) continue;
    for (const fn of script.functions) {
      const count = fn.ranges[0]?.count ?? 0;
      // The module's own top level (no name, from offset 0) is not a step of the message.
      if (count === 0 || fn.functionName === '') continue;
      const byName = files.get(relative(SRC, path)) ?? new Map<string, number>();
      byName.set(fn.functionName, (byName.get(fn.functionName) ?? 0) + count);
      files.set(relative(SRC, path), byName);
    }
  }
  return files;
}

function report(step: string, files: Map<string, Map<string, number>>): void {
  const perFile = [...files].map(([file, fns]) => ({ file, functions: fns.size, calls: [...fns.values()].reduce((a, b) => a + b, 0) }));
  const functions = perFile.reduce((a, f) => a + f.functions, 0);
  const calls = perFile.reduce((a, f) => a + f.calls, 0);
  const top = perFile.sort((a, b) => b.calls - a.calls).slice(0, 5).map((f) => `${f.file} ${f.calls}`).join(', ');
  console.log(`${step.padEnd(24)} ${String(functions).padStart(5)} functions ${String(calls).padStart(6)} calls ${String(files.size).padStart(4)} files   most entered: ${top}`);
}

/** Runs the step, waits for what its user would see and for Baton to be idle, and returns what it entered. */
async function measure(session: Session, baton: RunningBaton, step: () => Promise<unknown>): Promise<Map<string, Map<string, number>>> {
  await baton.idle();
  await entered(session);
  await step();
  await baton.idle();
  return entered(session);
}

async function main(): Promise<void> {
  const fake = await FakeSlackApi.start();
  for (const u of [customer, ana]) fake.addUser({ id: u.id, team_id: u.teamId, real_name: u.name, name: u.name });
  const connector = await FakeTeamsConnector.start();
  for (const m of [teamsCustomer, teamsStaff]) connector.addMember(m);
  const env = readEnv({ SLACK_BOT_TOKEN: 'xoxb-hops', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: '0', BATON_CONFIG: POLICY, TEAMS_SERVICE_HOSTS: '127.0.0.1', BATON_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-hops-')), 'baton.sqlite')}` });
  const baton = await startBaton({ env, policy: loadPolicy(POLICY), log: createLogger('silent'), knowledge: E2E_KNOWLEDGE, sourceEnv: {} });
  const slack = { url: `http://127.0.0.1:${baton.port}/slack/events`, signingSecret: SECRET };
  const teams = (activity: unknown) => postActivity(`http://127.0.0.1:${baton.port}/api/messages`, activity);
  await teams(installedInTeam(connector.url));
  let n = 0;

  const slackMessage = async (text: string) => {
    const ts = `1700000${String(++n).padStart(3, '0')}.000100`;
    fake.addMessage(ACME, { ts, text, user: customer.id, team: customer.teamId });
    await sendEvent(slack, messageEvent({ channel: ACME, user: customer.id, userTeam: customer.teamId, text, ts }));
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === ACME && c.args.thread_ts === ts);
    return ts;
  };
  const slackClaim = async () => {
    await slackMessage('Can I talk to a human please?');
    const packet = await fake.waitFor('chat.postMessage', (c) => c.args.channel === SUPPORT && !c.args.thread_ts && String(c.args.text).startsWith('Escalation') && !claimed.has(String(c.response.ts)));
    const ts = String(packet.response.ts);
    claimed.add(ts);
    const escalationId = /E-[A-Z0-9]+/.exec(String(packet.args.text))?.[0] ?? '';
    return () => sendInteraction(slack, blockActionsPayload({ user: ana, channel: { id: SUPPORT }, message: { ts }, action: { actionId: ACTION.claim, value: escalationId } }));
  };
  const claimed = new Set<string>();
  const teamsMessage = async (text: string) => {
    const ask = channelMessage({ serviceUrl: connector.url, from: teamsCustomer, text });
    await teams(ask);
    await connector.waitFor((c) => c.kind === 'reply' && c.conversationId === `${CONTOSO_CHANNEL};messageid=${ask.id}`);
  };
  const teamsClaim = async () => {
    const before = connector.calls.filter((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE).length;
    await teamsMessage('I can\u2019t log in and the reset email never arrives, can I talk to a human please?');
    const packet = await connector.waitFor((c) => c.kind === 'create' && c.conversationId === ACCESS_QUEUE && c.status === 201 && connector.calls.filter((x) => x.kind === 'create' && x.conversationId === ACCESS_QUEUE).indexOf(c) >= before);
    const escalationId = /Escalation (E-[A-Z0-9]+)/.exec(JSON.stringify(packet.body))?.[1] ?? '';
    return () => teams(queueSubmit({ serviceUrl: connector.url, from: teamsStaff, root: packet.id!, verb: ACTION.claim, data: { escalationId } }));
  };

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const question = 'How do I invite a teammate?';
  for (const round of ['warm-up', 'measured']) {
    const results: [string, Map<string, Map<string, number>>][] = [];
    results.push(['Slack customer message', await measure(session, baton, () => slackMessage(question))]);
    const claimSlack = await slackClaim();
    results.push(['Slack claim', await measure(session, baton, claimSlack)]);
    results.push(['Teams customer message', await measure(session, baton, () => teamsMessage(question))]);
    const claimTeams = await teamsClaim();
    results.push(['Teams claim', await measure(session, baton, claimTeams)]);
    if (round === 'measured') for (const [step, files] of results) report(step, files);
  }
  session.disconnect();
  await baton.stop();
  await connector.stop();
  await fake.stop();
}

await main();
