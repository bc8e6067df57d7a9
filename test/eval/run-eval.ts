/**
 * `npm run eval`: replays the labelled set through Baton configured from test/fixtures/triage and
 * scores the answer/escalate decision. Exits non-zero when a figure falls below its floor.
 *   --set FILE      score another labelled JSONL file (triage-dev schema) instead of the fixtures
 *   --no-llm-pass   skip the pass through the LLM engine against the fake OpenAI-compatible server
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDecider } from '../../src/core/answer/build-decider.js';
import { crossValidate, formatCrossValidation } from './cross-validation.js';
import { FIXTURES, readItems, setUp } from './eval-setup.js';
import { decideAll } from './decide-all.js';
import { checkFloors, FLOORS } from './floors.js';
import { runLlmPass } from './llm-pass.js';
import { formatReport, score } from './metrics.js';
import { sentimentSlice } from './sentiment-slice.js';

const { values } = parseArgs({ options: { set: { type: 'string', multiple: true }, 'no-llm-pass': { type: 'boolean', default: false } } });
const sets = values.set ?? [join(FIXTURES, 'dev.jsonl'), join(FIXTURES, 'baton-threads.jsonl')];
const items = sets.flatMap(readItems);
const { policy, kb } = await setUp();

const decided = await decideAll(buildDecider({ policy, kb }), items);
const report = score(decided.map((d) => d.scored));
console.log(formatReport('no LLM (extractive answers)', report));
console.log(`\n${formatCrossValidation(crossValidate(decided, policy.triage))}`);
console.log(`\n${sentimentSlice(policy, join(FIXTURES, 'dev_sentiment.jsonl'))}`);

const failures = checkFloors(report);
if (!values['no-llm-pass']) failures.push(...(await runLlmPass(policy, kb, items)));
console.log(`\nfloors: 2-class >= ${FLOORS.accuracy2}, 3-action >= ${FLOORS.accuracy3}, high-tier escalate recall >= ${FLOORS.highTierEscalateRecall}, must-escalate answered <= ${FLOORS.maxEscalateAnswered}`);
if (failures.length > 0) {
  console.log(`FAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('all floors met');
