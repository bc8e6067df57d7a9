import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { JsonlKnowledgeStore } from '../../src/infra/knowledge/jsonl-knowledge-store.js';
import { useCliSession } from './cli-session.js';

const cli = useCliSession('baton-map-');

function write(name: string, text: string): string {
  const file = join(cli.dir, name);
  writeFileSync(file, text);
  return file;
}

const entries = (kb: string) => new JsonlKnowledgeStore(kb).loadAll();

describe('kb ingest --map: any CSV, TSV, JSON or JSONL', () => {
  it('takes the question and topic from named columns, and nothing from the columns it renamed', async () => {
    const csv = write('train.csv', 'text,category\r\n"I am still waiting on my card?",card_arrival\r\n"My card was\r\ndeclined",declined_card_payment\r\n');
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--map', 'question=text,topic=category', csv])).toBe(0);
    const got = await entries(kb);
    expect(got.map((e) => [e.kind, e.question, e.topic, e.category])).toEqual([
      ['example', 'I am still waiting on my card?', 'card_arrival', undefined],
      ['example', 'My card was\ndeclined', 'declined_card_payment', undefined],
    ]);
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--map', 'question=text,topic=category', csv])).toBe(0);
    expect(cli.out).toMatch(/0 added, 0 updated, 2 unchanged/);
  });

  it('takes the topic from a Zendesk custom field by its id, over what the format gave', async () => {
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--map', 'topic=custom_fields.360001', 'test/fixtures/exports/zendesk'])).toBe(0);
    const topics = new Map((await entries(kb)).map((e) => [e.id, e.topic]));
    expect(topics.get('zendesk:35436')).toBe('plan_business');
    expect(topics.get('zendesk:35437')).toBe('refund'); // no such field on this ticket: the format's topic stays
  });

  it('reads [text, intent] pairs by position from the arrays of a JSON object, optionally only some keys', async () => {
    const json = write('data.json', JSON.stringify({ train: [['how do i say hello in french', 'translate'], ['what is my balance', 'balance']], val: [['say thanks in german', 'translate']] }));
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--map', 'question=0,topic=1', '--records', 'train', json])).toBe(0);
    expect((await entries(kb)).map((e) => e.topic)).toEqual(['translate', 'balance']);
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--map', 'question=0,topic=1', '--records', 'trian', json])).toBe(0);
    expect(cli.out).toMatch(/1 {2}no records under the --records keys \(trian\)/);
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, json])).toBe(0);
    expect(cli.out).toMatch(/3 {2}a list, not a record \(name its columns with --map, e\.g\. question=0,topic=1\)/);
  });

  it('reads a tab-separated file and takes a label from yes-flag columns; outcome columns say who needed a person', async () => {
    const tsv = write('annotations.csv', 'QueryID\tQuery\tthird\tdatasecurity\treopens\n' + 'q1\tdo you sell my data\t1\t0\t0\n' + 'q2\tis my data encrypted\t0\t1\t2\n');
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--kb', kb, '--map', 'id=QueryID,question=Query,category=third+datasecurity,reopened=reopens', tsv])).toBe(0);
    const got = await entries(kb);
    expect(got.map((e) => [e.id, e.category, e.needsHumanBecause])).toEqual([
      ['q1', 'third', undefined],
      ['q2', 'datasecurity', ['reopened']],
    ]);
    expect(cli.out).toMatch(/Needed a person: 1 reopened/);
  });

  it('--dry-run shows the records as they would be stored and writes nothing', async () => {
    const csv = write('t.csv', 'q,t\nwhere is my refund,refund\n');
    const kb = join(cli.dir, 'kb.jsonl');
    expect(await runCli(['kb', 'ingest', '--quiet', '--dry-run', '--kb', kb, '--map', 'question=q,topic=t', csv])).toBe(0);
    expect(cli.out).toMatch(/Would import 1 file\(s\): 1 record\(s\) kept; 1 to add/);
    expect(cli.out).toMatch(/\[example, topic refund\]\n\s+question: where is my refund/);
    expect(await entries(kb)).toEqual([]);
  });

  it('names a --map column the CSV header lacks, with the columns it has, instead of reading nothing silently', async () => {
    const csv = write('queries.csv', 'Text,Label\n"Is my data encrypted?",security\n');
    expect(await runCli(['kb', 'ingest', '--quiet', '--dry-run', '--kb', join(cli.dir, 'kb.jsonl'), '--map', "question=Txt,category='security'", csv])).toBe(0);
    expect(cli.out).toContain('--map names column "Txt", which the header does not have (Text, Label)');
    expect(cli.out).not.toContain("column \"'security'\"");
  });

  it('rejects a mapping it cannot follow, naming the fields it knows', async () => {
    expect(await runCli(['kb', 'ingest', '--quiet', '--map', 'questoin=text', write('t.csv', 'text\nhi\n')])).toBe(2);
    expect(cli.err).toMatch(/--map: unknown field "questoin" \(one of question, answer/);
  });

  it('writes to BATON_KB when no --kb is given, as the server reads it', async () => {
    const kb = join(cli.dir, 'from-env.jsonl');
    const before = process.env.BATON_KB;
    process.env.BATON_KB = kb;
    try {
      expect(await runCli(['kb', 'ingest', '--quiet', write('a.jsonl', '{"id":"x","question":"q?","answer":"a."}')])).toBe(0);
    } finally {
      if (before === undefined) delete process.env.BATON_KB;
      else process.env.BATON_KB = before;
    }
    expect((await entries(kb)).map((e) => e.id)).toEqual(['x']);
    expect(cli.out).toContain(`Knowledge file: ${kb}`);
  });
});
