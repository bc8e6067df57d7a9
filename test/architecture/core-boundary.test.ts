import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = /from\s+['"](@slack\/|@microsoft\/|botbuilder|keyv|@keyv\/|openai|pino|bottleneck|@redis\/|redis|ioredis|node:http|node:fs)|from\s+['"](\.\.\/)+(slack|teams|infra|cli)\//;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core', () => {
  it('imports no platform, infrastructure or I/O module', () => {
    const offenders = files('src/core').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => FORBIDDEN.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  // Config is zod over env and YAML: core may name its types, but a runtime import would pull the parsing in.
  it('imports only types from src/config', () => {
    const runtimeImport = /^(?:import|export)\s+(?!type\s)[^;]*?from\s+['"](?:\.\.\/)+config\//gm;
    const offenders = files('src/core').flatMap((file) => (readFileSync(file, 'utf8').match(runtimeImport) ?? []).map((statement) => `${file}: ${statement.replace(/\s+/g, ' ')}`));
    expect(offenders).toEqual([]);
  });
});
