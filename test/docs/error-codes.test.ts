import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BatonError, ERROR_CATALOGUE } from '../../src/core/errors/error-catalogue.js';
import { createLogger } from '../../src/infra/logger.js';

describe('the error catalogue', () => {
  it('is the table docs/operating.md shows the operator, code for code and word for word', () => {
    const rows = [...readFileSync('docs/operating.md', 'utf8').matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(ERROR_CATALOGUE));
  });

  it('puts the code and what it means for the operator in the log line of such an error', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => done(void lines.push(String(chunk))) }), 'json');
    log.error({ err: new BatonError('BATON_STORE_WRITE', 'could not store conversation x') }, 'decision failed');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ code: 'BATON_STORE_WRITE', message: 'could not store conversation x', operator: ERROR_CATALOGUE.BATON_STORE_WRITE });
  });
});
