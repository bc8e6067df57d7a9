import { join } from 'node:path';

/** Where a team's material lies, laid out like test/fixtures/triage (categories.yaml, kb.jsonl, sources/). */
export interface TeamData {
  dir: string;
  /** The labelled set the team keeps apart to measure the result. */
  heldOut: string;
  /** Where baton calibrate writes its suggestion. */
  suggested: string;
}

/**
 * The steps of docs/triage.md, "Set up triage for your team", as `npm run baton --` arguments, in order.
 * BATON_CONFIG, BATON_KB and BATON_DOCS name the policy, knowledge file and docs folder they work on.
 * Keep the two in step: the eval is only honest while it does what that page says.
 */
export function readmeSteps(d: TeamData): string[][] {
  const src = (f: string) => join(d.dir, 'sources', f);
  return [
    ['policy', 'merge', join(d.dir, 'categories.yaml')],
    ['kb', 'ingest', '--answers', join(d.dir, 'kb.jsonl')],
    ['kb', 'ingest', '--exclude', d.heldOut, '--map', 'question=text,topic=category', src('banking77/train.csv')],
    ['kb', 'ingest', '--exclude', d.heldOut, '--records', 'train,oos_train', '--map', 'question=0,topic=1', src('clinc150/data_train_val.json')],
    ['kb', 'ingest', '--exclude', d.heldOut, '--map', "question=Query,topic='privacyqa-opp115:questions'", src('privacyqa-opp115/train_opp_annotations.csv')],
    ['kb', 'stats'],
    ['calibrate', '--out', d.suggested],
    ['policy', 'merge', d.suggested],
  ];
}
