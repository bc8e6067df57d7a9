import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

export interface CliSession {
  /** A fresh temporary folder for the test's files. */
  dir: string;
  /** What the CLI wrote to stdout and stderr. */
  out: string;
  err: string;
}

/** Each test of the calling file gets a temporary folder and the CLI's output captured. */
export function useCliSession(prefix: string): CliSession {
  const session: CliSession = { dir: '', out: '', err: '' };
  beforeEach(() => {
    session.dir = mkdtempSync(join(tmpdir(), prefix));
    session.out = '';
    session.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      session.out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      session.err += String(s);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(session.dir, { recursive: true, force: true });
  });
  return session;
}
