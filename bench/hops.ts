/**
 * The way one customer message and one claim travel through Baton's code, on Slack and on Teams: the
 * real Baton in this process (Bolt over signed HTTP against the fake Slack, the Agents SDK against the
 * fake Bot Connector). Each step is taken once to warm up, then measured two ways:
 *
 * - The reader's way (hops): the chain of Baton functions a reader follows from the platform's HTTP
 *   route to each port call that does something: the inbox record, the decision, a store write
 *   (conversation, escalation), a delivery through the gateway. Each port call pauses in the
 *   debugger, whose async stacks follow every await, promise callback and timer back to the HTTP
 *   request (through the inbox worker's queue and the delivery runner); its Baton frames, outermost
 *   first, are that call's chain. The step's hops are the distinct functions on all its chains (a
 *   function on several chains counts once); the longest chain is printed too. Leaf helpers no port
 *   call passes through (phrase matching, rendering, the guard's checks) are not hops.
 * - Every function entered: V8's precise coverage counts the Baton functions entered, the calls into
 *   them and the source files they live in, leaf helpers included.
 *
 * `npx tsx bench/hops.ts` (`--chains` prints each port call's chain)
 */
import { mkdtempSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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
const SHOW_CHAINS = process.argv.includes('--chains');

/** One port call: what it was, and the Baton functions on the way to it, outermost first. */
interface PortCall {
  port: string;
  chain: string[];
  /** For a call made inside another port call: the functions between the outer port and this call. */
  inside: string[];
}

/** A frame of a paused stack (its script in `location`) or of an async one (its script on it). */
interface Frame {
  functionName: string;
  url?: string;
  scriptId?: string;
  lineNumber?: number;
  columnNumber?: number;
  location?: { scriptId: string; lineNumber: number; columnNumber?: number };
}
interface Paused {
  callFrames: Frame[];
  asyncStackTrace?: StackTrace;
}
interface StackTrace {
  callFrames: Frame[];
  parent?: StackTrace;
}

const HERE = import.meta.url;
/** The name of `watch`'s wrappers, which tells a port call made inside another one. */
const PORT_CALL = 'portCall';

/**
 * The Baton functions of a paused stack and of the stacks that led to it (each await's, each timer's
 * and promise callback's, back to the HTTP request), outermost first, each `function (file)` once.
 * The debugger's async stacks are taken where a function first awaits or schedules, so a caller that
 * only returned its callee's promise is on them too. A port call made inside another (the gateway
 * calling back the outbox's `beforeSend`) is split there: `inside` holds the frames within the outer port.
 */
function batonFrames(paused: Paused): { chain: string[]; inside: string[] } {
  const inner: string[] = [];
  const outer: string[] = [];
  let own = true;
  let frames = inner;
  for (let trace: StackTrace | undefined = { callFrames: paused.callFrames, parent: paused.asyncStackTrace }; trace; trace = trace.parent) {
    for (const f of trace.callFrames) {
      const url = f.url || (scripts.get(f.location?.scriptId ?? f.scriptId ?? '') ?? '');
      if (url === HERE && f.functionName.endsWith(PORT_CALL)) {
        // The first is this call's own wrapper; one further out is the port this call is made inside.
        if (!own) frames = outer;
        own = false;
        continue;
      }
      if (!url.startsWith('file://')) continue;
      const path = fileURLToPath(url);
      if (!path.startsWith(SRC)) continue;
      // An unnamed function is told apart from the file's others by where it starts (`nameUnnamed`); a
      // frame gives only where it is now, so that is kept until the step is over.
      const at = f.location ?? { scriptId: f.scriptId ?? '', lineNumber: f.lineNumber ?? 0, columnNumber: f.columnNumber ?? 0 };
      const name = f.functionName || `${UNNAMED}${at.scriptId}:${at.lineNumber}:${at.columnNumber ?? 0}`;
      frames.push(`${name} (${relative(SRC, path)})`);
    }
  }
  const chain = [...new Set((frames === outer ? outer : inner).reverse())];
  return { chain, inside: frames === outer ? [...new Set(inner.reverse())].filter((f) => !chain.includes(f)) : [] };
}

const UNNAMED = '?';

/** Names each unnamed function on the chains by where it starts in its compiled module, so two places in one function are one hop. */
async function nameUnnamed(session: Session, calls: PortCall[]): Promise<void> {
  const sources = new Map<string, ts.SourceFile>();
  const rename = async (frame: string): Promise<string> => {
    const at = new RegExp(`^\\${UNNAMED}(\\d+):(\\d+):(\\d+) `).exec(frame);
    if (!at) return frame;
    const [, scriptId = '', line, column] = at;
    let source = sources.get(scriptId);
    if (!source) {
      const { scriptSource } = await session.post('Debugger.getScriptSource', { scriptId });
      source = ts.createSourceFile(`${scriptId}.js`, scriptSource, ts.ScriptTarget.Latest, true);
      sources.set(scriptId, source);
    }
    const position = source.getPositionOfLineAndCharacter(Number(line), Number(column));
    let start = 0;
    const visit = (node: ts.Node): void => {
      if (node.getStart(source) > position || node.end < position) return;
      if (ts.isFunctionLike(node)) start = node.getStart(source);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return frame.replace(at[0], `(anonymous @${start}) `);
  };
  for (const call of calls) {
    call.chain = [...new Set(await Promise.all(call.chain.map(rename)))];
    call.inside = [...new Set(await Promise.all(call.inside.map(rename)))].filter((f) => !call.chain.includes(f));
  }
}

let watching = '';
/** Each script's URL by the debugger's id (frames name only the id). */
const scripts = new Map<string, string>();

/** Records each pause of `watch`'s wrappers as a port call into `calls`, and resumes. */
async function listen(session: Session, calls: PortCall[]): Promise<void> {
  session.on('Debugger.scriptParsed', ({ params }) => void scripts.set(params.scriptId, params.url));
  session.on('Debugger.paused', ({ params }) => {
    calls.push({ port: watching, ...batonFrames(params as Paused) });
    void session.post('Debugger.resume');
  });
  await session.post('Debugger.enable');
  await session.post('Debugger.setAsyncCallStackDepth', { maxDepth: 64 });
}

/** Wraps the named methods of a port in place: each call pauses in the debugger, which `listen` records. */
function watch(port: object, label: string, methods: string[]): void {
  const target = port as Record<string, unknown>;
  for (const name of methods) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function portCall(this: unknown, ...args: unknown[]) {
      watching = `${label}.${name}`;
      // biome-ignore lint/suspicious/noDebugger: the pause hands this call's stack, async parents included, to `listen`.
      debugger;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

/**
 * The reader's way of one step: the distinct functions on its chains to the ports (and apart, those
 * inside a port that calls back into Baton), the longest chain, and the files with several hops.
 */
function reportWay(step: string, calls: PortCall[]): void {
  const hops = new Set(calls.flatMap((c) => c.chain));
  const inside = new Set(calls.flatMap((c) => c.inside).filter((f) => !hops.has(f)));
  const longest = calls.reduce<PortCall | undefined>((a, c) => (!a || c.chain.length > a.chain.length ? c : a), undefined);
  const files = new Map<string, number>();
  for (const hop of hops) {
    const file = /\((.+)\)$/.exec(hop)?.[1] ?? '';
    files.set(file, (files.get(file) ?? 0) + 1);
  }
  const repeated = [...files].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, n]) => `${f} ${n}`).join(', ');
  const ports = [...new Set(calls.map((c) => c.port))].join(', ');
  console.log(
    `${step.padEnd(24)} ${String(hops.size).padStart(3)} hops in ${String(files.size).padStart(2)} files (+${inside.size} inside a port calling back), longest chain ${longest?.chain.length ?? 0} (to ${longest?.port ?? '-'}); ${calls.length} port calls: ${ports}${repeated ? `; files with several hops: ${repeated}` : ''}`,
  );
  if (!SHOW_CHAINS) return;
  for (const c of calls) console.log(`    ${c.port}: ${c.chain.join(' > ')}${c.inside.length ? ` [inside the port: ${c.inside.join(' > ')}]` : ''}`);
}

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

interface Measured {
  way: PortCall[];
  entered: Map<string, Map<string, number>>;
}

/** Runs the step, waits for what its user would see and for Baton to be idle, and returns its port calls and what it entered. */
async function measure(session: Session, baton: RunningBaton, calls: PortCall[], step: () => Promise<unknown>): Promise<Measured> {
  await baton.idle();
  await entered(session);
  calls.length = 0;
  await step();
  await baton.idle();
  const way = calls.splice(0);
  await nameUnnamed(session, way);
  return { way, entered: await entered(session) };
}

async function main(): Promise<void> {
  const fake = await FakeSlackApi.start();
  for (const u of [customer, ana]) fake.addUser({ id: u.id, team_id: u.teamId, real_name: u.name, name: u.name });
  const connector = await FakeTeamsConnector.start();
  for (const m of [teamsCustomer, teamsStaff]) connector.addMember(m);
  const env = readEnv({ SLACK_BOT_TOKEN: 'xoxb-hops', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: '0', BATON_CONFIG: POLICY, TEAMS_SERVICE_HOSTS: '127.0.0.1', BATON_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-hops-')), 'baton.sqlite')}` });
  const baton = await startBaton({ env, policy: loadPolicy(POLICY), log: createLogger('silent'), knowledge: E2E_KNOWLEDGE, sourceEnv: {} });
  const calls: PortCall[] = [];
  watch(baton.intake.inbox, 'inbox', ['add']);
  watch(baton.core.decider, 'decider', ['decide']);
  watch(baton.core.conversations, 'conversations', ['put']);
  watch(baton.core.escalations, 'escalations', ['create', 'update']);
  watch(baton.core.gateway, 'gateway', ['replyToCustomer', 'postPacket', 'updatePacket', 'postInternal', 'postAlert']);
  if (baton.core.loop) watch(baton.core.loop.notify, 'notify', ['askCsat', 'thankForCsat', 'postDigest']);
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
  await listen(session, calls);
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const question = 'How do I invite a teammate?';
  for (const round of ['warm-up', 'measured']) {
    const results: [string, Measured][] = [];
    results.push(['Slack customer message', await measure(session, baton, calls, () => slackMessage(question))]);
    const claimSlack = await slackClaim();
    results.push(['Slack claim', await measure(session, baton, calls, claimSlack)]);
    results.push(['Teams customer message', await measure(session, baton, calls, () => teamsMessage(question))]);
    const claimTeams = await teamsClaim();
    results.push(['Teams claim', await measure(session, baton, calls, claimTeams)]);
    if (round !== 'measured') continue;
    console.log('The reader\'s way: Baton functions on the chains from where the work starts to each port call');
    for (const [step, { way }] of results) reportWay(step, way);
    console.log('Every Baton function entered (V8 precise coverage)');
    for (const [step, { entered: files }] of results) report(step, files);
  }
  session.disconnect();
  await baton.stop();
  await connector.stop();
  await fake.stop();
}

await main();
