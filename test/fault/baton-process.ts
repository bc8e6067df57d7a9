import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const SECRET = 'fault-suite-secret';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/**
 * The shipped policy with `channels` customer channels for Globex (growth tier: escalations route by
 * topic), and any top-level sections of `overrides` in place of the shipped ones.
 */
export function policyWithChannels(channels: string[], overrides: Record<string, unknown> = {}): string {
  const policy = parse(readFileSync('config/baton.yaml', 'utf8')) as { accounts: { id: string; channels: string[] }[] };
  const globex = policy.accounts.find((a) => a.id === 'globex')!;
  globex.channels = channels;
  Object.assign(policy, overrides);
  const file = join(mkdtempSync(join(tmpdir(), 'baton-fault-policy-')), 'baton.yaml');
  writeFileSync(file, stringify(policy));
  return file;
}

/** Baton as `npm start` runs it (the compiled dist/main.js), on a store that outlives each process. */
export class BatonProcess {
  output = '';
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /**
   * Spawns dist/main.js on a free port. The port is free when picked, not when the child binds it: a busy
   * machine's outgoing connections can take it in between, and Baton then exits naming the port in use,
   * so the start is tried again on another.
   */
  static async start(env: Record<string, string>): Promise<BatonProcess> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await BatonProcess.startOnce(env);
      } catch (err) {
        if (attempt >= 3 || !String(err).includes('the port is already in use')) throw err;
      }
    }
  }

  private static async startOnce(env: Record<string, string>): Promise<BatonProcess> {
    const port = await freePort();
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|BATON_|OPENAI_)/.test(k)));
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: { ...base, SLACK_BOT_TOKEN: 'xoxb-fault-suite', SLACK_SIGNING_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new BatonProcess(child, `http://127.0.0.1:${port}`);
    child.stdout?.on('data', (d: Buffer) => (proc.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (proc.output += d.toString()));
    await proc.waitForOutput('Baton is running', 30_000);
    return proc;
  }

  get eventsUrl(): string {
    return `${this.url}/slack/events`;
  }

  async waitForOutput(text: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`Baton never logged "${text}"; output:\n${this.output.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL: no shutdown code runs, as when a machine dies or the OOM killer strikes. */
  async kill(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, as a deploy stops it; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((r) => this.child.once('exit', (code) => r(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}
