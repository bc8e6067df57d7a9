import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/**
 * A redis-server on a loopback port, its files in `dir`. `durable` writes every command to the append
 * only file before answering (appendfsync always), so a SIGKILL loses nothing and a restart on the
 * same port and dir comes back with every key.
 */
export async function startRedisServer(o: { port: number; dir: string; durable?: boolean }): Promise<ChildProcess> {
  const persistence = o.durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(o.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', o.dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitForReady(child);
  return child;
}

/** A throwaway Redis on a free loopback port for the whole test run, with nothing persisted. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-redis-'));
  const port = await freePort();
  const child = await startRedisServer({ port, dir });
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  return () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
