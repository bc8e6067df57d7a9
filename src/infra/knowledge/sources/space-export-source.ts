import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import { readExportPages } from './export-archive.js';
import { htmlTitle, htmlToMarkdown, withLinks } from './html-markdown.js';
import type { SourceArticle } from './source-article.js';
import type { SourceReader } from './source-reader.js';

type SpaceExportSource = Extract<KnowledgeSource, { kind: 'confluence' | 'notion' }>;

/** How one wiki lays out its export: which files are pages, and a page's title and Markdown. */
interface ExportLayout {
  isPage(name: string): boolean;
  read(path: string, text: string): { title: string; markdown: string };
}

/**
 * A Confluence space export (HTML): a page per `Title_123456.html` beside `index.html` (the space's
 * page tree) and `attachments/`; the page's own content is `#main-content`, out of the breadcrumbs,
 * page metadata, attachments list and footer around it; its title is "Space : Title".
 */
const confluence: ExportLayout = {
  isPage: (name) => name.endsWith('.html') && name !== 'index.html',
  read: (_, html) => ({
    title: htmlTitle(`<h1>${html.match(/<span id="title-text">([\s\S]*?)<\/span>/)?.[1] ?? ''}</h1>`)?.replace(/^.*? : /, '') ?? htmlTitle(html) ?? '',
    markdown: htmlToMarkdown(html, undefined, '#main-content'),
  }),
};

/** Notion's export id: a space and 32 hex digits at the end of every page's file and folder name. */
const NOTION_ID = / [0-9a-f]{32}(?=\.(md|html)$|$)/;

/**
 * A Notion export (Markdown & CSV, or HTML): nested folders of `Page Name <32-hex-id>.md` (or `.html`)
 * files, a page's sub-pages in the folder of the same name. A Markdown page opens with `# Title`;
 * its Heading 1 blocks open sections as its Heading 2 ones do. An HTML page's content is `.page-body`.
 * Links to other pages of the export keep their words only; databases (CSV) are not pages.
 */
const notion: ExportLayout = {
  isPage: (name) => /\.(md|html)$/.test(name) && name !== 'index.html',
  read: (path, text) => {
    const named = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).replace(/\.(md|html)$/, '').replace(NOTION_ID, '');
    if (path.endsWith('.html')) return { title: htmlTitle(text) ?? named, markdown: htmlToMarkdown(text, undefined, '.page-body') };
    const title = text.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? named;
    const body = text.replace(/^#\s+.+$/m, '').replace(/^# /gm, '## ');
    return { title, markdown: withLinks(body, undefined).trim() };
  },
};

/** A wiki space's export (Confluence HTML, Notion Markdown or HTML): each page an article, read again when the export changes. */
export function spaceExportReader(source: SpaceExportSource): SourceReader {
  const layout = source.kind === 'confluence' ? confluence : notion;
  return async (previous) => {
    const read = readExportPages(source.path, layout.isPage, previous?.validators?.etag);
    if (read === 'unchanged') return read;
    const articles = [...read.pages].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([key, text]): SourceArticle[] => {
      const { title, markdown } = layout.read(key, text);
      return markdown ? [{ key, title, markdown, audience: source.audience }] : [];
    });
    return { articles, validators: { etag: read.signature } };
  };
}

