/**
 * Start-up of the real process (dist/main.js, as `npm start` runs it) with a knowledge file of N synthetic
 * resolved conversations, beside a bare Bolt app: `tsx bench/startup-bench.ts [sizes...]`; prints one
 * JSON line. For each: spawn to serving (the HTTP port answers /healthz), spawn to ready (/readyz 200:
 * the store, Slack and the knowledge index), and the resident set once idle. Against the fake Slack on
 * loopback, on a fresh SQLite store. The first start builds the index and saves it beside the knowledge
 * file (the bench waits for the save); the starts after load it: RUNS of them, medians.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.js';
import { freePort, SECRET } from '../test/fault/baton-process.js';
import { setUp } from './bench-seed.js';
import { synthesizeKb } from './synthetic-kb.js';

const RUNS = 2;
const IDLE_MS = 2000;

export interface StartupFigures {
  servingMs: number;
  readyMs: number;
  /** CPU time the process used up to ready (user + system): less moved by a busy machine than the wall clock. */
  readyCpuMs: number;
  idleRssMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Resident set of a process from /proc, in MB. */
function rssMb(pid: number | undefined): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU time a process used so far (user + system), from /proc, in ms. */
function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Polls `url` until it answers with a status `wanted` accepts (200 unless told). */
async function until(url: string, child: ChildProcess, timeoutMs: number, wanted: (status: number) => boolean = (status) => status === 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before ${url} answered`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    const ok = await fetch(url).then((r) => wanted(r.status), () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One start: spawn, serving, ready, idle RSS (and `saved` once true), then SIGTERM. */
async function startOnce(args: string[], env: Record<string, string>, readyPath: string | undefined, saved: () => boolean = () => true): Promise<StartupFigures> {
  const port = await freePort();
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|BATON_|OPENAI_)/.test(k)));
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...base, PORT: String(port), SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const url = `http://127.0.0.1:${port}`;
    // Bare Bolt has no /healthz: any HTTP answer means it serves.
    await until(`${url}/healthz`, child, 300_000, readyPath ? undefined : () => true);
    const servingMs = performance.now() - t0;
    if (readyPath) await until(`${url}${readyPath}`, child, 300_000);
    const readyMs = performance.now() - t0;
    const readyCpuMs = cpuMs(child.pid);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idleRssMb = rssMb(child.pid);
    while (!saved()) await new Promise((r) => setTimeout(r, 100));
    return { servingMs, readyMs, readyCpuMs, idleRssMb };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

async function medianOf(run: () => Promise<StartupFigures>): Promise<StartupFigures> {
  const runs: StartupFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  const of = (k: keyof StartupFigures) => median(runs.map((r) => r[k]));
  return { servingMs: of('servingMs'), readyMs: of('readyMs'), readyCpuMs: of('readyCpuMs'), idleRssMb: of('idleRssMb') };
}

/** Per size: the first start (builds the index and saves it) and the later ones (load it). */
export type BatonStartups = StartupFigures & { kbMb: number; first: StartupFigures };

export async function runStartupBench(sizes: number[]): Promise<{ bare: StartupFigures; baton: Record<number, BatonStartups> }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-startup-bench-'));
  const fake = await FakeSlackApi.start({ team: { id: 'T0VENDOR01' } });
  try {
    const bare = await medianOf(() => startOnce(['bench/bare-bolt-app.mjs'], {}, undefined));
    const { kb: seed } = await setUp();
    const baton: Record<number, BatonStartups> = {};
    for (const size of sizes) {
      const file = join(dir, `knowledge-${size}.jsonl`);
      const text = `${synthesizeKb(seed.filter((e) => e.kind === 'conversation'), size).map((e) => JSON.stringify(e)).join('\n')}\n`;
      writeFileSync(file, text);
      const env = (run: number) => ({ SLACK_API_URL: fake.url, SLACK_BOT_TOKEN: 'xoxb-startup-bench', BATON_KB: file, BATON_STORE: `sqlite://${join(dir, `store-${size}-${run}.sqlite`)}` });
      let run = 0;
      const first = await startOnce(['dist/main.js'], env(run++), '/readyz', () => existsSync(`${file}.index`));
      baton[size] = { ...(await medianOf(() => startOnce(['dist/main.js'], env(run++), '/readyz'))), kbMb: Buffer.byteLength(text) / 2 ** 20, first };
    }
    return { bare, baton };
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('startup-bench.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(JSON.stringify(await runStartupBench(sizes.length ? sizes : [50_000, 500_000])));
}
