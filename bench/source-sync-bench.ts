/**
 * Child of `npm run bench`: a Zendesk help center of `size` articles (a fake on loopback, 100 a page)
 * synced through the knowledge-source code into a SQLite store: the first sync, one that finds nothing
 * changed (304), one after 1% of the articles changed; then decision latency with the articles indexed
 * beside the eval KB. Prints one JSON line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeSourceSchema } from '../src/config/knowledge-sources-schema.js';
import { buildDecider } from '../src/core/answer/build-decider.js';
import { KnowledgeSources } from '../src/infra/knowledge/sources/knowledge-sources.js';
import { createLogger } from '../src/infra/logger.js';
import { openStores } from '../src/infra/store/open-stores.js';
import { FakeHelpCenter } from '../test/fakes/fake-help-center.js';
import { setUp } from './bench-seed.js';
import { replayRound } from './replay-inputs.js';

const size = Number(process.argv[2] ?? 5000);
const MB = 2 ** 20;
const words = ['invoice', 'export', 'webhook', 'seat', 'token', 'SAML', 'report', 'workspace', 'refund', 'audit', 'role', 'billing'];
const body = (i: number) =>
  `<p>To change the ${words[i % words.length]} settings for team ${i}, open Settings.</p><h2>Steps for the ${words[(i * 7) % words.length]} ${i}</h2><ol><li>Open the ${words[(i * 3) % words.length]} page</li><li>Press Save</li></ol><h2>Limits of plan ${i}</h2><p>Up to ${i % 50} items a day; <a href="/hc/en-us/articles/${i + 1}">see the next article</a>.</p>`;

const hc = await FakeHelpCenter.start();
for (let i = 1; i <= size; i++) hc.publish({ id: i, title: `How to configure ${words[i % words.length]} number ${i}`, body: body(i) });
const stores = await openStores(`sqlite://${join(mkdtempSync(join(tmpdir(), 'baton-bench-sources-')), 'baton.sqlite')}`);
const source = knowledgeSourceSchema.parse({ id: 'help', kind: 'zendesk', url: hc.url, locale: 'en-us' });
const sources = new KnowledgeSources({ sources: [source], requests_per_second: 100 }, { store: stores.sources, locks: stores.locks, env: {}, log: createLogger('silent'), now: () => 0 });

let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
async function timed(): Promise<{ seconds: number; requests: number }> {
  const before = hc.requests.length;
  const t0 = performance.now();
  const [result] = await sources.sync();
  if (!result?.ok) throw new Error(result?.error);
  return { seconds: (performance.now() - t0) / 1000, requests: hc.requests.length - before };
}
const first = await timed();
const unchanged = await timed();
for (let i = 1; i <= size / 100; i++) hc.change(i * 100, { body: `${body(i)}<p>Changed.</p>` });
const changed = await timed();
const t0 = performance.now();
await sources.refresh();
const entries = sources.entries();
const loadSeconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());

const { policy, kb } = await setUp();
const decider = buildDecider({ policy, kb: [...kb, ...entries] });
const inputs = replayRound(0, 200);
for (const input of inputs.slice(0, 200)) await decider.decide(input);
const times: number[] = [];
for (const input of inputs) {
  const start = performance.now();
  await decider.decide(input);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
await stores.close();
await hc.stop();
console.log(JSON.stringify({ size, sections: entries.length, first, unchanged, changed, loadSeconds, peakRssMb: peak / MB, decisions: times.length, p50: pct(0.5), p99: pct(0.99) }));
