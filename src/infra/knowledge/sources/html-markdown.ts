import { compile, type FormatCallback } from 'html-to-text';

/** Page furniture that is never part of an article: navigation, headers and footers, forms, scripts. */
const BOILERPLATE = ['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form', 'button', 'svg', 'iframe', '[role=navigation]', '[role=banner]', '[role=contentinfo]'];
/** Where a page's own content is, in order of preference; the whole body when none is marked. */
const CONTENT = ['main', 'article', '[role=main]'];

const heading: FormatCallback = (elem, walk, builder) => {
  const level = Math.min(Number(elem.name?.slice(1)) || 2, 4);
  builder.openBlock({ leadingLineBreaks: 2 });
  // An article's h1 is its title; its sections start at h2, so both open a section.
  builder.addInline(`${'#'.repeat(Math.max(level, 2))} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const fenced: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2, isPre: true });
  builder.addLiteral('```\n');
  walk(elem.children, builder);
  builder.addLiteral('\n```');
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const inlineCode: FormatCallback = (elem, walk, builder) => {
  // Code inside <pre> is already fenced.
  if ((elem.parent as { name?: string } | null)?.name === 'pre') return walk(elem.children, builder);
  builder.addInline('`', { noWordTransform: true });
  walk(elem.children, builder);
  builder.addInline('`', { noWordTransform: true });
};

/** A link as Markdown, its address as the page wrote it: htmlToMarkdown makes it absolute. */
const link: FormatCallback = (elem, walk, builder) => {
  const href = (elem.attribs as Record<string, string> | undefined)?.href?.trim();
  if (!href || href.startsWith('#') || /^javascript:/i.test(href)) return walk(elem.children, builder);
  builder.addInline('[', { noWordTransform: true });
  walk(elem.children, builder);
  builder.addInline(`](${href.replace(/[()\s]/g, encodeURIComponent)})`, { noWordTransform: true });
};

const converters = new Map<string, ReturnType<typeof compile>>();

/** One converter for each content selector, built once: compiling one costs more than converting a page. */
function converter(content: string | undefined): ReturnType<typeof compile> {
  const key = content ?? '';
  let convert = converters.get(key);
  if (!convert) {
    convert = compile({
      wordwrap: false,
      ...(content ? { baseElements: { selectors: [content] } } : {}),
      formatters: { heading, fenced, inlineCode, link },
      selectors: [
        ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'heading' })),
        { selector: 'pre', format: 'fenced' },
        { selector: 'code', format: 'inlineCode' },
        { selector: 'a', format: 'link' },
        { selector: 'img', format: 'skip' },
        { selector: 'ul', options: { itemPrefix: '- ' } },
        ...BOILERPLATE.map((selector) => ({ selector, format: 'skip' })),
      ],
    });
    converters.set(key, convert);
  }
  return convert;
}

/**
 * An article's HTML as the Markdown the knowledge base keeps: headings (`##` opens a section), lists, code
 * (fenced and inline) and links (made absolute against `base`) stay; navigation, headers, footers and the
 * like are left out, and of a whole page only its main content is read: `content` when given (an
 * export's own layout), else what the page marks as main. Without a `base` (a page of an export, which has
 * no address) a relative link keeps its words only.
 */
export function htmlToMarkdown(html: string, base: string | undefined, content = CONTENT.find((selector) => contentPattern(selector).test(html))): string {
  // html-to-text pads ordered-list numbers with a space ("  1. "), which Markdown reads as a list all the same.
  return withLinks(converter(content)(html), base)
    .replace(/^ (\d+\. )/gm, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Markdown's links made absolute against `base`; without one, a link that is not already absolute keeps its words only. */
export function withLinks(markdown: string, base: string | undefined): string {
  return markdown.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (_, image: string, words: string, href: string) => {
    const to = absolute(href, base);
    if (image) return to ? `![${words}](${to})` : '';
    return to ? `[${words}](${to})` : words;
  });
}

function absolute(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function contentPattern(selector: string): RegExp {
  return selector.startsWith('[') ? /role=["']?main\b/i : new RegExp(`<${selector}[\\s>]`, 'i');
}

/** The page's title: its first h1 (a <title> tends to carry the site's name too), else its <title>. */
export function htmlTitle(html: string): string | undefined {
  const raw = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i)?.[1] ?? html.match(/<title[^>]*>([^<]*)<\/title>/i)?.[1];
  return raw ? compile({ wordwrap: false })(raw).trim() || undefined : undefined;
}
