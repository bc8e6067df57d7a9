import type { KnowledgeEntry } from '../../core/ports/knowledge.js';
import { joinWrappedParagraphs } from './markdown-paragraphs.js';

/** Sections shorter than this carry no answer worth quoting (a bare heading, a table of contents). */
const MIN_BODY = 40;
/** A heading this long says what it answers; a shorter one ("Roles") is a topic, not a question. */
const MIN_HEADING_WORDS = 3;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Splits a Markdown doc into one entry per "## " section (or the whole doc when it has none). A heading
 * of a few words is what customers' questions are matched against; otherwise the title (document title
 * + section heading) and the section's first paragraph are. The section body, as Markdown, is the answer.
 */
export function fromMarkdown(text: string, file: string, category?: string): { entries: KnowledgeEntry[]; skipped: string[] } {
  const docTitle = text.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? file.replace(/^.*\//, '').replace(/\.md$/i, '');
  const parts = text.split(/^##\s+/m);
  const sections = parts.length > 1 ? parts.slice(1).map((p) => splitHeading(p)) : [{ heading: docTitle, body: stripTitle(text) }];
  const entries: KnowledgeEntry[] = [];
  const skipped: string[] = [];
  for (const { heading, body } of sections) {
    if (body.length < MIN_BODY) {
      skipped.push(`section "${heading}" has no body`);
      continue;
    }
    const title = heading === docTitle ? docTitle : `${docTitle}: ${heading}`;
    // A heading of a few words ("I forgot my password") is what customers ask; only a bare topic heading
    // ("Roles") needs the lead paragraph to say what the section answers (more words dilute the match).
    const question = words(heading) >= MIN_HEADING_WORDS ? heading : `${title}\n${body.split(/\n\s*\n/)[0] ?? ''}`;
    entries.push({
      id: `doc:${file}#${slug(heading)}`,
      kind: 'doc',
      purpose: 'answer',
      question,
      answer: joinWrappedParagraphs(body),
      title,
      source: file,
      ...(category ? { category } : {}),
    });
  }
  return { entries, skipped };
}

function splitHeading(part: string): { heading: string; body: string } {
  const nl = part.indexOf('\n');
  const heading = (nl < 0 ? part : part.slice(0, nl)).trim();
  return { heading, body: nl < 0 ? '' : part.slice(nl + 1).trim() };
}

const stripTitle = (text: string) => text.replace(/^#\s+.+$/m, '').trim();
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
