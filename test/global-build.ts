import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * The tests that start the real process run dist/, what `npm start` runs: compile it first (incremental,
 * under a second when nothing changed), so a focused `npx vitest run` never tests stale JavaScript.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
}
