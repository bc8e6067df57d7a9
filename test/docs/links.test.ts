import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

/** The documentation a reader follows: the README, the contributor guide and every page under docs/. */
const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** The page's prose lines: code blocks hold examples, not links to follow. */
function proseLines(file: string): string[] {
  let fenced = false;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && !line.startsWith('```');
    });
}

/** The anchors GitHub gives the page's headings (duplicates numbered as GitHub numbers them). */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const headings = proseLines(file).flatMap((line) => /^#{1,6} (.+)$/.exec(line)?.[1] ?? []);
  return new Set(headings.map((h) => slugger.slug(h)));
}

/** Every relative link target on the page, as written (inline code spans are text, not links). */
function relativeLinks(file: string): string[] {
  const text = proseLines(file)
    .map((line) => line.replace(/`[^`]*`/g, ''))
    .join('\n');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((target) => !/^[a-z]+:/i.test(target));
}

describe('the documentation links', () => {
  it.each(pages)('%s: every relative link reaches a file, and every anchor a heading there', (page) => {
    const broken = relativeLinks(page).filter((target) => {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? page : join(dirname(page), path);
      if (!existsSync(file)) return true;
      return anchor !== undefined && (!file.endsWith('.md') || !anchorsOf(file).has(anchor));
    });
    expect(broken).toEqual([]);
  });

  it('links every docs/ page from the README, which stays a front door', () => {
    const fromReadme = new Set(relativeLinks('README.md').map((target) => target.split('#')[0]));
    const docs = pages.filter((p) => p.startsWith('docs/'));
    expect(docs.filter((p) => !fromReadme.has(p))).toEqual([]);
    expect(readFileSync('README.md', 'utf8').split('\n').length).toBeLessThanOrEqual(250);
  });
});
