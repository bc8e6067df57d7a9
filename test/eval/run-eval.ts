/**
 * `npm run eval`: sets Baton up for a team exactly as docs/triage.md, "Set up triage for your team", says
 * (the same `npm run baton --` commands on a copy of the shipped policy, nothing else), then replays the
 * labelled set with `baton triage` and scores the decisions. Exits non-zero below a floor.
 *   --data DIR   the team's material, laid out like test/fixtures/triage (default)
 *   --set FILE   the labelled set to score, kept out of every import (default DIR/dev.jsonl)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPolicy } from '../../src/config/load-policy.js';
import { answerClarifications, formatTally } from './clarify-choice.js';
import { checkFloors, FLOORS } from './floors.js';
import { readItems } from './labelled-set.js';
import { readmeSteps } from './readme-steps.js';
import { formatScores, score, type TriageLine } from './scores.js';
import { sentimentSlice } from './sentiment-slice.js';

const FIXTURES = new URL('../fixtures/triage/', import.meta.url).pathname;
const { values } = parseArgs({ options: { data: { type: 'string', default: FIXTURES }, set: { type: 'string' } } });
const data = values.data;
const set = values.set ?? join(data, 'dev.jsonl');
const work = mkdtempSync(join(tmpdir(), 'baton-eval-'));
mkdirSync(join(work, 'docs'));
const env = { ...process.env, BATON_CONFIG: join(work, 'baton.yaml'), BATON_KB: join(work, 'knowledge.jsonl'), BATON_DOCS: join(work, 'docs'), LOG_LEVEL: 'silent' };

/** One documented command, as a shell would run it; its stdout is returned, its progress goes to stderr. */
function baton(args: string[]): string {
  process.stderr.write(`\n$ npm run baton -- ${args.map((a) => (/[\s'"]/.test(a) ? `"${a}"` : a)).join(' ')}\n`);
  const r = spawnSync('npm', ['run', '--silent', 'baton', '--', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`baton ${args.join(' ')} exited ${r.status}:\n${r.stdout}`);
  return r.stdout;
}

const started = Date.now();
try {
  copyFileSync('config/baton.yaml', env.BATON_CONFIG);
  for (const step of readmeSteps({ dir: data, heldOut: set, suggested: join(work, 'thresholds.suggested.yaml') })) process.stderr.write(baton(step));
  const lines = new Map(
    baton(['triage', set])
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TriageLine)
      .map((l) => [l.id, l]),
  );
  const items = readItems(set);
  const clarified = answerClarifications(items, lines);
  const scores = score(items, clarified.lines);
  console.log(`\n${formatScores(`baton triage ${set}, set up by the steps of docs/triage.md only`, scores)}`);
  console.log(formatTally(clarified.tally));
  console.log(`\n${sentimentSlice(loadPolicy(env.BATON_CONFIG), join(data, 'dev_sentiment.jsonl'))}`);
  const failures = checkFloors(scores);
  console.log(`\nfloors: ${JSON.stringify(FLOORS)}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (failures.length > 0) {
    console.log(`FAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('all floors met');
} finally {
  rmSync(work, { recursive: true, force: true });
}
