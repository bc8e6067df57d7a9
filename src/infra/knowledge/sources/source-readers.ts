import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import type { PoliteFetcher } from './polite-fetch.js';
import type { SourceReader } from './source-reader.js';

/**
 * The reader of a source of any kind the policy declares, its module loaded at the first sync: a start
 * does not pay for the parsers of kinds it may never read (docs sites' XML and HTML, exports' formats).
 */
export async function readerFor(source: KnowledgeSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): Promise<SourceReader> {
  switch (source.kind) {
    case 'markdown':
      return (await import('./markdown-source.js')).markdownReader(source);
    case 'zendesk':
      return (await import('./zendesk-source.js')).zendeskReader(source, fetcher, env);
    case 'intercom':
      return (await import('./intercom-source.js')).intercomReader(source, fetcher, env);
    case 'freshdesk':
      return (await import('./freshdesk-source.js')).freshdeskReader(source, fetcher, env);
    case 'helpscout':
      return (await import('./helpscout-source.js')).helpScoutReader(source, fetcher, env);
    case 'confluence':
    case 'notion':
      return (await import('./space-export-source.js')).spaceExportReader(source);
    case 'docs_site':
      return (await import('./docs-site-source.js')).docsSiteReader(source, fetcher);
  }
}
