import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadDocs } from '../../src/infra/knowledge/load-docs.js';
import { createLogger } from '../../src/infra/logger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('the Markdown docs folder (BATON_DOCS)', () => {
  it('warns, naming the folder, when it does not exist, and answers from no articles', () => {
    const { lines, stream } = capture();
    expect(loadDocs('/nonexistent/knowledge', createLogger('info', stream))).toEqual([]);
    expect(lines.join('')).toContain('docs folder (BATON_DOCS) not found');
    expect(lines.join('')).toContain('/nonexistent/knowledge');
  });

  it('reads the shipped articles without a warning', () => {
    const { lines, stream } = capture();
    expect(loadDocs('config/knowledge', createLogger('info', stream)).length).toBeGreaterThan(0);
    expect(lines).toEqual([]);
  });
});
